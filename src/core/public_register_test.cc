#include "core/public_register.h"

#include <gtest/gtest.h>

namespace solipraxis::core {
namespace {

Decision decision(std::int64_t id, DecisionKind kind, Phase from, Phase to, const char* on,
                  std::vector<PrincipleNote> notes) {
  Decision d;
  d.id = DecisionId(id);
  d.kind = kind;
  d.from = from;
  d.to = to;
  d.rationale = "Gründe " + std::to_string(id);
  d.decided_on = *Date::parse(on);
  d.principles = std::move(notes);
  return d;
}

TEST(PublicRegister, PrivateToolsHaveNoEntry) {
  Tool t;
  t.name = "Intern";
  EXPECT_FALSE(public_entry(t, {}).has_value());
}

TEST(PublicRegister, SummarisesReviewPrinciplesAndNonUse) {
  Tool t;
  t.is_public = true;
  t.phase = Phase::kRejected;
  auto e = public_entry(t, {decision(2, DecisionKind::kReject, Phase::kSelection, Phase::kRejected,
                                     "2026-02-03", {{2, "a"}, {5, "b"}}),
                            decision(1, DecisionKind::kExplore, Phase::kIdea, Phase::kSelection,
                                     "2026-01-05", {{5, "c"}, {1, "d"}})});
  ASSERT_TRUE(e.has_value());
  ASSERT_EQ(e->decisions.size(), 2u);
  EXPECT_EQ(e->decisions[0].id.value, 1) << "oldest first";
  EXPECT_EQ(e->last_review, *Date::parse("2026-02-03"));
  EXPECT_EQ(e->principles, (std::vector<int>{1, 2, 5}));
  ASSERT_TRUE(e->non_use.has_value());
  EXPECT_EQ(e->non_use->rationale, "Gründe 2");
}

TEST(PublicRegister, DecisionsFollowTheDayTheyWereTakenLikeTheTimeline) {
  Tool t;
  t.is_public = true;
  t.phase = Phase::kPilot;
  // Recorded second, but taken earlier (a backdated entry).
  auto e = public_entry(t, {decision(1, DecisionKind::kExplore, Phase::kIdea, Phase::kSelection,
                                     "2026-01-05", {}),
                            decision(2, DecisionKind::kPilot, Phase::kSelection, Phase::kPilot,
                                     "2025-12-01", {}),
                            decision(3, DecisionKind::kPilot, Phase::kSelection, Phase::kPilot,
                                     "2026-01-05", {})});
  ASSERT_TRUE(e.has_value());
  ASSERT_EQ(e->decisions.size(), 3u);
  EXPECT_EQ(e->decisions[0].id.value, 2);
  EXPECT_EQ(e->decisions[1].id.value, 1);
  EXPECT_EQ(e->decisions[2].id.value, 3) << "same day: as recorded";
  EXPECT_EQ(e->last_review, *Date::parse("2026-01-05"));
}

TEST(PublicRegister, NoNonUseUnlessRejectedAndNoReviewWithoutDecisions) {
  Tool t;
  t.is_public = true;
  auto e = public_entry(t, {});
  ASSERT_TRUE(e.has_value());
  EXPECT_FALSE(e->last_review.has_value());
  EXPECT_FALSE(e->non_use.has_value());
  t.updated_at = 50;
  Tool u = t;
  u.updated_at = 70;
  EXPECT_EQ(register_updated_at({*public_entry(t, {}), *public_entry(u, {})}, 1), 70);
  EXPECT_EQ(register_updated_at({}, 1), 1);
}

}  // namespace
}  // namespace solipraxis::core
