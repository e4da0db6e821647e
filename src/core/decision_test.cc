#include "core/decision.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace solipraxis::core {
namespace {

const Date kToday = *Date::parse("2026-03-10");

Decision valid_decision() {
  Decision d;
  d.kind = DecisionKind::kReject;
  d.from = Phase::kPilot;
  d.to = Phase::kRejected;
  d.rationale = "Das Tool trainiert mit unseren Beratungsgesprächen.";
  d.principles = {{2, "Menschen vor Effizienz"}, {3, "Verzerrungen gegenüber Ratsuchenden"}};
  d.decided_by = "Vorstand";
  d.decided_on = kToday;
  return d;
}

bool has(const std::vector<FieldError>& errors, const std::string& key) {
  return std::any_of(errors.begin(), errors.end(),
                     [&](const FieldError& e) { return e.error.key == key; });
}

TEST(DecisionTest, ValidDecision) { EXPECT_TRUE(validate_decision(valid_decision(), kToday)); }

TEST(DecisionTest, RationaleIsRequiredAfterTrimming) {
  Decision d = valid_decision();
  d.rationale = " \n\t ";
  auto st = validate_decision(d, kToday);
  ASSERT_FALSE(st.has_value());
  EXPECT_EQ(st.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(st.error().key, "tools.error.rationale_required");
}

TEST(DecisionTest, PrinciplesMustBeOneToEightOnceEachWithANote) {
  for (int bad : {0, 9, -1, 100}) {
    Decision d = valid_decision();
    d.principles = {{bad, "x"}};
    EXPECT_TRUE(has(decision_errors(d, kToday), "tools.error.principle_unknown")) << bad;
  }
  Decision d = valid_decision();
  d.principles = {{1, "a"}, {1, "b"}};
  EXPECT_TRUE(has(decision_errors(d, kToday), "tools.error.principle_duplicate"));
  d.principles = {{4, "  "}};
  EXPECT_TRUE(has(decision_errors(d, kToday), "tools.error.principle_how_required"));
  d.principles.clear();
  for (int p = 1; p <= kPrincipleCount; ++p) d.principles.push_back({p, "berührt"});
  EXPECT_TRUE(decision_errors(d, kToday).empty());
  d.principles.clear();  // a decision may touch no principle
  EXPECT_TRUE(decision_errors(d, kToday).empty());
}

TEST(DecisionTest, DecidedByAndDate) {
  Decision d = valid_decision();
  d.decided_by = "";
  EXPECT_TRUE(has(decision_errors(d, kToday), "tools.error.decided_by_required"));
  d = valid_decision();
  d.decided_on = kToday.add_days(1);
  EXPECT_TRUE(has(decision_errors(d, kToday), "tools.error.decided_on_in_future"));
  d.decided_on = kToday.add_days(-400);  // recording an old decision is fine
  EXPECT_TRUE(decision_errors(d, kToday).empty());
}

TEST(DecisionTest, NormalizeTrimsAndSortsPrinciples) {
  Decision d = valid_decision();
  d.rationale = "  Grund  ";
  d.principles = {{5, " b "}, {2, "a"}};
  normalize_decision(d);
  EXPECT_EQ(d.rationale, "Grund");
  ASSERT_EQ(d.principles.size(), 2u);
  EXPECT_EQ(d.principles[0], (PrincipleNote{2, "a"}));
  EXPECT_EQ(d.principles[1], (PrincipleNote{5, "b"}));
}

}  // namespace
}  // namespace solipraxis::core
