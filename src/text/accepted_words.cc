#include "text/accepted_words.h"

#include <algorithm>

namespace solipraxis::text {

AcceptedWords::AcceptedWords(const std::vector<std::string>& words) : exact_(words) {
  if (words.empty()) return;
  const GermanLexicon& lex = GermanLexicon::instance();
  for (const auto& w : words) {
    GermanLexicon::Analysis a;
    if (lex.analyse(w, &a)) {
      nouns_.push_back({a.noun, lower_all(std::string_view(w).substr(0, a.prefix_bytes))});
      continue;
    }
    GermanLexicon::AdjectivalAnalysis adj;
    if (lex.analyse_adjectival(w, &adj)) adjectival_stems_.push_back(lower_all(w.substr(0, adj.stem_end)));
  }
}

bool AcceptedWords::exact(std::string_view word) const {
  return std::find(exact_.begin(), exact_.end(), word) != exact_.end();
}

bool AcceptedWords::noun(std::string_view word, const GermanLexicon::Analysis& a) const {
  if (exact(word)) return true;
  if (nouns_.empty()) return false;
  const std::string prefix = lower_all(word.substr(0, a.prefix_bytes));
  for (const auto& e : nouns_)
    if (e.noun == a.noun && prefix.ends_with(e.prefix)) return true;
  return false;
}

bool AcceptedWords::adjectival(std::string_view word,
                               const GermanLexicon::AdjectivalAnalysis& a) const {
  if (exact(word)) return true;
  if (adjectival_stems_.empty()) return false;
  const std::string stem = lower_all(word.substr(0, a.stem_end));
  for (const auto& s : adjectival_stems_)
    if (stem.ends_with(s)) return true;
  return false;
}

}  // namespace solipraxis::text
