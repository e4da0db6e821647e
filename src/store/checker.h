// The org's settings for the solidary prompt checker (Prompt-Werkstatt): the
// saved context for composed prompts, the default gender style, the words the
// org accepts and the terms it wants flagged. Org-owned; a save is validated
// and audited in one transaction. Implemented once in store/sql/checker_settings.cc.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "store/common.h"

namespace solipraxis::store {

// A term the org wants the checker to flag (rule inclusive.org-term; the web
// maps it to text::OrgTerm). Stored as given, trimmed and validated.
struct CheckerTerm {
  std::string term;                      // "Flüchtlinge"
  std::vector<std::string> suggestions;  // "Geflüchtete", at most kMaxTermSuggestions
  std::string message;                   // the org's own words; empty: the checker's standard one
  bool operator==(const CheckerTerm&) const = default;
};

// The words it accepts are never flagged as generic masculine for this org.
struct CheckerSettings {
  std::string role;    // who the org is, e.g. "Beratungsstelle für Geflüchtete"
  std::string values;  // what it stands for
  std::string sector;  // its field of work
  std::string style = "colon";  // "colon", "star", "pair" or "neutral"
  std::vector<std::string> accepted_words;  // exact spellings, unique, sorted
  std::vector<CheckerTerm> org_terms;       // in the org's order; no term twice (ignoring case)
  UnixTime updated_at = 0;  // 0: never saved (defaults)
};

inline constexpr std::size_t kMaxCheckerContextChars = 1000;
inline constexpr std::size_t kMaxAcceptedWords = 500;
inline constexpr std::size_t kMaxAcceptedWordChars = 80;
inline constexpr std::size_t kMaxOrgTerms = 200;
inline constexpr std::size_t kMaxOrgTermChars = 80;      // a term and each suggestion
inline constexpr std::size_t kMaxTermSuggestions = 5;
inline constexpr std::size_t kMaxTermMessageChars = 300;

class Checker {
 public:
  virtual ~Checker() = default;

  // The saved settings, or the defaults (updated_at == 0) if none were saved.
  virtual Result<CheckerSettings> checker_settings(OrgId org) = 0;
  // Validates (kInvalidInput, "error.checker.*"), trims, de-duplicates and sorts
  // the accepted words, stores and audits ("checker.settings") in one transaction.
  // Org terms are trimmed and kept in order; an entry with nothing in it is
  // dropped, empty suggestions too. A refused term ("error.checker.term_invalid",
  // "term_missing", "term_duplicate": the same term twice, ignoring case) has a
  // detail starting "org_terms[i].field:" with i its 0-based index in `settings`
  // and field "term", "suggestions" or "message".
  virtual Result<CheckerSettings> set_checker_settings(OrgId org, const CheckerSettings& settings,
                                                       const Actor& actor) = 0;
};

}  // namespace solipraxis::store
