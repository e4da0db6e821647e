// The life cycle of an AI tool in an organisation's register, after the white
// paper's phases, and the decisions that move a tool between them. Pure: the
// only way to change a tool's phase is transition(), which either names the one
// phase a decision leads to or refuses with kConflict.
#pragma once

#include <array>
#include <optional>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace solipraxis::core {

// Phases of a tool in the register.
//
//   idea -> selection -> pilot -> in_use <-> evaluation
//   in_use | evaluation        -> retired
//   idea | selection | pilot   -> rejected
//
// States:
//   idea        someone proposed the tool; nothing is decided yet.
//   selection   the organisation is weighing the tool against its problem,
//               alternatives and principles.
//   pilot       a bounded test with real people. Has a next review date.
//   in_use      adopted for regular use. Has a next review date.
//   evaluation  in use and under structured review (retro, reflection,
//               feedback). The tool is still in use. Has a next review date.
//   retired     was used and is no longer. Terminal.
//   rejected    deliberately not used: a first-class outcome whose reasons are
//               worth sharing (the non-use list). Terminal.
//
// Allowed transitions, each the effect of exactly one decision kind:
//   (idea,       explore)  -> selection
//   (selection,  pilot)    -> pilot
//   (pilot,      adopt)    -> in_use
//   (in_use,     evaluate) -> evaluation
//   (evaluation, continue) -> in_use
//   (in_use,     retire)   -> retired
//   (evaluation, retire)   -> retired
//   (idea,       reject)   -> rejected
//   (selection,  reject)   -> rejected
//   (pilot,      reject)   -> rejected
// Every other (phase, kind) pair, and so every other pair of phases, is refused
// with kConflict "tools.error.transition_not_allowed".
//
// Invariants:
//   - No phase is skipped: a tool reaches in_use only through selection and
//     pilot, so every tool in use has a recorded pilot decision.
//   - No self-transitions; retired and rejected have no way out. Reconsidering
//     a tool that was rejected or retired means recording it anew, so the
//     earlier decision stays in the history unchanged.
//   - rejected is reachable only from phases before in_use; a tool that was in
//     use leaves by retire. (Non-use after use is retirement, not rejection.)
//   - For each pair of phases at most one decision kind connects them, so a
//     (from, to) pair names the decision kind and vice versa.
//   - Targets pilot and in_use pass the red-line gate (red_line.h); the gate
//     is not part of this table.
// There is no "pause" kind: the paper knows no paused phase. Stepping back from
// regular use to look at a tool again is the evaluate decision.
enum class Phase { kIdea, kSelection, kPilot, kInUse, kEvaluation, kRetired, kRejected };
enum class DecisionKind { kExplore, kPilot, kAdopt, kEvaluate, kContinue, kRetire, kReject };

inline constexpr std::array<Phase, 7> kAllPhases = {
    Phase::kIdea,       Phase::kSelection, Phase::kPilot,   Phase::kInUse,
    Phase::kEvaluation, Phase::kRetired,   Phase::kRejected};
inline constexpr std::array<DecisionKind, 7> kAllDecisionKinds = {
    DecisionKind::kExplore,  DecisionKind::kPilot,  DecisionKind::kAdopt, DecisionKind::kEvaluate,
    DecisionKind::kContinue, DecisionKind::kRetire, DecisionKind::kReject};

// Stable names used in storage, JSON, URLs and i18n keys ("tools.phase.in_use").
const char* phase_name(Phase phase);  // "idea", "selection", "pilot", "in_use", ...
const char* decision_kind_name(DecisionKind kind);  // "explore", "pilot", ...
// kInvalidInput "tools.error.invalid_phase" / "tools.error.invalid_decision_kind".
Result<Phase> parse_phase(std::string_view name);
Result<DecisionKind> parse_decision_kind(std::string_view name);

// The phase a decision of `kind` leads to from `from`, or kConflict
// "tools.error.transition_not_allowed".
Result<Phase> transition(Phase from, DecisionKind kind);
// The decision kind that moves a tool from `from` to `to`, or the same kConflict.
Result<DecisionKind> decision_kind_between(Phase from, Phase to);
bool transition_allowed(Phase from, Phase to);
// Decision kinds allowed from `from` (for offering only valid choices in the UI).
std::vector<DecisionKind> decisions_from(Phase from);

bool is_terminal(Phase phase);  // retired, rejected
// Pilot, in use and evaluation: the tool affects people and must be reviewed.
bool requires_review(Phase phase);
// Targets of the red-line gate: pilot and in_use.
bool requires_red_line_check(Phase to);

}  // namespace solipraxis::core
