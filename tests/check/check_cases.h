// Table-driven checker cases: loads tests/data/check/*.jsonl (one JSON object per
// line: text, lang, findings [{rule, text, suggestions?, labels?}], optional style,
// prompt, note), runs
// the checker and compares the findings of the rules under test as multisets of
// (rule, text). Shared by the GoogleTest runner and bench/check_quality.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace solipraxis::testing {

struct ExpectedFinding {
  std::string rule;
  std::string text;  // empty: any span (plain.* only)
  // When the case lists them: the replacements in order and their labels (the
  // text must then be the finding's exact span, the whole noun phrase).
  bool has_suggestions = false;
  std::vector<std::string> suggestions;
  std::vector<std::string> labels;
};

struct CheckCase {
  std::string file;  // base name, e.g. de.jsonl
  int line = 0;
  std::string text;
  std::string lang;
  std::string style;
  bool prompt = false;
  std::vector<ExpectedFinding> expected;
  std::vector<std::string> file_rules;  // every rule named in the file's expectations
};

struct CaseResult {
  std::vector<ExpectedFinding> actual;   // findings of the rules under test
  std::vector<ExpectedFinding> missing;  // expected but not reported (false negatives)
  std::vector<ExpectedFinding> extra;    // reported but not expected (false positives)
  int matched = 0;
  bool ok() const { return missing.empty() && extra.empty(); }
};

// Every *.jsonl in dir, sorted by file name. Appends parse errors to *errors.
std::vector<CheckCase> load_cases(const std::string& dir, std::vector<std::string>* errors);

// Rules asserted by a case's file: inclusive.* in general; for plain_*.jsonl and
// context_*.jsonl the plain.* / context.* rules that the file's expectations name.
bool rule_under_test(const CheckCase& c, const std::string& rule);

CaseResult run_case(const CheckCase& c);

struct RuleScore {
  int tp = 0, fp = 0, fn = 0;
  double precision() const { return tp + fp ? double(tp) / (tp + fp) : 1.0; }
  double recall() const { return tp + fn ? double(tp) / (tp + fn) : 1.0; }
};
// Per rule over all cases; also prints every failing case to stderr when verbose.
std::map<std::string, RuleScore> score(const std::vector<CheckCase>& cases, bool verbose);

std::string describe_failure(const CheckCase& c, const CaseResult& r);

}  // namespace solipraxis::testing
