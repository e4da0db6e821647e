// Internal interface between the checker driver (checker.cc) and the rules.
// Each rule looks at one sentence (tokens with byte offsets into the input) and
// appends findings; line and column are filled in later by the driver.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "text/accepted_words.h"
#include "text/checker.h"
#include "text/tokenizer.h"

namespace solipraxis::text {

struct SentenceContext {
  std::string_view input;
  const std::vector<Token>& tokens;  // one sentence, at least one token
  Lang lang;
  const CheckOptions& options;
  std::vector<Finding>* out;
  const AcceptedWords& accepted;  // options.accepted_words, prepared
};

inline constexpr std::string_view kRuleGenericMasculine = "inclusive.generic-masculine";
inline constexpr std::string_view kRuleGenderedTerm = "inclusive.gendered-term";
inline constexpr std::string_view kRuleOthering = "inclusive.othering";
inline constexpr std::string_view kRuleGenericPronoun = "inclusive.generic-pronoun";
inline constexpr std::string_view kRuleOrgTerm = "inclusive.org-term";
inline constexpr std::string_view kRuleSentenceLength = "plain.sentence-length";
inline constexpr std::string_view kRulePassive = "plain.passive";
inline constexpr std::string_view kRuleNominalStyle = "plain.nominal-style";
inline constexpr std::string_view kRuleLongWord = "plain.long-word";
inline constexpr std::string_view kRuleReadability = "plain.readability";
inline constexpr std::string_view kRuleMissingRole = "context.missing-role";
inline constexpr std::string_view kRuleMissingAudience = "context.missing-audience";
inline constexpr std::string_view kRuleMissingLanguageLevel = "context.missing-language-level";
inline constexpr std::string_view kRuleMissingBiasCheck = "context.missing-bias-check";

void check_generic_masculine(const SentenceContext& s);
void check_english_terms(const SentenceContext& s);
void check_generic_pronoun(const SentenceContext& s);
void check_plain(const SentenceContext& s);
// Whole-text rules for prompts (--prompt).
void check_prompt_context(std::string_view input, Lang lang, std::vector<Finding>* out);

// Replaces each "{}" in pattern with the next argument.
std::string format_message(std::string_view pattern, std::initializer_list<std::string_view> args);

}  // namespace solipraxis::text
