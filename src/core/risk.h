// The vulnerability risk matrix (issue 24, after Christoph Hassler, H:DEI):
// per tool, risks for the people it may harm, users and non-users, placed by
// likelihood x impact on the paper's three-step scale, with a mitigation, a
// responsible member, a due date and a state. Pure rules: the scale,
// validation, the order in which risks need attention, and overdue mitigations.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.h"
#include "core/clock.h"
#include "core/field_error.h"
#include "core/ids.h"
#include "core/persona.h"
#include "core/result.h"

namespace solipraxis::core {

using RiskId = Id<struct RiskTag>;

enum class Level { kLow, kMedium, kHigh };  // the paper's scale for both axes
enum class RiskState { kOpen, kMitigated, kAccepted };
enum class Affected { kUsers, kNonUsers, kBoth };  // who the risk is for

inline constexpr std::array<Level, 3> kLevels = {Level::kLow, Level::kMedium, Level::kHigh};
inline constexpr std::size_t kRiskTextMax = 2000;     // description, mitigation
inline constexpr std::size_t kRiskGroupMax = 200;     // a group named in words
inline constexpr std::size_t kRiskReasonMax = 1000;   // why a re-assessment changed it
inline constexpr std::size_t kRiskPersonasMax = 20;

struct Risk {
  RiskId id;
  ToolId tool;
  std::string description;          // required: what could happen to whom
  std::vector<PersonaId> personas;  // the org's personas it concerns
  std::string group;                // or a group in words ("Menschen ohne Konto")
  Affected affected = Affected::kUsers;
  Level likelihood = Level::kMedium;
  Level impact = Level::kMedium;
  std::string mitigation;           // what the org does about it
  std::optional<UserId> owner;      // the member responsible for the mitigation
  std::optional<Date> due;          // when the mitigation should be in place
  RiskState state = RiskState::kOpen;
  std::int64_t version = 0;
  UnixTime created_at = 0;
  UnixTime updated_at = 0;
};

// One placement in a risk's history: the first assessment and every change of
// likelihood or impact, with who changed it, when and why.
struct Assessment {
  Level likelihood = Level::kMedium;
  Level impact = Level::kMedium;
  std::string reason;  // empty for the first placement
  std::optional<UserId> by;
  UnixTime at = 0;
};

// Stable names for storage, JSON, forms and i18n keys ("risks.level.high").
const char* level_name(Level v);            // "low", "medium", "high"
const char* risk_state_name(RiskState v);   // "open", "mitigated", "accepted"
const char* affected_name(Affected v);      // "users", "non_users", "both"
// kInvalidInput "risks.error.level_invalid" ("very_high", "" ...),
// "risks.error.state_invalid", "risks.error.affected_invalid".
Result<Level> parse_level(std::string_view s);
Result<RiskState> parse_risk_state(std::string_view s);
Result<Affected> parse_affected(std::string_view s);

// Trims group; drops repeated personas.
void normalize_risk(Risk& r);

// Every problem, in field order; empty when valid. Keys: risks.error.description_required,
// risks.error.field_too_long, risks.error.text_invalid, tools.error.single_line (group),
// risks.error.who_required (neither a persona nor a group), risks.error.too_many_personas,
// risks.error.mitigation_required (state mitigated without saying how).
std::vector<FieldError> risk_errors(const Risk& r);
Status validate_risk(const Risk& r);
// A re-assessment that changes likelihood or impact must say why:
// risks.error.reason_required, or field_too_long / text_invalid for the reason.
std::vector<FieldError> reassessment_errors(const Risk& before, const Risk& after,
                                            std::string_view reason);

// Needs attention now: high impact and still open without a mitigation.
bool unmitigated_high(const Risk& r);
// The mitigation's due date has passed while the risk is still open.
bool overdue(const Risk& r, Date today);
// The order of the org's overview: unmitigated high-impact risks first, then
// open before mitigated before accepted, higher impact, higher likelihood,
// earlier due date (none last), then by id.
bool attention_before(const Risk& a, const Risk& b);

}  // namespace solipraxis::core
