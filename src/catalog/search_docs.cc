#include "catalog/search_docs.h"

namespace solipraxis::catalog {

std::vector<core::SearchDoc> search_docs(const Catalog& catalog) {
  std::vector<core::SearchDoc> out;
  for (const Item& it : catalog.items()) {
    for (Lang lang : {Lang::kDe, Lang::kEn}) {
      std::string text = it.text.get(lang);
      if (const std::string& body = it.body.get(lang); !body.empty())
        text += (text.empty() ? "" : "\n") + body;
      if (text.empty() && it.title.get(lang).empty()) continue;
      out.push_back(core::SearchDoc{it.id, kind_name(it.kind), it.phases, lang_name(lang),
                                    it.title.get(lang), std::move(text)});
    }
  }
  return out;
}

}  // namespace solipraxis::catalog
