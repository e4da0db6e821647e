// When a tool in the register is looked at again. Every tool in pilot, in use
// or under evaluation has a next review date; by default it lies a number of
// months (an org setting, 6 unless changed) after the decision that set it.
// review_state() sorts tools into overdue / upcoming / scheduled for a given day.
#pragma once

#include <optional>

#include "core/civil_date.h"
#include "core/result.h"
#include "core/tool_phase.h"

namespace solipraxis::core {

inline constexpr int kDefaultReviewMonths = 6;
inline constexpr int kReviewMonthsMin = 1;
inline constexpr int kReviewMonthsMax = 36;
inline constexpr int kUpcomingReviewDays = 30;

// kInvalidInput "tools.error.review_interval_invalid" unless 1..36 months.
Status validate_review_interval(int months);

// `decided_on` plus `months` (add_months rules: Jan 31 + 1 = Feb 28/29).
Date default_next_review(Date decided_on, int months);

enum class ReviewState {
  kNone,       // no review date, or the phase needs no review (idea, selection, terminal)
  kOverdue,    // next_review < today
  kUpcoming,   // today <= next_review <= today + upcoming_days
  kScheduled,  // later than that
};
const char* review_state_name(ReviewState s);  // "none", "overdue", "upcoming", "scheduled"

ReviewState review_state(Phase phase, std::optional<Date> next_review, Date today,
                         int upcoming_days = kUpcomingReviewDays);

}  // namespace solipraxis::core
