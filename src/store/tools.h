// The org's tool register: tools, their phase changes (decisions), the red
// lines that gate those changes, review dates with the org's review interval,
// and the review calendar feed. Org-owned; every write is audited in the same
// transaction. Implemented once in store/sql/tools.cc, red_lines.cc and
// review_feeds.cc. The domain rules live in core/tool.h and core/transition.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.h"
#include "core/tool_export.h"
#include "core/transition.h"
#include "store/common.h"
#include "store/paging.h"

namespace solipraxis::store {

struct ToolFilter {
  std::optional<core::Phase> phase;  // only tools in this phase
  std::optional<bool> is_public;     // only tools (not) in the public register
};

// A phase change as stored: the tool after the move and the decision recorded.
struct ToolTransition {
  core::Tool tool;
  core::Decision decision;
};

// The secret of an org's calendar feed of review dates (/p/{org}/reviews/{secret}.ics):
// calendar apps cannot sign in, so the URL itself is the credential. Only its
// hash (store::hash_token) is stored; one per org.
struct ReviewFeed {
  std::string secret_hash;
  std::optional<UserId> created_by;
  UnixTime created_at = 0;
};

// A deliberate non-use: a rejected tool and the decision that rejected it.
struct NonUseEntry {
  core::Tool tool;
  core::Decision decision;
};

// Dates are checked against the org's day, today_in(clock, org.time_zone)
// (store/time_zone.h), not the UTC day. Lists are ordered by id
// (creation order); the cursor is opaque.
class Tools {
 public:
  virtual ~Tools() = default;

  virtual Result<Page<core::Tool>> list_tools(OrgId org, const ToolFilter& filter,
                                              const PageRequest& page) = 0;
  virtual Result<core::Tool> tool(OrgId org, core::ToolId id) = 0;  // "tools.error.not_found"
  // Normalises and validates (core::tool_errors); the tool starts in phase idea
  // with version 1 whatever `tool.phase` says: phases change only by decisions.
  virtual Result<core::Tool> create_tool(OrgId org, const core::Tool& tool,
                                         const Actor& actor) = 0;
  // Saves the editable fields (everything but phase, version and times) if the
  // stored version is still `expected_version`, else kConflict
  // "tools.error.stale_version" and nothing changes. Returns the saved tool
  // (version + 1). An unchanged overdue next_review stays allowed.
  virtual Result<core::Tool> update_tool(OrgId org, const core::Tool& tool,
                                         std::int64_t expected_version, const Actor& actor) = 0;
  // Plans the move with core::plan_transition (phase machine, decision fields,
  // red-line gate against the org's red lines, review default from the org's
  // interval) and writes decision, principle notes, red-line confirmations, new
  // phase, next review, version + 1 and the audit row in one transaction. With
  // `expected_version`, a stale version is kConflict "tools.error.stale_version".
  virtual Result<ToolTransition> transition_tool(OrgId org, core::ToolId id,
                                                 const core::TransitionRequest& request,
                                                 std::optional<std::int64_t> expected_version,
                                                 const Actor& actor) = 0;
  // The tool's decisions by the day they were taken (decided_on), then in the
  // order they were recorded, with principle notes and confirmations.
  virtual Result<std::vector<core::Decision>> decisions(OrgId org, core::ToolId tool) = 0;
  // The tool and its decisions (as decisions()) from one read: "tools.error.not_found"
  // as tool() for another org's or an unknown tool.
  virtual Result<core::ToolRecord> record(OrgId org, core::ToolId id) = 0;
  // Tools in phase rejected with the decision that rejected them, newest first.
  virtual Result<std::vector<NonUseEntry>> non_use_tools(OrgId org) = 0;
  // Tools in pilot, in_use or evaluation whose next review is on or before
  // `until`, earliest first (overdue ones first).
  virtual Result<std::vector<core::Tool>> tools_due_for_review(OrgId org, core::Date until) = 0;

  // Red lines: the org's exclusion criteria, by id. A line that a decision
  // confirmed keeps its meaning: deleting it or changing its text is kConflict
  // "tools.error.red_line_in_use" and changes nothing (deactivate it and write
  // a new line instead). Its `active` flag can still change.
  virtual Result<std::vector<core::RedLine>> red_lines(OrgId org) = 0;
  virtual Result<core::RedLine> create_red_line(OrgId org, std::string_view text,
                                                const Actor& actor) = 0;
  virtual Result<core::RedLine> update_red_line(OrgId org, const core::RedLine& line,
                                                const Actor& actor) = 0;  // text and active
  virtual Status delete_red_line(OrgId org, core::RedLineId id, const Actor& actor) = 0;

  // The org's default months from a decision to the next review (1..36, default 6).
  virtual Result<int> review_interval_months(OrgId org) = 0;
  virtual Status set_review_interval_months(OrgId org, int months, const Actor& actor) = 0;

  // The org's review calendar feed; not_found "tools.error.feed_not_found" when
  // it has none. set_review_feed replaces any earlier secret (the old URL stops
  // working at once); delete is idempotent. Both audited ("review_feed.*"),
  // never with the hash itself.
  virtual Result<ReviewFeed> review_feed(OrgId org) = 0;
  virtual Result<ReviewFeed> set_review_feed(OrgId org, std::string_view secret_hash,
                                             const Actor& actor) = 0;
  virtual Status delete_review_feed(OrgId org, const Actor& actor) = 0;
};

}  // namespace solipraxis::store
