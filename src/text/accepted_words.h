// The words an organisation accepts (CheckOptions::accepted_words), prepared once
// per check: an accepted German person noun covers all its case forms and every
// compound with it as head; an accepted adjectival noun covers all its endings.
// Anything the lexicon does not know is accepted in its exact spelling only.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "text/lexicon_de.h"

namespace solipraxis::text {

class AcceptedWords {
 public:
  explicit AcceptedWords(const std::vector<std::string>& words);

  bool empty() const { return exact_.empty(); }
  // `word` is accepted as written.
  bool exact(std::string_view word) const;
  // A person noun form (analysed as `a`) is accepted: exactly, or its noun was
  // accepted with a left part that ends this word's left part
  // (Unterstützer covers Unterstützern and Vereinsunterstützer).
  bool noun(std::string_view word, const GermanLexicon::Analysis& a) const;
  // The same for an adjectival noun (Angestellter covers Angestellten, Bankangestellter).
  bool adjectival(std::string_view word, const GermanLexicon::AdjectivalAnalysis& a) const;

 private:
  struct NounEntry {
    const PersonNoun* noun;
    std::string prefix;  // lowered left part of the accepted compound ("" for the noun alone)
  };
  std::vector<std::string> exact_;
  std::vector<NounEntry> nouns_;
  std::vector<std::string> adjectival_stems_;  // lowered (angestellt, bankangestellt)
};

}  // namespace solipraxis::text
