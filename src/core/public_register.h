// The public view of one tool for the transparency register (/p/{org}/register):
// only tools marked public, and of each only what the register shows. Pure: it
// derives the review and principle summary from the tool's decision history.
// What is left out on purpose: cost, who decided, who recorded, red-line texts,
// and the rationale of decisions other than non-use (internal deliberation).
#pragma once

#include <algorithm>
#include <array>
#include <optional>
#include <string_view>
#include <vector>

#include "core/civil_date.h"
#include "core/decision.h"
#include "core/tool.h"

namespace solipraxis::core {

// The tool fields (names as in tool_errors) that the public register shows for a
// public tool, in form order; the edit form marks exactly these. Not public:
// cost, and the "public" switch itself.
inline constexpr std::array<std::string_view, 18> kPublicToolFields = {
    "name",           "vendor",          "purpose",         "target_groups",
    "hosting",        "openness",        "contact",         "links",
    "data_processed", "personal_data",   "special_categories", "affected_users",
    "affected_non_users", "affected_groups", "next_review", "public_summary",
    "human_oversight", "risks"};
inline bool is_public_tool_field(std::string_view field) {
  return std::ranges::find(kPublicToolFields, field) != kPublicToolFields.end();
}

struct PublicToolEntry {
  Tool tool;
  std::vector<Decision> decisions;  // by decided_on, then id; rationale shown only for non_use
  std::optional<Date> last_review;  // the day of the most recent decision
  std::vector<int> principles;      // principles any decision touched, sorted, unique
  std::optional<Decision> non_use;  // the reject decision of a rejected tool
};

// The entry for `tool` with its decisions (any order). nullopt when the tool is
// not public: callers cannot publish a private tool by mistake.
std::optional<PublicToolEntry> public_entry(const Tool& tool, std::vector<Decision> decisions);

// The latest change among the entries (Unix seconds), or `fallback` when empty.
UnixTime register_updated_at(const std::vector<PublicToolEntry>& entries, UnixTime fallback);

}  // namespace solipraxis::core
