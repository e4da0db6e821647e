// Runs every case of tests/data/check/*.jsonl through the checker. Files named
// *_core.jsonl must pass case by case; the larger, independently written sets
// (de.jsonl, en.jsonl, plain_de.jsonl) and the held-out set written without
// looking at the checker (holdout/*.jsonl) must reach the precision and recall
// floors below per rule. Every mismatch is printed with the sentence, expected and actual.
#include <gtest/gtest.h>

#include <iostream>

#include "check_cases.h"

namespace solipraxis::testing {
namespace {

// Floors for the independent sets, per implemented rule: a ratchet just below the
// measured values (bench/README.md), so a regression fails. Targets are 0.95.
struct Floor {
  const char* rule;
  double precision;
  double recall;
};
constexpr Floor kFloors[] = {
    {"inclusive.generic-masculine", 0.95, 0.95},
    {"inclusive.gendered-term", 0.95, 0.95},
    {"inclusive.othering", 0.95, 0.95},
    {"plain.sentence-length", 0.95, 0.95},
};

std::vector<CheckCase> all_cases(const std::string& dir = SOLIPRAXIS_CHECK_DATA) {
  std::vector<std::string> errors;
  auto cases = load_cases(dir, &errors);
  for (const auto& e : errors) ADD_FAILURE() << e;
  return cases;
}

void expect_floors(const std::vector<CheckCase>& cases) {
  const auto scores = score(cases, /*verbose=*/true);
  for (const auto& [rule, s] : scores) {
    std::cout << rule << ": precision " << s.precision() << " recall " << s.recall() << " (tp "
              << s.tp << ", fp " << s.fp << ", fn " << s.fn << ")\n";
    for (const auto& f : kFloors) {
      if (rule != f.rule) continue;
      EXPECT_GE(s.precision(), f.precision) << rule;
      EXPECT_GE(s.recall(), f.recall) << rule;
    }
  }
}

bool is_core(const CheckCase& c) { return c.file.find("_core.") != std::string::npos; }

TEST(CheckCases, FilesParseAndAreNotEmpty) {
  const auto cases = all_cases();
  EXPECT_GT(cases.size(), 10u);
}

TEST(CheckCases, CoreCasesPassExactly) {
  int failures = 0;
  for (const auto& c : all_cases()) {
    if (!is_core(c)) continue;
    const auto r = run_case(c);
    if (!r.ok()) {
      ++failures;
      ADD_FAILURE() << describe_failure(c, r);
    }
  }
  EXPECT_EQ(failures, 0);
}

TEST(CheckCases, IndependentSetsReachPrecisionAndRecall) {
  std::vector<CheckCase> cases;
  for (auto& c : all_cases())
    if (!is_core(c)) cases.push_back(std::move(c));
  expect_floors(cases);
}

// The held-out set (tests/data/check/holdout, written from the rules only): the
// same floors for the rules above; plain.passive and context.* are reported only.
TEST(CheckCases, HeldOutSetReachesPrecisionAndRecall) {
  const auto cases = all_cases(std::string(SOLIPRAXIS_CHECK_DATA) + "/holdout");
  EXPECT_GT(cases.size(), 500u);
  expect_floors(cases);
}

}  // namespace
}  // namespace solipraxis::testing
