// Exports of the tool register as text: JSON (the API's representation of tools
// and decisions) and Markdown (one tool's record or the whole register, for
// people); spreadsheets (CSV, .xlsx) are in core/register_sheets.h. Pure functions of the records they get;
// labels come from a Translate callback so the web and CLI can pass their
// message catalog ("tools.field.name", "tools.phase.in_use", ...).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/decision.h"
#include "core/tool.h"

namespace solipraxis::core {

struct ToolRecord {
  Tool tool;
  std::vector<Decision> decisions;  // oldest first
};

// Looks up an i18n key; english_label() is the built-in fallback.
using Translate = std::function<std::string(std::string_view key)>;
std::string english_label(std::string_view key);

// JSON. Field names are the API contract (documented in docs/ and OpenAPI):
// tool: id, name, vendor, purpose, target_groups, hosting, openness (string or
// null), data_processed, personal_data ("yes", "no" or "unknown": not answered
// yet), special_categories (true or false; true only with personal_data "yes"), affected_users,
// affected_non_users, affected_groups, cost, contact, links, phase,
// next_review ("YYYY-MM-DD" or null), public, public_summary, human_oversight,
// risks, version, created_at, updated_at (Unix seconds).
// decision: id, tool_id, kind, from, to, rationale, principles [{principle, how}],
// decided_by, decided_on, red_lines_confirmed [{id, text}], created_at.
std::string tool_json(const Tool& tool);
std::string decision_json(const Decision& decision);
std::string tool_record_json(const ToolRecord& record);  // tool + "decisions"
std::string register_json(const std::vector<ToolRecord>& records);  // {"tools": [...]}

// Markdown. User text is backslash-escaped so it cannot become HTML or links.
std::string tool_markdown(const ToolRecord& record, const Translate& t = english_label);
std::string register_markdown(std::string_view org_name, const std::vector<ToolRecord>& records,
                              const Translate& t = english_label);

// JSON string literal with quotes; escapes control characters, '"', '\\',
// and '<', '>', '&' (so JSON embedded in HTML cannot close a script tag).
std::string json_string(std::string_view s);
std::string markdown_escape(std::string_view s);

}  // namespace solipraxis::core
