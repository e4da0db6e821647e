#include "store/stem.h"

#include <libstemmer.h>

#include <algorithm>
#include <array>
#include <memory>

#include "core/fold.h"

namespace solipraxis::store {
namespace {

struct StemmerDeleter {
  void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
};
using Stemmer = std::unique_ptr<sb_stemmer, StemmerDeleter>;

// One stemmer per thread and language: a libstemmer stemmer is not thread-safe.
sb_stemmer* stemmer_for(std::string_view lang) {
  thread_local Stemmer german(sb_stemmer_new("german", "UTF_8"));
  thread_local Stemmer english(sb_stemmer_new("english", "UTF_8"));
  return lang == "de" ? german.get() : english.get();
}

bool has_digit(std::string_view w) {
  return std::any_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

// The words of PostgreSQL's (Snowball's) stop lists whose stem is not a prefix of
// the word: the only stop words for which dropping them before stemming changes
// what a prefix query finds. German has none among folded (ASCII) words.
constexpr std::array<std::string_view, 6> kEnglishStopWordsWithOtherStem = {
    "any", "during", "having", "only", "very", "why"};

// Adds `p` unless a prefix of it is there already; drops entries that `p` is a prefix of.
void add_prefix(std::vector<std::string>& out, std::string p) {
  if (p.empty()) return;
  for (const auto& q : out)
    if (starts_with(p, q)) return;
  std::erase_if(out, [&](const std::string& q) { return starts_with(q, p); });
  out.push_back(std::move(p));
}

// German verb forms in -t/-et (3rd person, participle) that Snowball keeps whole:
// "uberwacht" -> "uberwach", "entscheidet" -> "entscheid". Only for stems long
// enough that the shorter prefix still names the word family.
std::string without_verb_ending(const std::string& s) {
  if (s.size() >= 8 && s.ends_with("et")) return s.substr(0, s.size() - 2);
  if (s.size() >= 7 && s.ends_with("t")) return s.substr(0, s.size() - 1);
  return {};
}

}  // namespace

std::string stem(std::string_view lang, std::string_view folded_word) {
  if (folded_word.empty() || has_digit(folded_word)) return std::string(folded_word);
  sb_stemmer* st = stemmer_for(lang);
  const sb_symbol* s = sb_stemmer_stem(st, reinterpret_cast<const sb_symbol*>(folded_word.data()),
                                       static_cast<int>(folded_word.size()));
  if (s == nullptr) return std::string(folded_word);  // out of memory: the word itself
  return std::string(reinterpret_cast<const char*>(s), static_cast<std::size_t>(sb_stemmer_length(st)));
}

bool index_stem(std::string_view lang, std::string_view folded_word, std::string_view stem) {
  if (starts_with(folded_word, stem)) return false;
  if (lang != "de" && std::find(kEnglishStopWordsWithOtherStem.begin(),
                                kEnglishStopWordsWithOtherStem.end(),
                                folded_word) != kEnglishStopWordsWithOtherStem.end()) {
    return false;
  }
  return true;
}

std::vector<std::vector<std::string>> search_prefixes(std::string_view query,
                                                      std::string_view lang,
                                                      std::size_t max_terms) {
  auto terms = core::query_terms(query);
  if (terms.size() > max_terms) terms.resize(max_terms);
  std::vector<std::vector<std::string>> out;
  for (const auto& t : terms) {
    std::vector<std::string> prefixes;
    for (const std::string* w : {&t.folded, &t.variant}) {
      if (w->empty()) continue;
      add_prefix(prefixes, *w);
      const std::string s = stem(lang, *w);
      add_prefix(prefixes, s);
      if (lang == "de" && !has_digit(s)) add_prefix(prefixes, without_verb_ending(s));
    }
    std::sort(prefixes.begin(), prefixes.end(), [](const std::string& a, const std::string& b) {
      return a.size() != b.size() ? a.size() < b.size() : a < b;
    });
    out.push_back(std::move(prefixes));
  }
  return out;
}

bool word_matches(std::string_view folded_word, const std::vector<std::string>& prefixes,
                  std::string_view lang) {
  for (const auto& p : prefixes)
    if (starts_with(folded_word, p)) return true;
  const std::string s = stem(lang, folded_word);
  if (!index_stem(lang, folded_word, s)) return false;
  for (const auto& p : prefixes)
    if (starts_with(s, p)) return true;
  return false;
}

}  // namespace solipraxis::store
