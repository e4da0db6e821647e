// A Decision records one step in a tool's life: which kind, from which phase to
// which, why (rationale), which of the eight principles of the Code of Conduct
// Demokratische KI it touches and how, who decided and on which day. Decisions
// are append-only history; validate_decision() checks the fields a person enters.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/civil_date.h"
#include "core/clock.h"
#include "core/field_error.h"
#include "core/ids.h"
#include "core/red_line.h"
#include "core/result.h"
#include "core/tool_phase.h"

namespace solipraxis::core {

using DecisionId = Id<struct DecisionTag>;

// Principles are numbered 1..kPrincipleCount as in the Code of Conduct; their
// names and texts live in the catalog and the message catalogs, not here.
inline constexpr int kPrincipleCount = 8;
inline constexpr std::size_t kRationaleMax = 10000;
inline constexpr std::size_t kPrincipleHowMax = 1000;
inline constexpr std::size_t kDecidedByMax = 200;

struct PrincipleNote {
  int principle = 0;  // 1..8
  std::string how;    // how the decision touches it; required
  friend bool operator==(const PrincipleNote&, const PrincipleNote&) = default;
};

struct Decision {
  DecisionId id;
  OrgId org_id;
  ToolId tool_id;
  DecisionKind kind = DecisionKind::kExplore;
  Phase from = Phase::kIdea;
  Phase to = Phase::kSelection;
  std::string rationale;                   // required, not blank
  std::vector<PrincipleNote> principles;   // each principle at most once, sorted
  std::string decided_by;                  // who decided: a person, a team, the board
  Date decided_on;                         // not after the day it is recorded
  std::optional<UserId> recorded_by;       // the signed-in person who entered it
  std::vector<RedLineConfirmation> red_lines;  // confirmed by this decision (pilot, in_use)
  UnixTime created_at = 0;
};

// Problems with rationale, principles, decided_by and decided_on. Keys:
// tools.error.rationale_required, tools.error.principle_unknown (not 1..8),
// tools.error.principle_duplicate, tools.error.principle_how_required,
// tools.error.decided_by_required, tools.error.decided_on_in_future,
// tools.error.field_too_long, tools.error.text_invalid.
std::vector<FieldError> decision_errors(const Decision& decision, Date today);
Status validate_decision(const Decision& decision, Date today);

// Trims rationale, decided_by and each note; sorts principles by number.
void normalize_decision(Decision& decision);

}  // namespace solipraxis::core
