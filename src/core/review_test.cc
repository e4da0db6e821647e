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

TEST(ReviewTest, ReviewDateInAReflectionAnswer) {
  const Date today = Date::from_ymd(2026, 1, 31).value();
  auto in = [&](std::string_view text) { return review_date_in_text(text, today); };
  EXPECT_EQ(in("Am 15.03.2026 im Team"), Date::from_ymd(2026, 3, 15).value());
  EXPECT_EQ(in("2026-04-01"), Date::from_ymd(2026, 4, 1).value());
  EXPECT_EQ(in("in 2 Monaten, nach der Testphase"), Date::from_ymd(2026, 3, 31).value());
  EXPECT_EQ(in("In einem Monat"), Date::from_ymd(2026, 2, 28).value()) << "month-end rule";
  EXPECT_EQ(in("spätestens in drei Wochen"), today.add_days(21));
  EXPECT_EQ(in("in 10 days"), today.add_days(10));
  EXPECT_EQ(in("in six months"), Date::from_ymd(2026, 7, 31).value());
  EXPECT_EQ(in("in zwölf Monaten"), Date::from_ymd(2027, 1, 31).value());
  EXPECT_EQ(in("Das klären wir noch"), std::nullopt);
  EXPECT_EQ(in("in der Teamsitzung"), std::nullopt);
  EXPECT_EQ(in("31.02.2026"), std::nullopt) << "no such day: no guess";
  EXPECT_EQ(in("Termin 1.2."), std::nullopt) << "no year: no guess";
  EXPECT_EQ(in("bin 2 Monate weg"), std::nullopt) << "'in' must be a word of its own";
}

}  // namespace
}  // namespace solipraxis::core
