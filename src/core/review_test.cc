#include "core/review.h"

#include <gtest/gtest.h>

namespace solipraxis::core {
namespace {

const Date kToday = *Date::parse("2026-03-10");

TEST(ReviewTest, DefaultIsMonthsAfterTheDecision) {
  EXPECT_EQ(default_next_review(*Date::parse("2026-03-10"), 6).str(), "2026-09-10");
  EXPECT_EQ(default_next_review(*Date::parse("2026-08-31"), 6).str(), "2027-02-28");
  EXPECT_EQ(default_next_review(*Date::parse("2026-03-10"), kDefaultReviewMonths).str(),
            "2026-09-10");
}

TEST(ReviewTest, IntervalMustBeOneToThirtySixMonths) {
  EXPECT_TRUE(validate_review_interval(1));
  EXPECT_TRUE(validate_review_interval(36));
  for (int bad : {0, -6, 37}) {
    auto st = validate_review_interval(bad);
    ASSERT_FALSE(st.has_value());
    EXPECT_EQ(st.error().key, "tools.error.review_interval_invalid");
  }
}

TEST(ReviewTest, StateForADay) {
  const auto in_use = Phase::kInUse;
  EXPECT_EQ(review_state(in_use, kToday.add_days(-1), kToday), ReviewState::kOverdue);
  EXPECT_EQ(review_state(in_use, kToday, kToday), ReviewState::kUpcoming);
  EXPECT_EQ(review_state(in_use, kToday.add_days(30), kToday), ReviewState::kUpcoming);
  EXPECT_EQ(review_state(in_use, kToday.add_days(31), kToday), ReviewState::kScheduled);
  EXPECT_EQ(review_state(in_use, kToday.add_days(10), kToday, 7), ReviewState::kScheduled);
  EXPECT_EQ(review_state(in_use, std::nullopt, kToday), ReviewState::kNone);
  EXPECT_EQ(review_state(Phase::kPilot, kToday.add_days(-1), kToday), ReviewState::kOverdue);
  EXPECT_EQ(review_state(Phase::kEvaluation, kToday.add_days(-1), kToday), ReviewState::kOverdue);
  // Phases without reviews are never overdue.
  for (Phase p : {Phase::kIdea, Phase::kSelection, Phase::kRetired, Phase::kRejected}) {
    EXPECT_EQ(review_state(p, kToday.add_days(-100), kToday), ReviewState::kNone);
  }
  EXPECT_STREQ(review_state_name(ReviewState::kOverdue), "overdue");
}

}  // namespace
}  // namespace solipraxis::core
