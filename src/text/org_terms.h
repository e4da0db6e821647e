// inclusive.org-term: the terms an organisation wants flagged
// (CheckOptions::org_terms), prepared once per check. A term is one or more
// words, matched case-insensitively on whole words, each word also with a
// simple inflection ending (Flüchtling, Flüchtlinge, Flüchtlingen, Flüchtlings).
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/checker.h"
#include "text/tokenizer.h"

namespace solipraxis::text {

struct SentenceContext;

class OrgTermMatcher {
 public:
  explicit OrgTermMatcher(const std::vector<OrgTerm>& terms);

  bool empty() const { return terms_.empty(); }
  // Appends one finding per term occurrence in the sentence (longest term first
  // where two start at the same word) and returns how many.
  std::size_t check(const SentenceContext& s) const;

 private:
  struct Prepared {
    const OrgTerm* term;
    std::vector<std::string> words;  // lowered
    std::vector<std::string> bases;  // lowered, a plural/case ending removed ("" if none)
  };
  bool word_matches(std::string_view lowered, const Prepared& p, std::size_t k) const;

  std::vector<Prepared> terms_;
  // First four bytes of the lowered first word -> indices into terms_.
  std::unordered_multimap<std::string, std::size_t> by_head_;
  std::vector<std::size_t> short_heads_;  // first word shorter than the key: always tried
};

// Lowered word with one plural or case ending removed when at least four bytes
// stay (flüchtlinge -> flüchtling, asylanten -> asylant); "" when none applies.
std::string inflection_base(std::string_view lowered);

}  // namespace solipraxis::text
