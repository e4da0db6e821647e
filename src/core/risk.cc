#include "core/risk.h"

#include <algorithm>
#include <tuple>

#include "core/enum_names.h"
#include "core/text_field.h"

namespace solipraxis::core {
namespace {

constexpr std::array kLevelNames = {"low", "medium", "high"};
constexpr std::array kStateNames = {"open", "mitigated", "accepted"};
constexpr std::array kAffectedNames = {"users", "non_users", "both"};

const std::string kTooLong = "risks.error.field_too_long";
const std::string kInvalid = "risks.error.text_invalid";

}  // namespace

const char* level_name(Level v) { return kLevelNames[static_cast<std::size_t>(v)]; }
const char* risk_state_name(RiskState v) { return kStateNames[static_cast<std::size_t>(v)]; }
const char* affected_name(Affected v) { return kAffectedNames[static_cast<std::size_t>(v)]; }

Result<Level> parse_level(std::string_view s) {
  return parse_named<Level>(kLevelNames, s, "risks.error.level_invalid", "level");
}
Result<RiskState> parse_risk_state(std::string_view s) {
  return parse_named<RiskState>(kStateNames, s, "risks.error.state_invalid", "state");
}
Result<Affected> parse_affected(std::string_view s) {
  return parse_named<Affected>(kAffectedNames, s, "risks.error.affected_invalid", "affected");
}

void normalize_risk(Risk& r) {
  r.group = std::string(trim(r.group));
  std::vector<PersonaId> unique;
  for (PersonaId id : r.personas) {
    if (std::find(unique.begin(), unique.end(), id) == unique.end()) unique.push_back(id);
  }
  r.personas = std::move(unique);
}

std::vector<FieldError> risk_errors(const Risk& r) {
  std::vector<FieldError> out;
  if (is_blank(r.description)) {
    out.push_back(field_error("description", "risks.error.description_required",
                              "say what could happen to whom"));
  } else {
    check_text_field(out, "description", r.description, kRiskTextMax, kTooLong, kInvalid);
  }
  check_line_field(out, "group", r.group, kRiskGroupMax, kTooLong, kInvalid);
  if (r.personas.empty() && is_blank(r.group)) {
    out.push_back(field_error("personas", "risks.error.who_required",
                              "name a persona or a group the risk concerns"));
  }
  if (r.personas.size() > kRiskPersonasMax) {
    out.push_back(field_error("personas", "risks.error.too_many_personas",
                              "at most " + std::to_string(kRiskPersonasMax)));
  }
  check_text_field(out, "mitigation", r.mitigation, kRiskTextMax, kTooLong, kInvalid);
  if (r.state == RiskState::kMitigated && is_blank(r.mitigation)) {
    out.push_back(field_error("mitigation", "risks.error.mitigation_required",
                              "a mitigated risk says how it was mitigated"));
  }
  return out;
}

Status validate_risk(const Risk& r) { return first_error(risk_errors(r)); }

std::vector<FieldError> reassessment_errors(const Risk& before, const Risk& after,
                                            std::string_view reason) {
  std::vector<FieldError> out;
  const bool moved = before.likelihood != after.likelihood || before.impact != after.impact;
  if (moved && is_blank(reason)) {
    out.push_back(field_error("reason", "risks.error.reason_required",
                              "say why likelihood or impact changed"));
  } else {
    check_text_field(out, "reason", reason, kRiskReasonMax, kTooLong, kInvalid);
  }
  return out;
}

bool unmitigated_high(const Risk& r) {
  return r.impact == Level::kHigh && r.state == RiskState::kOpen && is_blank(r.mitigation);
}

bool overdue(const Risk& r, Date today) {
  return r.state == RiskState::kOpen && r.due && *r.due < today;
}

bool attention_before(const Risk& a, const Risk& b) {
  auto key = [](const Risk& r) {
    // Smaller sorts first; a missing due date sorts after every date.
    const std::int64_t due = r.due ? r.due->days() : INT64_MAX;
    return std::make_tuple(!unmitigated_high(r), static_cast<int>(r.state),
                           -static_cast<int>(r.impact), -static_cast<int>(r.likelihood), due,
                           r.id.value);
  };
  return key(a) < key(b);
}

}  // namespace solipraxis::core
