#include "store/checker_terms.h"

namespace solipraxis::store {

using nlohmann::json;

json checker_terms_json(const std::vector<CheckerTerm>& terms) {
  json out = json::array();
  for (const auto& t : terms) {
    out.push_back({{"term", t.term}, {"suggestions", t.suggestions}, {"message", t.message}});
  }
  return out;
}

std::optional<std::vector<CheckerTerm>> checker_terms_from_json(const json& terms) {
  if (!terms.is_array()) return std::nullopt;
  std::vector<CheckerTerm> out;
  for (const auto& t : terms) {
    if (!t.is_object()) return std::nullopt;
    CheckerTerm term;
    auto name = t.find("term");
    if (name == t.end() || !name->is_string()) return std::nullopt;
    term.term = name->get<std::string>();
    if (auto m = t.find("message"); m != t.end()) {
      if (!m->is_string()) return std::nullopt;
      term.message = m->get<std::string>();
    }
    if (auto sug = t.find("suggestions"); sug != t.end()) {
      if (!sug->is_array()) return std::nullopt;
      for (const auto& x : *sug) {
        if (!x.is_string()) return std::nullopt;
        term.suggestions.push_back(x.get<std::string>());
      }
    }
    out.push_back(std::move(term));
  }
  return out;
}

}  // namespace solipraxis::store
