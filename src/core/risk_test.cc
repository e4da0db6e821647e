#include "core/risk.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace solipraxis::core {
namespace {

std::vector<std::string> keys(const std::vector<FieldError>& errors) {
  std::vector<std::string> out;
  for (const auto& e : errors) out.push_back(e.error.key);
  return out;
}

Risk risk(std::int64_t id, Level likelihood, Level impact) {
  Risk r;
  r.id = RiskId(id);
  r.description = "Menschen ohne Smartphone erfahren nichts vom Termin.";
  r.group = "Menschen ohne Smartphone";
  r.likelihood = likelihood;
  r.impact = impact;
  return r;
}

TEST(RiskScale, OnlyThePapersThreeStepsParse) {
  for (Level l : kLevels) EXPECT_EQ(*parse_level(level_name(l)), l);
  for (const char* bad : {"very_high", "very high", "", "HIGH", "4"}) {
    auto r = parse_level(bad);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().key, "risks.error.level_invalid");
  }
  EXPECT_EQ(*parse_affected("non_users"), Affected::kNonUsers);
  EXPECT_FALSE(parse_risk_state("closed"));
}

TEST(RiskRules, ADescriptionAndSomeoneItConcernsAreRequired) {
  Risk r;
  EXPECT_EQ(keys(risk_errors(r)), (std::vector<std::string>{"risks.error.description_required",
                                                            "risks.error.who_required"}));
  r.description = "Etwas";
  r.personas = {PersonaId(3)};
  EXPECT_TRUE(risk_errors(r).empty());
  r.state = RiskState::kMitigated;
  EXPECT_EQ(keys(risk_errors(r)), (std::vector<std::string>{"risks.error.mitigation_required"}));
  r.mitigation = "Aushang im Treffpunkt";
  EXPECT_TRUE(risk_errors(r).empty());
  r.group = "a\nb";
  EXPECT_EQ(keys(risk_errors(r)), (std::vector<std::string>{"tools.error.single_line"}));
}

TEST(RiskRules, NormalizeDropsRepeatedPersonas) {
  Risk r = risk(1, Level::kLow, Level::kLow);
  r.personas = {PersonaId(2), PersonaId(5), PersonaId(2)};
  r.group = "  Gruppe ";
  normalize_risk(r);
  EXPECT_EQ(r.personas, (std::vector<PersonaId>{PersonaId(2), PersonaId(5)}));
  EXPECT_EQ(r.group, "Gruppe");
}

TEST(RiskRules, MovingOnTheMatrixNeedsAReason) {
  const Risk before = risk(1, Level::kLow, Level::kMedium);
  Risk after = before;
  EXPECT_TRUE(reassessment_errors(before, after, "").empty());
  after.impact = Level::kHigh;
  EXPECT_EQ(keys(reassessment_errors(before, after, "  ")),
            (std::vector<std::string>{"risks.error.reason_required"}));
  EXPECT_TRUE(reassessment_errors(before, after, "Beratung hat es gezeigt").empty());
}

TEST(RiskAttention, UnmitigatedHighImpactComesFirstThenSeverity) {
  Risk mitigated_high = risk(1, Level::kHigh, Level::kHigh);
  mitigated_high.mitigation = "Schulung";
  Risk open_high = risk(2, Level::kLow, Level::kHigh);
  Risk open_medium = risk(3, Level::kHigh, Level::kMedium);
  Risk accepted_high = risk(4, Level::kHigh, Level::kHigh);
  accepted_high.state = RiskState::kAccepted;
  std::vector<Risk> rs = {accepted_high, open_medium, mitigated_high, open_high};
  std::sort(rs.begin(), rs.end(), attention_before);
  std::vector<std::int64_t> order;
  for (const auto& r : rs) order.push_back(r.id.value);
  EXPECT_EQ(order, (std::vector<std::int64_t>{2, 1, 3, 4}));
}

TEST(RiskAttention, OverdueOnlyWhileOpen) {
  const Date today = *Date::parse("2026-12-07");
  Risk r = risk(1, Level::kMedium, Level::kMedium);
  EXPECT_FALSE(overdue(r, today));
  r.due = today;
  EXPECT_FALSE(overdue(r, today));
  r.due = today.add_days(-1);
  EXPECT_TRUE(overdue(r, today));
  r.mitigation = "erledigt";
  r.state = RiskState::kMitigated;
  EXPECT_FALSE(overdue(r, today));
}

}  // namespace
}  // namespace solipraxis::core
