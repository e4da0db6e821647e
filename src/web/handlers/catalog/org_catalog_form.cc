#include "web/handlers/catalog/org_catalog_form.h"

#include <charconv>

#include "store/catalog.h"
#include "web/handlers/catalog/catalog_store.h"
#include "web/page.h"

namespace solipraxis::web::handlers {

namespace cat = solipraxis::catalog;

store::OrgCatalogEntry entry_from_form(const Params& form) {
  store::OrgCatalogEntry e;
  e.kind = form.value("kind");
  const std::string phase = form.value("phase");
  int n = 0;
  auto [ptr, ec] = std::from_chars(phase.data(), phase.data() + phase.size(), n);
  e.phase = ec == std::errc{} && ptr == phase.data() + phase.size() ? n : 0;
  e.title_de = form.value("title_de");
  e.title_en = form.value("title_en");
  e.text_de = form.value("text_de");
  e.text_en = form.value("text_en");
  e.url = form.value("url");
  return e;
}

mstch::map entry_form_view(const Services& s, const Request& req, const cat::Catalog& c,
                           const store::OrgCatalogEntry& e) {
  const cat::Lang lang = req.lang == "en" ? cat::Lang::kEn : cat::Lang::kDe;
  mstch::array kinds;
  for (const char* k : {"question", "resource"})
    kinds.push_back(mstch::map{{"value", std::string(k)},
                               {"label", tr(s, req, std::string("catalog.kind.") + k)},
                               {"selected", e.kind == k}});
  mstch::array phases;
  for (const cat::Phase& p : c.phases)
    phases.push_back(mstch::map{{"value", std::to_string(p.number)},
                                {"label", cat::roman_numeral(p.number) + " " + p.title.get(lang)},
                                {"selected", e.phase == p.number}});
  return mstch::map{{"kinds", kinds},       {"phases", phases},       {"title_de", e.title_de},
                    {"title_en", e.title_en}, {"text_de", e.text_de}, {"text_en", e.text_en},
                    {"url", e.url}};
}

core::Status check_hideable(const cat::Catalog& c, std::string_view id) {
  const cat::Item* it = c.find(id);
  if (!it || !catalog_store::is_org_kind(it->kind))
    return core::make_error(core::ErrorCode::kNotFound, "catalog.error.not_found",
                            "not a question, approach or resource of the catalog");
  return {};
}

}  // namespace solipraxis::web::handlers
