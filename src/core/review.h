// When a tool in the register is looked at again. Every tool in pilot, in use
// or under evaluation has a next review date; by default it lies a number of
// months (an org setting, 6 unless changed) after the decision that set it.
// review_state() sorts tools into overdue / upcoming / scheduled for a given day.
#pragma once

#include <optional>
#include <string_view>

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

// The review date a free-text answer names, for the link that prefills the tool's
// next review from a reflection (the introduction template asks "Wann findet die
// nächste Überprüfung statt (z. B. in 2 Monaten)?"): the first date written as
// TT.MM.JJJJ or JJJJ-MM-TT, else the first "in N Tagen/Wochen/Monaten" ("in N
// days/weeks/months", N a number or a word up to twelve) counted from `today`.
// nullopt when the text names neither; it never guesses beyond that.
std::optional<Date> review_date_in_text(std::string_view text, Date today);

}  // namespace solipraxis::core
