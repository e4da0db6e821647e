// Feedback from the people a tool affects (issue 27): a public form per tool,
// no account, an optional answer under a pickup code. Org-owned; implemented
// once in store/sql/feedback.cc; rules in core/feedback.h.
//
// Guarantees:
// - Anonymous by construction. An item holds its text, category, state, the
//   org's reply and the day it came in (the org's calendar day, never a
//   time). No row holds an address, a user agent, a referrer, a session or an
//   account. The pickup code is kept only as its hash. A contact address, if
//   the person leaves one, is a row of its own (feedback_contacts), read only
//   through contact(), and deleted when the item is closed, when a member
//   deletes it, or when the person asks with the pickup code.
// - What people send is not audited (an audit row would say when someone
//   wrote). Members' changes are, in their transaction, without the text.
// - submit() refuses a tool whose channel is closed or whose phase does not
//   collect feedback (kConflict feedback.error.closed): a page that was open
//   when read cannot slip an item past a closing.
// - Turning an item into an action item writes both in one transaction.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/civil_date.h"
#include "core/feedback.h"
#include "core/ids.h"
#include "core/risk.h"
#include "store/common.h"
#include "store/paging.h"

namespace solipraxis::store {

struct FeedbackItem {
  std::int64_t id = 0;
  core::ToolId tool;
  std::string text;
  core::FeedbackCategory category = core::FeedbackCategory::kNone;
  core::Date received_on;                 // the day only
  core::FeedbackState state = core::FeedbackState::kNew;
  bool wants_answer = false;              // the sender will look for a reply
  bool has_contact = false;               // an address is stored (read it with contact())
  std::string reply;
  std::optional<core::Date> replied_on;
  std::optional<core::RiskId> risk;             // the risk it became
  std::optional<std::int64_t> action_item;      // the action item it became
  std::int64_t version = 0;               // bumped by every change
};

// What a pickup code shows: the reply and nothing else (not the text sent).
struct FeedbackPickup {
  std::int64_t id = 0;
  core::ToolId tool;
  core::Date received_on;
  std::string reply;                      // "" while there is none
  std::optional<core::Date> replied_on;
  bool has_contact = false;               // so the person can delete it
};

struct FeedbackFilter {
  std::optional<core::ToolId> tool;
  std::optional<core::FeedbackState> state;
  PageRequest page;                       // newest first
};

// Per tool: how many items came in, how many are new, how many were acted on.
struct FeedbackCounts {
  int received = 0;
  int fresh = 0;     // state new
  int acted_on = 0;  // state acted on
};

struct FeedbackChannel {
  core::ToolId tool;
  bool open = false;
};

// An action item made from an item (store/action_items.h).
struct FeedbackAction {
  std::string text;
  std::optional<UserId> responsible;
  std::optional<core::Date> due;
};

class Feedback {
 public:
  virtual ~Feedback() = default;

  // --- the public side (no account) ---
  // Whether the tool's channel is open (a tool that never had one: closed).
  // not_found "tools.error.not_found" for another org's tool.
  virtual Result<bool> channel_open(OrgId org, core::ToolId tool) = 0;
  // Stores an item on today's date in the org's calendar and returns its id.
  // `pickup_hash` is hash_token() of the item's pickup code; sending the same
  // code again (a form sent twice) stores nothing and returns the first id.
  // kInvalidInput feedback.error.* (core::feedback_errors); kConflict
  // feedback.error.closed.
  virtual Result<std::int64_t> submit(OrgId org, core::ToolId tool,
                                      const core::FeedbackInput& in,
                                      const std::string& pickup_hash) = 0;
  // not_found feedback.error.code_unknown for an unknown code and for the code
  // of an item whose sender wanted no answer.
  virtual Result<FeedbackPickup> pickup(OrgId org, const std::string& pickup_hash) = 0;
  // The person deletes their contact address with the code; not audited.
  virtual Status forget_contact_by_code(OrgId org, const std::string& pickup_hash) = 0;

  // --- members ---
  virtual Result<Page<FeedbackItem>> items(OrgId org, const FeedbackFilter& filter) = 0;
  // not_found feedback.error.not_found (also for another org's item).
  virtual Result<FeedbackItem> item(OrgId org, std::int64_t id) = 0;
  // The contact address ("" when none). Callers show it to owners and editors only.
  virtual Result<std::string> contact(OrgId org, std::int64_t id) = 0;
  // Every state change; kClosed also deletes the contact. Audited "feedback.state".
  virtual Result<FeedbackItem> set_state(OrgId org, std::int64_t id, core::FeedbackState state,
                                         const Actor& actor) = 0;
  // Writes (or rewrites) the reply: replied_on is today, a new or read item
  // becomes answered. kInvalidInput (core::reply_errors). Audited "feedback.reply".
  virtual Result<FeedbackItem> reply(OrgId org, std::int64_t id, const std::string& text,
                                     const Actor& actor) = 0;
  // Audited "feedback.contact_deleted".
  virtual Status forget_contact(OrgId org, std::int64_t id, const Actor& actor) = 0;
  // Records that the item became `risk` (a risk of the same tool) and marks
  // it acted on. not_found risks.error.not_found for another tool's risk.
  virtual Result<FeedbackItem> link_risk(OrgId org, std::int64_t id, core::RiskId risk,
                                         const Actor& actor) = 0;
  // Makes an open action item of the item's tool and marks it acted on, in one
  // transaction. kInvalidInput feedback.error.action_* for bad text.
  virtual Result<FeedbackItem> to_action_item(OrgId org, std::int64_t id,
                                              const FeedbackAction& action,
                                              const Actor& actor) = 0;
  // Deletes an item with its contact (spam, a mistake). Audited "feedback.delete".
  virtual Status remove(OrgId org, std::int64_t id, const Actor& actor) = 0;

  // --- channels and counts ---
  virtual Result<std::vector<FeedbackChannel>> channels(OrgId org) = 0;  // open ones, by tool
  // Opens or closes a tool's channel. Audited "feedback.channel".
  virtual Status set_channel(OrgId org, core::ToolId tool, bool open, const Actor& actor) = 0;
  virtual Result<std::map<core::ToolId, FeedbackCounts>> counts(OrgId org) = 0;
  // Whether the public register shows the counts (the org opts in).
  virtual Result<bool> counts_public(OrgId org) = 0;
  virtual Status set_counts_public(OrgId org, bool show, const Actor& actor) = 0;
};

}  // namespace solipraxis::store
