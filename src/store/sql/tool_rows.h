// Row mapping for the tool register tables (0002_tools.sql; personal data since
// 0007_personal_data_state.sql). Internal to src/store/sql: tools.cc and
// red_lines.cc share it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/decision.h"
#include "core/red_line.h"
#include "core/tool.h"
#include "store/sql/db.h"
#include "store/tools.h"

namespace solipraxis::store::sql {

inline constexpr std::string_view kToolColumns =
    "id, org_id, name, vendor, purpose, target_groups, hosting, openness, data_processed, "
    "personal_data_state, special_categories, affected_users, affected_non_users, affected_groups, "
    "cost, contact, links_json, phase, next_review, is_public, public_summary, human_oversight, "
    "risks, version, created_at, updated_at";
inline constexpr std::string_view kRedLineColumns =
    "id, org_id, text, active, created_at, updated_at";
inline constexpr std::string_view kDecisionColumns =
    "id, org_id, tool_id, kind, from_phase, to_phase, rationale, decided_by, decided_on, "
    "recorded_by, created_at";

core::Tool tool_from(const Row& r);
core::RedLine red_line_from(const Row& r);
core::Decision decision_from(const Row& r);  // without principles and confirmations

// A short JSON summary of a tool for the audit log.
std::string tool_summary(const core::Tool& t);

// The org's tool, or kNotFound "tools.error.not_found".
Result<core::Tool> load_tool(Tx& tx, OrgId org, core::ToolId id);
// not_found as load_tool, without reading the row.
Status tool_exists(Tx& tx, OrgId org, core::ToolId id);
// The org's red lines by id (active and inactive).
Result<std::vector<core::RedLine>> load_red_lines(Tx& tx, OrgId org);
// The tool's decisions, oldest first, with principles and confirmations.
Result<std::vector<core::Decision>> load_decisions(Tx& tx, OrgId org, core::ToolId tool);
// The org's review interval in months, or kNotFound "error.org.not_found".
Result<int> load_review_interval(Tx& tx, OrgId org);
// Today in the org's time zone by `clock` (dates are checked on the org's day,
// not the UTC day), or kNotFound "error.org.not_found".
Result<core::Date> load_org_today(Tx& tx, OrgId org, const core::Clock& clock);

core::Error stale_version(std::int64_t expected, std::int64_t stored);

}  // namespace solipraxis::store::sql
