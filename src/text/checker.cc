#include "text/checker.h"

#include <algorithm>
#include <utility>

#include "text/org_terms.h"
#include "text/readability.h"
#include "text/rules.h"
#include "text/sentences.h"
#include "text/utf8.h"

namespace solipraxis::text {

namespace {

// Fills line/column of findings sorted by start, in one pass over the text.
void fill_positions(std::string_view text, std::vector<Finding>* findings) {
  std::uint32_t pos = 0, line = 1, column = 1;
  for (Finding& f : *findings) {
    if (f.start < pos) {  // not sorted (cannot happen after the sort): restart
      pos = 0;
      line = 1;
      column = 1;
    }
    for (; pos < f.start; ++pos) {
      const auto c = static_cast<unsigned char>(text[pos]);
      if (c == '\n') {
        ++line;
        column = 1;
      } else if (!is_continuation(c)) {
        ++column;
      }
    }
    f.line = line;
    f.column = column;
  }
}

int count_words(std::string_view text, std::initializer_list<std::string_view> words) {
  int n = 0;
  Tokenizer t(text);
  Token tok;
  int seen = 0;
  while (t.next(&tok) && seen < 4000) {
    if (tok.kind != TokenKind::kWord) continue;
    ++seen;
    std::string_view w = tok.text(text);
    char buf[16];
    if (w.size() > sizeof buf) continue;
    for (std::size_t i = 0; i < w.size(); ++i)
      buf[i] = (w[i] >= 'A' && w[i] <= 'Z') ? static_cast<char>(w[i] + 32) : w[i];
    const std::string_view lw(buf, w.size());
    for (auto s : words)
      if (s == lw) {
        ++n;
        break;
      }
  }
  return n;
}

// The org's own terms win: other inclusive findings overlapping one of
// findings[org_first, org_end) are dropped.
void drop_overlapping_inclusive(std::size_t org_first, std::size_t org_end,
                                std::vector<Finding>* findings) {
  auto& v = *findings;
  auto covered = [&](const Finding& f) {
    if (!f.rule.starts_with("inclusive.") || f.rule == kRuleOrgTerm) return false;
    for (std::size_t i = org_first; i < org_end; ++i)
      if (f.start < v[i].end && v[i].start < f.end) return true;
    return false;
  };
  v.erase(std::remove_if(v.begin() + static_cast<std::ptrdiff_t>(org_end), v.end(), covered), v.end());
}

}  // namespace

Lang detect_language(std::string_view text) {
  const int de = count_words(text, {"der", "die", "das", "und", "ist", "nicht", "ein", "eine",
                                    "zu", "mit", "den", "von", "wir", "ich", "für", "auf", "sie",
                                    "es", "sich", "dem", "auch", "im", "werden", "wird"});
  const int en = count_words(text, {"the", "and", "is", "are", "of", "to", "in", "that", "it",
                                    "for", "with", "we", "you", "not", "this", "be", "on", "our",
                                    "was", "have", "will", "a", "an", "as"});
  return en > de ? Lang::kEnglish : Lang::kGerman;
}

std::string format_message(std::string_view pattern,
                           std::initializer_list<std::string_view> args) {
  std::string out;
  out.reserve(pattern.size() + 32);
  auto arg = args.begin();
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{' && i + 1 < pattern.size() && pattern[i + 1] == '}' &&
        arg != args.end()) {
      out += *arg++;
      ++i;
    } else {
      out += pattern[i];
    }
  }
  return out;
}

core::Result<CheckReport> check_text(std::string_view text, const CheckOptions& options) {
  if (text.size() >= 0xFFFFFFFFu)
    return core::make_error(core::ErrorCode::kInvalidInput, "error.check.too_large",
                            "input is 4 GiB or larger");
  if (auto bad = find_invalid_utf8(text))
    return core::make_error(core::ErrorCode::kInvalidInput, "error.check.invalid_utf8",
                            "invalid UTF-8 at byte offset " + std::to_string(*bad));
  CheckReport report;
  report.lang = options.lang ? *options.lang : detect_language(text);
  SentenceSplitter splitter(text);
  std::vector<Token> tokens;
  tokens.reserve(128);
  const AcceptedWords accepted(options.accepted_words);
  const OrgTermMatcher org_terms(options.org_terms);
  while (splitter.next(&tokens)) {
    const std::size_t first = report.findings.size();
    const SentenceContext s{text, tokens, report.lang, options, &report.findings, accepted};
    if (options.inclusive) {
      const std::size_t org_found = org_terms.check(s);
      if (report.lang == Lang::kGerman) {
        check_generic_masculine(s);
      } else {
        check_english_terms(s);
        check_generic_pronoun(s);
      }
      if (org_found > 0) drop_overlapping_inclusive(first, first + org_found, &report.findings);
    }
    if (options.plain) check_plain(s);
    // Order this sentence's few findings by start (stable insertion sort, no allocation);
    // sentences come in order, so the whole list ends up sorted.
    auto& v = report.findings;
    for (std::size_t i = first + 1; i < v.size(); ++i)
      for (std::size_t j = i; j > first && v[j].start < v[j - 1].start; --j) std::swap(v[j], v[j - 1]);
  }
  if (options.plain && options.readability) {
    if (auto f = readability_finding(text, readability(text, report.lang), report.lang))
      report.findings.push_back(std::move(*f));
  }
  // Context findings sit at the end of the text, after every other finding.
  if (options.prompt) check_prompt_context(text, report.lang, &report.findings);
  fill_positions(text, &report.findings);
  return report;
}

std::optional<Lang> parse_lang(std::string_view s) {
  if (s == "de") return Lang::kGerman;
  if (s == "en") return Lang::kEnglish;
  return std::nullopt;
}

std::optional<Style> parse_style(std::string_view s) {
  if (s == "colon") return Style::kColon;
  if (s == "star") return Style::kStar;
  if (s == "pair") return Style::kPair;
  if (s == "neutral") return Style::kNeutral;
  return std::nullopt;
}

std::string_view lang_code(Lang lang) { return lang == Lang::kGerman ? "de" : "en"; }

std::string_view severity_name(Severity s) {
  switch (s) {
    case Severity::kError: return "error";
    case Severity::kWarning: return "warning";
    case Severity::kInfo: return "info";
  }
  return "warning";
}

const std::vector<std::string_view>& rule_ids() {
  static const std::vector<std::string_view> ids = {
      kRuleGenericMasculine, kRuleGenderedTerm,         kRuleOthering,     kRuleGenericPronoun,
      kRuleOrgTerm,
      kRuleSentenceLength,   kRulePassive,              kRuleNominalStyle,
      kRuleLongWord,         kRuleReadability,          kRuleMissingRole,          kRuleMissingAudience,
      kRuleMissingLanguageLevel, kRuleMissingBiasCheck};
  return ids;
}

}  // namespace solipraxis::text
