// Planning a phase change: combines the phase machine (tool_phase.h), decision
// validation (decision.h), the red-line gate (red_line.h) and the review rules
// (review.h) into one pure step. A store applies the returned plan atomically
// (decision row, confirmations, new phase, next review); nothing is written when
// planning fails.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/civil_date.h"
#include "core/decision.h"
#include "core/red_line.h"
#include "core/result.h"
#include "core/tool.h"
#include "core/tool_phase.h"

namespace solipraxis::core {

struct TransitionRequest {
  DecisionKind kind = DecisionKind::kExplore;
  std::string rationale;
  std::vector<PrincipleNote> principles;
  std::string decided_by;
  Date decided_on;
  std::optional<UserId> recorded_by;
  std::vector<RedLineId> confirmed_red_lines;  // lines the deciders confirm as respected
  std::optional<Date> next_review;             // empty: the default for the target phase
};

struct TransitionPlan {
  Decision decision;  // org, tool, kind, from, to, fields and confirmations filled in
  Phase to = Phase::kIdea;
  std::optional<Date> next_review;  // the tool's next review date after the move
};

// Checks, in this order, and fails with the first problem:
//  1. (tool.phase, kind) is an allowed transition, else kConflict
//     "tools.error.transition_not_allowed";
//  2. the decision's fields (validate_decision; decided_on not after today);
//  3. a requested next review is not before today ("tools.error.next_review_in_past");
//  4. the red-line gate for pilot and in_use (check_red_lines).
// Next review after the move: for pilot, in_use and evaluation the requested
// date or default_next_review(max(decided_on, today), review_months), so a
// backdated decision never starts out overdue; for selection the
// requested date or the tool's current one; none for retired and rejected.
Result<TransitionPlan> plan_transition(const Tool& tool, TransitionRequest request,
                                       const std::vector<RedLine>& org_red_lines, Date today,
                                       int review_months);

}  // namespace solipraxis::core
