#include "catalog/search.h"

#include <algorithm>

#include "core/html.h"

namespace solipraxis::catalog {

namespace {

using Token = core::QueryTerm;

std::vector<Token> tokens(std::string_view query) { return core::query_terms(query); }

// 0 = no match, 1 = prefix of a word, 2 = a whole word.
int match(const Token& t, const std::vector<Word>& words) {
  int best = 0;
  for (const Word& w : words) {
    for (const std::string* q : {&t.folded, &t.variant}) {
      if (q->empty() || w.folded.compare(0, q->size(), *q) != 0) continue;
      best = std::max(best, w.folded.size() == q->size() ? 2 : 1);
    }
    if (best == 2) break;
  }
  return best;
}

struct Fields {
  std::vector<Word> title, text, body;
};

Fields fields_of(const Item& it, Lang lang) {
  return Fields{split_words(it.title.get(lang)), split_words(it.text.get(lang)),
                split_words(it.body.get(lang))};
}

// Score of one language's fields, or 0 if some token matches nowhere.
double score(const std::vector<Token>& toks, const Fields& f) {
  double total = 0;
  for (const Token& t : toks) {
    double best = 0;
    for (auto [words, weight] : {std::pair{&f.title, 3.0}, std::pair{&f.text, 2.0},
                                 std::pair{&f.body, 1.0}}) {
      int m = match(t, *words);
      if (m) best = std::max(best, weight + (m == 2 ? 0.5 : 0.0));
    }
    if (best == 0) return 0;
    total += best;
  }
  return total;
}

}  // namespace

std::string fold(std::string_view word) { return core::fold(word); }

std::vector<Word> split_words(std::string_view text) { return core::split_words(text); }

std::vector<Hit> search(const Catalog& catalog, std::string_view query, const SearchOptions& opt) {
  std::vector<Hit> hits;
  std::vector<Token> toks = tokens(query);
  if (toks.empty()) return hits;
  Lang other = opt.lang == Lang::kDe ? Lang::kEn : Lang::kDe;
  for (const Item* it : catalog.list(opt.phase, opt.kind)) {
    double s = score(toks, fields_of(*it, opt.lang));
    if (s == 0) s = score(toks, fields_of(*it, other)) / 2;
    if (s > 0) hits.push_back(Hit{it, s});
  }
  std::stable_sort(hits.begin(), hits.end(),
                   [](const Hit& a, const Hit& b) { return a.score > b.score; });
  if (hits.size() > opt.limit) hits.resize(opt.limit);
  return hits;
}

std::vector<std::pair<size_t, size_t>> match_spans(std::string_view text, std::string_view query) {
  const std::vector<Token> toks = tokens(query);
  return match_spans(text, [&](const Word& w) {
    return std::any_of(toks.begin(), toks.end(), [&](const Token& t) { return match(t, {w}) != 0; });
  });
}

std::vector<std::pair<size_t, size_t>> match_spans(std::string_view text,
                                                   const std::function<bool(const Word&)>& matches) {
  std::vector<std::pair<size_t, size_t>> out;
  for (const Word& w : split_words(text))
    if (matches(w)) out.emplace_back(w.start, w.end);
  return out;
}

std::string highlight_html(std::string_view text, std::string_view query) {
  std::string out;
  size_t pos = 0;
  for (auto [start, end] : match_spans(text, query)) {
    core::append_html_escaped(out, text.substr(pos, start - pos));
    out += "<mark>";
    core::append_html_escaped(out, text.substr(start, end - start));
    out += "</mark>";
    pos = end;
  }
  core::append_html_escaped(out, text.substr(pos));
  return out;
}

}  // namespace solipraxis::catalog
