#include "check_cases.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>

#include <nlohmann/json.hpp>

#include "text/checker.h"

namespace solipraxis::testing {

namespace fs = std::filesystem;

std::vector<CheckCase> load_cases(const std::string& dir, std::vector<std::string>* errors) {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".jsonl") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::vector<CheckCase> cases;
  for (const auto& path : files) {
    std::ifstream in(path);
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
      ++n;
      if (line.empty()) continue;
      auto j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_discarded() || !j.is_object() || !j.contains("text") || !j.contains("findings")) {
        errors->push_back(path.filename().string() + ":" + std::to_string(n) + ": bad line");
        continue;
      }
      CheckCase c;
      c.file = path.filename().string();
      c.line = n;
      c.text = j["text"].get<std::string>();
      c.lang = j.value("lang", "de");
      c.style = j.value("style", "colon");
      c.prompt = j.value("prompt", false);
      for (const auto& f : j["findings"]) {
        ExpectedFinding e;
        e.rule = f.value("rule", "");
        e.text = f.value("text", "");
        e.has_suggestions = f.contains("suggestions");
        if (e.has_suggestions) e.suggestions = f["suggestions"].get<std::vector<std::string>>();
        if (f.contains("labels")) e.labels = f["labels"].get<std::vector<std::string>>();
        c.expected.push_back(std::move(e));
      }
      cases.push_back(std::move(c));
    }
  }
  // Each case learns which rules its file names.
  std::map<std::string, std::vector<std::string>> rules;
  for (const auto& c : cases)
    for (const auto& e : c.expected) {
      auto& v = rules[c.file];
      if (std::find(v.begin(), v.end(), e.rule) == v.end()) v.push_back(e.rule);
    }
  for (auto& c : cases) c.file_rules = rules[c.file];
  return cases;
}

bool rule_under_test(const CheckCase& c, const std::string& rule) {
  const bool plain = c.file.rfind("plain_", 0) == 0;
  const bool context = c.file.rfind("context_", 0) == 0;
  if (!plain && !context) return rule.rfind("inclusive.", 0) == 0;
  if (rule.rfind(plain ? "plain." : "context.", 0) != 0) return false;
  return std::find(c.file_rules.begin(), c.file_rules.end(), rule) != c.file_rules.end();
}

// The finding's span is the whole noun phrase ("Jeder Mitarbeiter"); a case that
// names only the noun ("Mitarbeiter") matches a phrase ending in it. A case that
// lists suggestions needs the exact span, suggestions and labels.
bool same_finding(const ExpectedFinding& e, const ExpectedFinding& a) {
  if (e.has_suggestions)
    return a.text == e.text && a.suggestions == e.suggestions && a.labels == e.labels;
  return a.text == e.text || a.text.ends_with(" " + e.text);
}

CaseResult run_case(const CheckCase& c) {
  text::CheckOptions options;
  options.lang = text::parse_lang(c.lang);
  if (auto style = text::parse_style(c.style)) options.style = *style;
  options.prompt = c.prompt;
  CaseResult r;
  auto report = text::check_text(c.text, options);
  if (report) {
    for (const auto& f : report->findings) {
      const std::string rule(f.rule);
      if (rule_under_test(c, rule)) {
        ExpectedFinding a;
        a.rule = rule;
        a.text = c.text.substr(f.start, f.end - f.start);
        a.has_suggestions = true;
        a.suggestions = f.suggestions;
        a.labels = f.suggestion_labels;
        r.actual.push_back(std::move(a));
      }
    }
  }
  std::vector<bool> used(r.actual.size(), false);
  // Exact (rule, text) first, then text-less expectations take any span of the rule.
  for (int pass = 0; pass < 2; ++pass) {
    for (const auto& e : c.expected) {
      if ((pass == 0) == e.text.empty()) continue;
      bool found = false;
      for (std::size_t i = 0; i < r.actual.size(); ++i) {
        if (used[i] || r.actual[i].rule != e.rule) continue;
        if (!e.text.empty() && !same_finding(e, r.actual[i])) continue;
        used[i] = true;
        found = true;
        break;
      }
      if (found)
        ++r.matched;
      else
        r.missing.push_back(e);
    }
  }
  for (std::size_t i = 0; i < r.actual.size(); ++i)
    if (!used[i]) r.extra.push_back(r.actual[i]);
  return r;
}

std::string describe_failure(const CheckCase& c, const CaseResult& r) {
  const bool with_suggestions =
      std::any_of(c.expected.begin(), c.expected.end(), [](const auto& e) { return e.has_suggestions; });
  auto list = [with_suggestions](const std::vector<ExpectedFinding>& v) {
    std::string s = "[";
    for (std::size_t i = 0; i < v.size(); ++i) {
      s += (i ? ", " : "") + v[i].rule + " \"" + v[i].text + "\"";
      if (!with_suggestions) continue;
      for (std::size_t k = 0; k < v[i].suggestions.size(); ++k)
        s += (k ? " | " : " -> ") + v[i].suggestions[k] +
             (k < v[i].labels.size() ? " (" + v[i].labels[k] + ")" : "");
    }
    return s + "]";
  };
  return c.file + ":" + std::to_string(c.line) + ": " + c.text + "\n  expected " +
         list(c.expected) + "\n  actual   " + list(r.actual) + "\n";
}

std::map<std::string, RuleScore> score(const std::vector<CheckCase>& cases, bool verbose) {
  std::map<std::string, RuleScore> scores;
  for (const auto& c : cases) {
    const CaseResult r = run_case(c);
    // True positives per rule: expected minus missing.
    std::map<std::string, int> expected_per_rule;
    for (const auto& e : c.expected) ++expected_per_rule[e.rule];
    for (const auto& m : r.missing) {
      --expected_per_rule[m.rule];
      ++scores[m.rule].fn;
    }
    for (const auto& [rule, n] : expected_per_rule) scores[rule].tp += n;
    for (const auto& x : r.extra) ++scores[x.rule].fp;
    if (verbose && !r.ok()) std::cerr << describe_failure(c, r);
  }
  return scores;
}

}  // namespace solipraxis::testing
