#include "core/transition.h"

#include <gtest/gtest.h>

namespace solipraxis::core {
namespace {

const Date kToday = *Date::parse("2026-03-10");

Tool tool_in(Phase phase) {
  Tool t;
  t.id = ToolId(7);
  t.org_id = OrgId(3);
  t.name = "Chatbot";
  t.phase = phase;
  return t;
}

TransitionRequest request(DecisionKind kind) {
  TransitionRequest r;
  r.kind = kind;
  r.rationale = "Gemeinsam im Team abgewogen.";
  r.principles = {{1, "Abwägung der Nutzung"}};
  r.decided_by = "Team Beratung";
  r.decided_on = kToday;
  return r;
}

std::vector<RedLine> red_lines() {
  RedLine a;
  a.id = RedLineId(11);
  a.org_id = OrgId(3);
  a.text = "Kein Training mit Beratungsgesprächen.";
  return {a};
}

TEST(TransitionTest, PlansEveryAllowedMove) {
  for (Phase from : kAllPhases) {
    for (DecisionKind kind : kAllDecisionKinds) {
      SCOPED_TRACE(std::string(phase_name(from)) + " / " + decision_kind_name(kind));
      auto req = request(kind);
      req.confirmed_red_lines = {RedLineId(11)};
      auto plan = plan_transition(tool_in(from), req, red_lines(), kToday, 6);
      auto expected = transition(from, kind);
      if (!expected) {
        ASSERT_FALSE(plan.has_value());
        EXPECT_EQ(plan.error().code, ErrorCode::kConflict);
        EXPECT_EQ(plan.error().key, "tools.error.transition_not_allowed");
        continue;
      }
      ASSERT_TRUE(plan.has_value()) << plan.error().key << " " << plan.error().detail;
      EXPECT_EQ(plan->to, *expected);
      EXPECT_EQ(plan->decision.from, from);
      EXPECT_EQ(plan->decision.to, *expected);
      EXPECT_EQ(plan->decision.kind, kind);
      EXPECT_EQ(plan->decision.tool_id, ToolId(7));
      EXPECT_EQ(plan->decision.org_id, OrgId(3));
      EXPECT_EQ(plan->decision.red_lines.size(), requires_red_line_check(*expected) ? 1u : 0u);
      if (requires_review(*expected)) {
        ASSERT_TRUE(plan->next_review.has_value());
        EXPECT_EQ(plan->next_review->str(), "2026-09-10");
      } else if (is_terminal(*expected)) {
        EXPECT_FALSE(plan->next_review.has_value());
      }
    }
  }
}

TEST(TransitionTest, RedLineGateRefusesPilotAndAdoptWithoutConfirmation) {
  for (auto [from, kind] : {std::pair{Phase::kSelection, DecisionKind::kPilot},
                            std::pair{Phase::kPilot, DecisionKind::kAdopt},
                            std::pair{Phase::kEvaluation, DecisionKind::kContinue}}) {
    auto plan = plan_transition(tool_in(from), request(kind), red_lines(), kToday, 6);
    ASSERT_FALSE(plan.has_value());
    EXPECT_EQ(plan.error().code, ErrorCode::kConflict);
    EXPECT_EQ(plan.error().key, "tools.error.red_line_unconfirmed");
    EXPECT_NE(plan.error().detail.find("Beratungsgesprächen"), std::string::npos);
  }
  // Rejecting needs no confirmation: saying no is always possible.
  auto reject =
      plan_transition(tool_in(Phase::kPilot), request(DecisionKind::kReject), red_lines(), kToday, 6);
  EXPECT_TRUE(reject.has_value());
}

TEST(TransitionTest, IllegalMoveIsReportedBeforeFieldProblems) {
  auto req = request(DecisionKind::kAdopt);
  req.rationale = "";
  auto plan = plan_transition(tool_in(Phase::kIdea), req, {}, kToday, 6);
  ASSERT_FALSE(plan.has_value());
  EXPECT_EQ(plan.error().key, "tools.error.transition_not_allowed");
}

TEST(TransitionTest, DecisionFieldsAreValidated) {
  auto req = request(DecisionKind::kReject);
  req.rationale = "   ";
  auto plan = plan_transition(tool_in(Phase::kIdea), req, {}, kToday, 6);
  ASSERT_FALSE(plan.has_value());
  EXPECT_EQ(plan.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(plan.error().key, "tools.error.rationale_required");

  req = request(DecisionKind::kReject);
  req.principles = {{9, "?"}};
  plan = plan_transition(tool_in(Phase::kIdea), req, {}, kToday, 6);
  ASSERT_FALSE(plan.has_value());
  EXPECT_EQ(plan.error().key, "tools.error.principle_unknown");
}

TEST(TransitionTest, NextReviewRequestedOrDefault) {
  auto req = request(DecisionKind::kPilot);
  req.confirmed_red_lines = {RedLineId(11)};
  req.next_review = *Date::parse("2026-05-01");
  auto plan = plan_transition(tool_in(Phase::kSelection), req, red_lines(), kToday, 6);
  ASSERT_TRUE(plan.has_value());
  EXPECT_EQ(plan->next_review->str(), "2026-05-01");

  req.next_review = kToday.add_days(-1);
  plan = plan_transition(tool_in(Phase::kSelection), req, red_lines(), kToday, 6);
  ASSERT_FALSE(plan.has_value());
  EXPECT_EQ(plan.error().key, "tools.error.next_review_in_past");

  // The default counts from the decision date and the org's interval.
  req.next_review.reset();
  const Date jan31 = *Date::parse("2026-01-31");
  req.decided_on = jan31;
  plan = plan_transition(tool_in(Phase::kSelection), req, red_lines(), jan31, 1);
  ASSERT_TRUE(plan.has_value());
  EXPECT_EQ(plan->next_review->str(), "2026-02-28");

  // Moving to selection keeps the tool's date; retiring clears it.
  Tool t = tool_in(Phase::kIdea);
  t.next_review = *Date::parse("2026-04-01");
  plan = plan_transition(t, request(DecisionKind::kExplore), {}, kToday, 6);
  ASSERT_TRUE(plan.has_value());
  EXPECT_EQ(plan->next_review, t.next_review);
  t.phase = Phase::kInUse;
  plan = plan_transition(t, request(DecisionKind::kRetire), {}, kToday, 6);
  ASSERT_TRUE(plan.has_value());
  EXPECT_FALSE(plan->next_review.has_value());
}

TEST(TransitionTest, BackdatedDecisionGetsADefaultReviewFromToday) {
  // Recording an old decision today must not produce a review that is overdue
  // at once (it would show in the public register and the calendar feed).
  for (DecisionKind kind : {DecisionKind::kPilot, DecisionKind::kAdopt}) {
    auto req = request(kind);
    req.confirmed_red_lines = {RedLineId(11)};
    req.decided_on = *Date::parse("2001-01-01");
    const Phase from = kind == DecisionKind::kPilot ? Phase::kSelection : Phase::kPilot;
    auto plan = plan_transition(tool_in(from), req, red_lines(), kToday, 6);
    ASSERT_TRUE(plan.has_value()) << plan.error().detail;
    EXPECT_EQ(plan->decision.decided_on.str(), "2001-01-01");
    ASSERT_TRUE(plan->next_review.has_value());
    EXPECT_EQ(plan->next_review->str(), "2026-09-10");
  }
}

TEST(TransitionTest, InvalidReviewIntervalIsRefused) {
  auto plan = plan_transition(tool_in(Phase::kIdea), request(DecisionKind::kExplore), {}, kToday, 0);
  ASSERT_FALSE(plan.has_value());
  EXPECT_EQ(plan.error().key, "tools.error.review_interval_invalid");
}

}  // namespace
}  // namespace solipraxis::core
