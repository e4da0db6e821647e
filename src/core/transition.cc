#include "core/transition.h"

#include <algorithm>

#include "core/review.h"

namespace solipraxis::core {
namespace {

// A backdated decision (decided_on before today) must not yield a review date
// that is already overdue, so the default interval counts from the later of the
// decision day and today.
std::optional<Date> next_review_after(const Tool& tool, Phase to,
                                      const TransitionRequest& request, Date today,
                                      int review_months) {
  if (is_terminal(to)) return std::nullopt;
  if (request.next_review) return request.next_review;
  if (requires_review(to)) {
    return default_next_review(std::max(request.decided_on, today), review_months);
  }
  return tool.next_review;
}

}  // namespace

Result<TransitionPlan> plan_transition(const Tool& tool, TransitionRequest request,
                                       const std::vector<RedLine>& org_red_lines, Date today,
                                       int review_months) {
  auto to = transition(tool.phase, request.kind);
  if (!to) return to.error();

  Decision d;
  d.org_id = tool.org_id;
  d.tool_id = tool.id;
  d.kind = request.kind;
  d.from = tool.phase;
  d.to = *to;
  d.rationale = std::move(request.rationale);
  d.principles = std::move(request.principles);
  d.decided_by = std::move(request.decided_by);
  d.decided_on = request.decided_on;
  d.recorded_by = request.recorded_by;
  normalize_decision(d);
  if (auto ok = validate_decision(d, today); !ok) return ok.error();

  if (request.next_review && *request.next_review < today && !is_terminal(*to)) {
    return make_error(ErrorCode::kInvalidInput, "tools.error.next_review_in_past",
                      "next_review: " + request.next_review->str() + " is before today " +
                          today.str());
  }
  if (auto ok = validate_review_interval(review_months); !ok) return ok.error();

  auto confirmations = check_red_lines(*to, org_red_lines, request.confirmed_red_lines);
  if (!confirmations) return confirmations.error();
  d.red_lines = std::move(*confirmations);

  TransitionPlan plan;
  plan.to = *to;
  plan.next_review = next_review_after(tool, *to, request, today, review_months);
  plan.decision = std::move(d);
  return plan;
}

}  // namespace solipraxis::core
