#include "core/review.h"

#include <string>

namespace solipraxis::core {

Status validate_review_interval(int months) {
  if (months < kReviewMonthsMin || months > kReviewMonthsMax) {
    return make_error(ErrorCode::kInvalidInput, "tools.error.review_interval_invalid",
                      "review interval must be 1 to 36 months, not " + std::to_string(months));
  }
  return ok_status();
}

Date default_next_review(Date decided_on, int months) { return decided_on.add_months(months); }

const char* review_state_name(ReviewState s) {
  switch (s) {
    case ReviewState::kNone: return "none";
    case ReviewState::kOverdue: return "overdue";
    case ReviewState::kUpcoming: return "upcoming";
    case ReviewState::kScheduled: return "scheduled";
  }
  return "none";
}

ReviewState review_state(Phase phase, std::optional<Date> next_review, Date today,
                         int upcoming_days) {
  if (!requires_review(phase) || !next_review) return ReviewState::kNone;
  if (*next_review < today) return ReviewState::kOverdue;
  if (*next_review - today <= upcoming_days) return ReviewState::kUpcoming;
  return ReviewState::kScheduled;
}

}  // namespace solipraxis::core
