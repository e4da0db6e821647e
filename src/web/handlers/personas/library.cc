// The persona library, copying the shipped examples, one persona's page and
// deleting a persona (see personas.h).
#include <set>
#include <utility>

#include "catalog/persona_examples.h"
#include "store/personas.h"
#include "store/risks.h"
#include "store/store.h"
#include "store/tool_records.h"
#include "web/handlers/catalog/catalog_common.h"
#include "web/handlers/personas/form.h"
#include "web/handlers/personas/personas.h"
#include "web/handlers/site/dashboard.h"
#include "web/handlers/tools/tool_views.h"
#include "web/i18n.h"
#include "web/page.h"

namespace solipraxis::web::handlers::personas {

using tool_views::editor_form;
using tool_views::is_page_error;
using tool_views::kWriteRole;

namespace {

struct LibraryView {
  std::string notice_key{};
  std::string examples_error_key{};
  std::set<std::string, std::less<>> chosen{};  // kept after a refused copy
  int status = 200;
};

std::string notice_for(std::string_view saved) {
  for (const char* k : {"created", "updated", "deleted", "copied"}) {
    if (saved == k) return std::string("personas.saved.") + k;
  }
  return {};
}

// An example's id as an HTML id: "ex.erika" -> "persona-example-ex-erika".
std::string example_dom_id(std::string id) {
  for (char& c : id) {
    if (c == '.') c = '-';
  }
  return "persona-example-" + id;
}

Response render_library(const Services& s, const Request& req, const auth::Membership& m,
                        const LibraryView& v) {
  auto list = s.store.personas().list(m.org.id);
  if (!list) return error_response(s, req, list.error());
  mstch::array rows;
  std::set<std::string, std::less<>> copied;
  for (const auto& p : *list) {
    rows.push_back(persona_data(s, req, m, p));
    if (!p.example_id.empty()) copied.insert(p.example_id);
  }
  const catalog::Lang lang = catalog_common::lang_of(req);
  const auto& ex = catalog::persona_examples();
  mstch::array examples;
  for (const auto& p : lang == catalog::Lang::kDe ? ex.de : ex.en) {
    mstch::map d = persona_data(s, req, m, p);
    d["dom_id"] = example_dom_id(p.example_id);
    d["copied"] = copied.contains(p.example_id);
    d["checked"] = v.chosen.contains(p.example_id);
    examples.push_back(std::move(d));
  }
  mstch::map data = org_page_data(s, req, m);
  data.emplace("title", tr(s, req, "personas.title"));
  data.emplace("personas", std::move(rows));
  data.emplace("has_personas", !list->empty());
  data.emplace("can_edit", m.role >= kWriteRole);
  data.emplace("examples", std::move(examples));
  data.emplace("examples_about", ex.about.get(lang));
  if (!v.notice_key.empty()) data.emplace("notice", tr(s, req, v.notice_key));
  if (!v.examples_error_key.empty()) data.emplace("examples_error", tr(s, req, v.examples_error_key));
  return render(s, req, "personas/library", std::move(data), v.status);
}

// The risks that name `p`, for pages: [{url, description, tool, state}].
core::Result<mstch::array> risks_naming(const Services& s, const Request& req,
                                        const auth::Membership& m, const core::Persona& p,
                                        const std::vector<core::Tool>& tools) {
  auto risks = s.store.risks().list(m.org.id, naming(p.id));
  if (!risks) return risks.error();
  mstch::array out;
  for (const auto& r : *risks) {
    std::string tool_name;
    for (const auto& t : tools) {
      if (t.id == r.tool) tool_name = t.name;
    }
    out.push_back(mstch::map{
        {"url", "/o/" + m.org.slug + "/risks/" + std::to_string(r.id.value)},
        {"description", r.description},
        {"tool", tool_name},
        {"state", tr(s, req, std::string("risks.state.") + core::risk_state_name(r.state))}});
  }
  return out;
}

// The persona's page or its delete confirmation, with the risks that name it.
Response render_persona(const Services& s, const Request& req, const auth::Membership& m,
                        const core::Persona& p, std::string_view page,
                        const std::string& error_key = "", int status = 200) {
  auto tools = store::all_tools(s.store.tools(), m.org.id);
  if (!tools) return error_response(s, req, tools.error());
  auto risks = risks_naming(s, req, m, p, *tools);
  if (!risks) return error_response(s, req, risks.error());
  mstch::map data = org_page_data(s, req, m);
  data.emplace("title", page == "personas/persona" ? p.name : tr(s, req, "personas.delete.title"));
  data.emplace("persona", persona_data(s, req, m, p));
  data.emplace("has_risks", !risks->empty());
  data.emplace("risks", std::move(*risks));
  data.emplace("can_edit", m.role >= kWriteRole);
  data.emplace("back_url", personas_url(m));
  if (page == "personas/persona") {
    // The tools it is attached to: each tool's personas (an org has few tools).
    mstch::array attached;
    for (const auto& t : *tools) {
      auto of_tool = s.store.personas().of_tool(m.org.id, t.id);
      if (!of_tool) return error_response(s, req, of_tool.error());
      for (const auto& q : *of_tool) {
        if (q.id == p.id) {
          attached.push_back(mstch::map{{"name", t.name},
                                        {"url", tool_views::tool_url(m, t.id) + "/personas"}});
        }
      }
    }
    data.emplace("has_tools", !attached.empty());
    data.emplace("tools", std::move(attached));
    const std::string saved = req.query.value("saved");
    if (!notice_for(saved).empty()) data.emplace("notice", tr(s, req, notice_for(saved)));
  } else {
    data.emplace("confirm", format_message(tr(s, req, "personas.delete.confirm"), {{"name", p.name}}));
  }
  if (!error_key.empty()) data.emplace("error", tr(s, req, error_key));
  return render(s, req, page, std::move(data), status);
}

}  // namespace

Response personas_page(auth::Auth& auth, Request& req) {
  auto m = auth.require_member(req, req.param("org"));
  if (!m) return m.response();
  return render_library(auth.services(), req, *m,
                        LibraryView{.notice_key = notice_for(req.query.value("saved"))});
}

Response examples_copy(auth::Auth& auth, Request& req) {
  return editor_form(auth, req, [&](const auth::Membership& m, const Params& form) {
    Services& s = auth.services();
    const catalog::Lang lang = catalog_common::lang_of(req);
    const std::vector<std::string> ids = form.all("example");
    LibraryView refused{.chosen = {ids.begin(), ids.end()}, .status = 422};
    // Every choice is checked before the first copy, so a bad one copies nothing.
    std::vector<const core::Persona*> chosen;
    for (const auto& id : ids) {
      const core::Persona* p = catalog::persona_example(id, lang);
      if (p == nullptr) {
        refused.examples_error_key = "personas.examples.unknown";
        return render_library(s, req, m, refused);
      }
      chosen.push_back(p);
    }
    if (chosen.empty() || req.language_switch) {
      if (chosen.empty()) refused.examples_error_key = "personas.examples.none_chosen";
      else refused.status = 200;
      return render_library(s, req, m, refused);
    }
    auto existing = s.store.personas().list(m.org.id);
    if (!existing) return error_response(s, req, existing.error());
    if (existing->size() + chosen.size() > store::kMaxPersonasPerOrg) {
      refused.examples_error_key = "personas.error.too_many";
      refused.status = 409;
      return render_library(s, req, m, refused);
    }
    for (const core::Persona* p : chosen) {
      auto created = s.store.personas().create(m.org.id, *p, web_actor(m));
      if (!created) return error_response(s, req, created.error());
    }
    return Response::redirect(personas_url(m) + "?saved=copied");
  });
}

Response persona_page(auth::Auth& auth, Request& req) {
  auto m = auth.require_member(req, req.param("org"));
  if (!m) return m.response();
  Services& s = auth.services();
  auto p = persona_of_request(s, req, *m);
  if (!p) return error_response(s, req, p.error());
  return render_persona(s, req, *m, *p, "personas/persona");
}

Response persona_delete_page(auth::Auth& auth, Request& req) {
  auto m = auth.require_member(req, req.param("org"), kWriteRole);
  if (!m) return m.response();
  Services& s = auth.services();
  auto p = persona_of_request(s, req, *m);
  if (!p) return error_response(s, req, p.error());
  return render_persona(s, req, *m, *p, "personas/delete");
}

Response persona_delete(auth::Auth& auth, Request& req) {
  return editor_form(auth, req, [&](const auth::Membership& m, const Params& form) {
    Services& s = auth.services();
    auto p = persona_of_request(s, req, m);
    if (!p) return error_response(s, req, p.error());
    const bool detach = form.value("detach_from_risks") == "1";
    if (auto st = s.store.personas().remove(m.org.id, p->id, detach, web_actor(m)); !st) {
      // Risks named it meanwhile (or a storage fault): the confirmation again, with them listed.
      if (is_page_error(st.error())) return error_response(s, req, st.error());
      return render_persona(s, req, m, *p, "personas/delete", st.error().key,
                            http_status(st.error().code));
    }
    return Response::redirect(personas_url(m) + "?saved=deleted");
  });
}

}  // namespace solipraxis::web::handlers::personas
