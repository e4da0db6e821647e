// The solidary prompt checker: the public entry point of src/text. Checks a
// UTF-8 text for inclusive language (de, en), plain language and, for prompts,
// missing context; returns findings with byte offsets and line/column. Pure:
// no I/O, no globals besides the read-only embedded lexicons; thread-safe.
// Rule ids are stable (docs/checker.md); messages are German for de, English for en.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace solipraxis::text {

enum class Lang { kGerman, kEnglish };
// How the generic-masculine rule phrases suggestions.
enum class Style { kColon, kStar, kPair, kNeutral };
enum class Severity { kError, kWarning, kInfo };

// A term the organisation wants flagged (rule inclusive.org-term), in any language:
// one or more words, matched case-insensitively on whole words, each word also
// with a simple ending (-e, -en, -n, -s, -es: Flüchtling, Flüchtlinge, Flüchtlingen).
struct OrgTerm {
  std::string term;                      // "Flüchtlinge"
  std::vector<std::string> suggestions;  // "Geflüchtete", "Menschen mit Fluchterfahrung"
  std::string message;                   // the org's own message; empty: a standard one
};

struct CheckOptions {
  std::optional<Lang> lang;   // nullopt: detect from stop words
  Style style = Style::kColon;
  bool prompt = false;        // also run the context.* rules
  bool plain = true;          // run the plain.* rules
  bool inclusive = true;      // run the inclusive.* rules
  // With plain: also judge the whole text's readability (plain.readability,
  // text/readability.h). Off by default: it needs the whole text at once.
  bool readability = false;
  // Words the organisation accepts: no generic-masculine finding for them. A
  // person noun the lexicon knows covers all its case forms and the compounds
  // with it as head (Unterstützer: Unterstützern, Vereinsunterstützer); other
  // words are matched in their exact spelling.
  std::vector<std::string> accepted_words;
  // Terms the organisation wants flagged (inclusive.org-term, with inclusive).
  std::vector<OrgTerm> org_terms;
};

struct Finding {
  std::uint32_t start = 0;   // byte offsets into the input; text == input.substr(start, end - start)
  std::uint32_t end = 0;
  std::uint32_t line = 1;    // 1-based
  std::uint32_t column = 1;  // 1-based, in code points
  std::string_view rule;     // stable id, e.g. "inclusive.generic-masculine"
  Severity severity = Severity::kWarning;
  std::string message;
  std::vector<std::string> suggestions;  // replacements for the text, best first
  // Empty, or one per suggestion: the reading it assumes where the sentence does
  // not decide ("Wenn eine Person gemeint ist"); in the finding's language.
  std::vector<std::string> suggestion_labels;
};

struct CheckReport {
  Lang lang = Lang::kGerman;
  std::vector<Finding> findings;  // ordered by start offset
};

// Checks text. Error kInvalidInput ("error.check.invalid_utf8", detail names the
// byte offset) for invalid UTF-8, ("error.check.too_large") for >= 4 GiB.
core::Result<CheckReport> check_text(std::string_view text, const CheckOptions& options);

// German or English by stop-word counts; German when undecided.
Lang detect_language(std::string_view text);

std::optional<Lang> parse_lang(std::string_view s);      // "de", "en"
std::optional<Style> parse_style(std::string_view s);    // "colon", "star", "pair", "neutral"
std::string_view lang_code(Lang lang);
std::string_view severity_name(Severity s);              // "error", "warning", "info"

// Every rule id the checker can report, for documentation and the web UI.
const std::vector<std::string_view>& rule_ids();

}  // namespace solipraxis::text
