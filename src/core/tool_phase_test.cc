#include "core/tool_phase.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <utility>

namespace solipraxis::core {
namespace {

using P = Phase;
using K = DecisionKind;

// The specification, written out independently of the implementation's table.
const std::map<std::pair<P, K>, P>& spec() {
  static const std::map<std::pair<P, K>, P> kSpec = {
      {{P::kIdea, K::kExplore}, P::kSelection},
      {{P::kSelection, K::kPilot}, P::kPilot},
      {{P::kPilot, K::kAdopt}, P::kInUse},
      {{P::kInUse, K::kEvaluate}, P::kEvaluation},
      {{P::kEvaluation, K::kContinue}, P::kInUse},
      {{P::kInUse, K::kRetire}, P::kRetired},
      {{P::kEvaluation, K::kRetire}, P::kRetired},
      {{P::kIdea, K::kReject}, P::kRejected},
      {{P::kSelection, K::kReject}, P::kRejected},
      {{P::kPilot, K::kReject}, P::kRejected},
  };
  return kSpec;
}

std::string pair_name(P from, const char* what) {
  return std::string(phase_name(from)) + " / " + what;
}

TEST(ToolPhaseTest, EveryPhaseAndDecisionKindPair) {
  int allowed = 0;
  for (P from : kAllPhases) {
    for (K kind : kAllDecisionKinds) {
      SCOPED_TRACE(pair_name(from, decision_kind_name(kind)));
      const auto it = spec().find({from, kind});
      auto to = transition(from, kind);
      if (it != spec().end()) {
        ASSERT_TRUE(to.has_value()) << to.error().detail;
        EXPECT_EQ(*to, it->second);
        ++allowed;
      } else {
        ASSERT_FALSE(to.has_value()) << "unexpectedly allowed, to " << phase_name(*to);
        EXPECT_EQ(to.error().code, ErrorCode::kConflict);
        EXPECT_EQ(to.error().key, "tools.error.transition_not_allowed");
      }
    }
  }
  EXPECT_EQ(allowed, 10);
}

TEST(ToolPhaseTest, EveryPairOfPhases) {
  int allowed = 0;
  for (P from : kAllPhases) {
    for (P to : kAllPhases) {
      SCOPED_TRACE(pair_name(from, phase_name(to)));
      std::set<K> kinds;
      for (const auto& [key, target] : spec()) {
        if (key.first == from && target == to) kinds.insert(key.second);
      }
      ASSERT_LE(kinds.size(), 1u) << "two kinds connect the same pair";
      auto kind = decision_kind_between(from, to);
      EXPECT_EQ(transition_allowed(from, to), !kinds.empty());
      if (!kinds.empty()) {
        ASSERT_TRUE(kind.has_value());
        EXPECT_EQ(*kind, *kinds.begin());
        ++allowed;
      } else {
        ASSERT_FALSE(kind.has_value());
        EXPECT_EQ(kind.error().code, ErrorCode::kConflict);
        EXPECT_EQ(kind.error().key, "tools.error.transition_not_allowed");
      }
    }
  }
  EXPECT_EQ(allowed, 10);
}

TEST(ToolPhaseTest, DecisionsFromListsExactlyTheAllowedKinds) {
  for (P from : kAllPhases) {
    std::set<K> expected;
    for (const auto& [key, target] : spec()) {
      if (key.first == from) expected.insert(key.second);
    }
    const auto got = decisions_from(from);
    EXPECT_EQ(std::set<K>(got.begin(), got.end()), expected) << phase_name(from);
  }
}

TEST(ToolPhaseTest, Invariants) {
  for (P from : kAllPhases) {
    EXPECT_FALSE(transition_allowed(from, from)) << "self-transition from " << phase_name(from);
  }
  EXPECT_TRUE(decisions_from(P::kRetired).empty());
  EXPECT_TRUE(decisions_from(P::kRejected).empty());
  // Rejection (non-use) only before use; leaving use is retirement.
  for (P from : kAllPhases) {
    const bool before_use = from == P::kIdea || from == P::kSelection || from == P::kPilot;
    EXPECT_EQ(transition_allowed(from, P::kRejected), before_use) << phase_name(from);
  }
  // The only way into in_use from outside the use cycle is adopting after a pilot.
  for (P from : kAllPhases) {
    const bool ok = from == P::kPilot || from == P::kEvaluation;
    EXPECT_EQ(transition_allowed(from, P::kInUse), ok) << phase_name(from);
  }
  // Walking only forward from idea, no path reaches in_use without passing pilot.
  EXPECT_FALSE(transition_allowed(P::kIdea, P::kPilot));
  EXPECT_FALSE(transition_allowed(P::kSelection, P::kInUse));
}

TEST(ToolPhaseTest, NamesRoundTripAndUnknownNamesAreInvalidInput) {
  for (P p : kAllPhases) {
    auto parsed = parse_phase(phase_name(p));
    ASSERT_TRUE(parsed.has_value());
    EXPECT_EQ(*parsed, p);
  }
  for (K k : kAllDecisionKinds) {
    auto parsed = parse_decision_kind(decision_kind_name(k));
    ASSERT_TRUE(parsed.has_value());
    EXPECT_EQ(*parsed, k);
  }
  EXPECT_STREQ(phase_name(P::kInUse), "in_use");
  auto bad = parse_phase("In_Use");
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(bad.error().key, "tools.error.invalid_phase");
  auto bad_kind = parse_decision_kind("pause");
  ASSERT_FALSE(bad_kind.has_value());
  EXPECT_EQ(bad_kind.error().key, "tools.error.invalid_decision_kind");
}

TEST(ToolPhaseTest, ReviewAndRedLineTargets) {
  for (P p : kAllPhases) {
    EXPECT_EQ(requires_review(p), p == P::kPilot || p == P::kInUse || p == P::kEvaluation);
    EXPECT_EQ(requires_red_line_check(p), p == P::kPilot || p == P::kInUse);
    EXPECT_EQ(is_terminal(p), p == P::kRetired || p == P::kRejected);
  }
}

}  // namespace
}  // namespace solipraxis::core
