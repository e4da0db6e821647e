// The public view of one tool for the transparency register (/p/{org}/register):
// only tools marked public, and of each only what the register shows. Pure: it
// derives the review and principle summary from the tool's decision history.
// What is left out on purpose: cost, who decided, who recorded, red-line texts,
// and the rationale of decisions other than non-use (internal deliberation).
#pragma once

#include <optional>
#include <vector>

#include "core/civil_date.h"
#include "core/decision.h"
#include "core/tool.h"

namespace solipraxis::core {

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
