// Action items in a tool's record (issue 25): the next steps a retro or a
// workshop agreed on, with who is responsible and by when. They come from
// Live::end() in the session's own transaction; here they are read, ticked off
// and reopened. Open items of a tool carry over into its next retro.
// Org-owned; implemented once in store/sql/action_items.cc.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/civil_date.h"
#include "core/ids.h"
#include "store/common.h"

namespace solipraxis::store {

struct ActionItem {
  std::int64_t id = 0;
  core::ToolId tool;
  std::string text;
  std::optional<UserId> responsible;
  std::optional<core::Date> due;
  bool done = false;
  std::optional<std::int64_t> session;  // the live session that agreed on it
  UnixTime created_at = 0;
  std::optional<UnixTime> done_at;
};

class ActionItems {
 public:
  virtual ~ActionItems() = default;
  // A tool's items (or every tool's), open ones first by due date, then done ones newest first.
  virtual Result<std::vector<ActionItem>> items(OrgId org, std::optional<core::ToolId> tool,
                                                bool open_only) = 0;
  // Ticks an item off or reopens it; audited ("action_item.done" / "action_item.reopen").
  // not_found "action_items.error.not_found" for another org's item.
  virtual Result<ActionItem> set_done(OrgId org, std::int64_t id, bool done,
                                      const Actor& actor) = 0;
};

}  // namespace solipraxis::store
