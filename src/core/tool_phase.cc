#include "core/tool_phase.h"

#include <string>

namespace solipraxis::core {
namespace {

struct Edge {
  Phase from;
  DecisionKind kind;
  Phase to;
};

// The whole machine; see the comment in tool_phase.h.
constexpr std::array<Edge, 10> kEdges = {{
    {Phase::kIdea, DecisionKind::kExplore, Phase::kSelection},
    {Phase::kSelection, DecisionKind::kPilot, Phase::kPilot},
    {Phase::kPilot, DecisionKind::kAdopt, Phase::kInUse},
    {Phase::kInUse, DecisionKind::kEvaluate, Phase::kEvaluation},
    {Phase::kEvaluation, DecisionKind::kContinue, Phase::kInUse},
    {Phase::kInUse, DecisionKind::kRetire, Phase::kRetired},
    {Phase::kEvaluation, DecisionKind::kRetire, Phase::kRetired},
    {Phase::kIdea, DecisionKind::kReject, Phase::kRejected},
    {Phase::kSelection, DecisionKind::kReject, Phase::kRejected},
    {Phase::kPilot, DecisionKind::kReject, Phase::kRejected},
}};

Error not_allowed(Phase from, std::string_view what) {
  return make_error(ErrorCode::kConflict, "tools.error.transition_not_allowed",
                    std::string("no transition from ") + phase_name(from) + " by " +
                        std::string(what));
}

}  // namespace

const char* phase_name(Phase phase) {
  switch (phase) {
    case Phase::kIdea: return "idea";
    case Phase::kSelection: return "selection";
    case Phase::kPilot: return "pilot";
    case Phase::kInUse: return "in_use";
    case Phase::kEvaluation: return "evaluation";
    case Phase::kRetired: return "retired";
    case Phase::kRejected: return "rejected";
  }
  return "idea";
}

const char* decision_kind_name(DecisionKind kind) {
  switch (kind) {
    case DecisionKind::kExplore: return "explore";
    case DecisionKind::kPilot: return "pilot";
    case DecisionKind::kAdopt: return "adopt";
    case DecisionKind::kEvaluate: return "evaluate";
    case DecisionKind::kContinue: return "continue";
    case DecisionKind::kRetire: return "retire";
    case DecisionKind::kReject: return "reject";
  }
  return "explore";
}

Result<Phase> parse_phase(std::string_view name) {
  for (Phase p : kAllPhases) {
    if (name == phase_name(p)) return p;
  }
  return make_error(ErrorCode::kInvalidInput, "tools.error.invalid_phase",
                    "unknown phase '" + std::string(name.substr(0, 40)) + "'");
}

Result<DecisionKind> parse_decision_kind(std::string_view name) {
  for (DecisionKind k : kAllDecisionKinds) {
    if (name == decision_kind_name(k)) return k;
  }
  return make_error(ErrorCode::kInvalidInput, "tools.error.invalid_decision_kind",
                    "unknown decision kind '" + std::string(name.substr(0, 40)) + "'");
}

Result<Phase> transition(Phase from, DecisionKind kind) {
  for (const Edge& e : kEdges) {
    if (e.from == from && e.kind == kind) return e.to;
  }
  return not_allowed(from, decision_kind_name(kind));
}

Result<DecisionKind> decision_kind_between(Phase from, Phase to) {
  for (const Edge& e : kEdges) {
    if (e.from == from && e.to == to) return e.kind;
  }
  return not_allowed(from, std::string("moving to ") + phase_name(to));
}

bool transition_allowed(Phase from, Phase to) {
  return decision_kind_between(from, to).has_value();
}

std::vector<DecisionKind> decisions_from(Phase from) {
  std::vector<DecisionKind> out;
  for (const Edge& e : kEdges) {
    if (e.from == from) out.push_back(e.kind);
  }
  return out;
}

bool is_terminal(Phase phase) { return phase == Phase::kRetired || phase == Phase::kRejected; }

bool requires_review(Phase phase) {
  return phase == Phase::kPilot || phase == Phase::kInUse || phase == Phase::kEvaluation;
}

bool requires_red_line_check(Phase to) { return to == Phase::kPilot || to == Phase::kInUse; }

}  // namespace solipraxis::core
