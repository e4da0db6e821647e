#include "web/handlers/catalog/catalog_common.h"

#include <algorithm>

#include "catalog/search.h"
#include "store/catalog.h"
#include "store/stem.h"
#include "web/page.h"

namespace solipraxis::web::handlers::catalog_common {

namespace {

// Long texts (boxes) are cut to a window around the first match, at spaces.
constexpr size_t kSnippet = 360;

// The words the database search matches in `lang` (store/stem.h: a word or its
// stem starts with a prefix of a query word): exactly those get marked.
class Matcher {
 public:
  Matcher(std::string_view query, std::string lang)
      : prefixes_(store::search_prefixes(query, lang)), lang_(std::move(lang)) {}
  bool operator()(const core::Word& w) const {
    return std::any_of(prefixes_.begin(), prefixes_.end(), [&](const auto& p) {
      return store::word_matches(w.folded, p, lang_);
    });
  }

 private:
  std::vector<std::vector<std::string>> prefixes_;
  std::string lang_;
};

std::string_view snippet(std::string_view text, const Matcher& matcher, bool& cut_front,
                         bool& cut_back) {
  cut_front = cut_back = false;
  if (text.size() <= kSnippet) return text;
  auto spans = cat::match_spans(text, matcher);
  size_t start = spans.empty() || spans.front().first < kSnippet / 3 ? 0
                                                                     : spans.front().first - kSnippet / 3;
  if (start > 0) {
    size_t sp = text.rfind(' ', start);
    start = sp == std::string_view::npos ? 0 : sp + 1;
  }
  size_t end = std::min(text.size(), start + kSnippet);
  if (end < text.size()) {
    size_t sp = text.rfind(' ', end);
    if (sp != std::string_view::npos && sp > start) end = sp;
  }
  cut_front = start > 0;
  cut_back = end < text.size();
  return text.substr(start, end - start);
}

// Text with the matched words as separate parts: [{text, mark}], so that the template escapes
// every part with {{text}} and wraps marked ones in <mark>.
mstch::array highlighted(std::string_view full, const Matcher& matcher) {
  bool front = false, back = false;
  std::string_view text = snippet(full, matcher, front, back);
  mstch::array parts;
  auto plain = [&](std::string t) { parts.push_back(mstch::map{{"text", std::move(t)}, {"mark", false}}); };
  if (front) plain("… ");
  size_t pos = 0;
  for (auto [start, end] : cat::match_spans(text, matcher)) {
    if (start > pos) plain(std::string(text.substr(pos, start - pos)));
    parts.push_back(mstch::map{{"text", std::string(text.substr(start, end - start))}, {"mark", true}});
    pos = end;
  }
  if (pos < text.size()) plain(std::string(text.substr(pos)));
  if (back) plain(" …");
  return parts;
}

}  // namespace


cat::Lang lang_of(const Request& req) { return req.lang == "en" ? cat::Lang::kEn : cat::Lang::kDe; }

bool parse_filters(const cat::Catalog& c, const Request& req, Filters& out, std::string& error_key) {
  const std::string phase = req.query.value("phase");
  if (!phase.empty() && (out.phase = c.phase_number(phase)) == 0) {
    error_key = "error.catalog.unknown_phase";
    return false;
  }
  const std::string kind = req.query.value("kind");
  if (!kind.empty()) {
    if (!cat::parse_kind(kind, out.kind)) {
      error_key = "error.catalog.unknown_kind";
      return false;
    }
    out.has_kind = true;
  }
  return true;
}

std::string item_url(const cat::Item& item) {
  const std::string phase = item.phases.empty() ? "" : std::to_string(item.phases.front());
  switch (item.kind) {
    case cat::Kind::kPhase: return "/praxis/phase/" + phase;
    case cat::Kind::kPrinciple: return "/praxis/principles#" + item.id;
    case cat::Kind::kMethod: return "/praxis/methods#" + item.id;
    default: return "/praxis/phase/" + phase + "#" + item.id;
  }
}

store::CatalogQuery store_query(const Request& req, std::string q, const Filters& f) {
  store::CatalogQuery out;
  out.text = std::move(q);
  out.lang = cat::lang_name(lang_of(req));
  out.phase = f.phase;
  if (f.has_kind) out.kind = cat::kind_name(f.kind);
  return out;
}

mstch::array result_views(const Services& s, const Request& req,
                          const std::vector<catalog_store::Found>& found, std::string_view q,
                          std::string_view org_slug) {
  const cat::Lang lang = lang_of(req);
  const Matcher matcher(q, cat::lang_name(lang));
  mstch::array out;
  for (const catalog_store::Found& f : found) {
    const cat::Item& it = *f.item;
    std::string where = tr(s, req, std::string("catalog.kind.") + cat::kind_name(it.kind));
    if (!it.phases.empty())
      where += " · " + tr(s, req, "catalog.phase.label") + " " + cat::roman_numeral(it.phases.front());
    std::string url = item_url(it);
    if (!org_slug.empty() && catalog_store::is_org_kind(it.kind))
      url = "/o/" + std::string(org_slug) + "/praxis#" + it.id;
    out.push_back(mstch::map{{"url", url},
                             {"title", highlighted(it.title.get(lang), matcher)},
                             {"has_title", !it.title.get(lang).empty()},
                             {"text", highlighted(it.text.get(lang), matcher)},
                             {"where", where},
                             {"own", f.own}});
  }
  return out;
}

}  // namespace solipraxis::web::handlers::catalog_common
