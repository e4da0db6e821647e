// Reading tools, decisions and red lines from API request bodies (JSON). The
// field names are those of core::tool_json / decision_json, so a client can GET
// a tool, change fields and send it back. Problems are kInvalidInput with an
// i18n key and a detail that names the field:
//   error.api.unknown_field  a field we do not know (likely a typo)
//   error.api.field_type     a field with the wrong JSON type
//   tools.error.invalid_data_answer  personal_data other than "yes", "no",
//                                    "unknown" (or, for older clients, true/false)
// Read-only fields (id, phase, version, created_at, updated_at, decisions) are
// accepted and ignored here; the handler checks "version" and "phase".
#pragma once

#include <nlohmann/json.hpp>

#include "core/civil_date.h"
#include "core/result.h"
#include "core/tool.h"
#include "core/transition.h"

namespace solipraxis::web {

// Sets every editable field present in `body` (an object) on `tool`.
core::Status apply_tool_fields(const nlohmann::json& body, core::Tool& tool);

// A transition request from {"kind" | "to", "rationale", "principles":
// [{"principle", "how"}], "decided_by", "decided_on", "red_lines_confirmed": [id],
// "next_review", "version"}. `current` is the tool's phase, to turn "to" into a
// kind. decided_by defaults to `default_decided_by`, decided_on to `today`.
// Error keys besides the two above: tools.error.invalid_decision_kind,
// tools.error.invalid_phase, tools.error.transition_not_allowed (kind and "to"
// disagree, or "to" is unreachable), error.api.kind_required.
core::Result<core::TransitionRequest> parse_transition(const nlohmann::json& body,
                                                       core::Phase current,
                                                       const std::string& default_decided_by,
                                                       core::Date today);

}  // namespace solipraxis::web
