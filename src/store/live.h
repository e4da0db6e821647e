// Live sessions (issue 25): a facilitator runs the paper's team retro or
// tool-selection workshop with a room; people join with a code, without an
// account, and post cards, vote with dots and see the board change live.
// Org-owned; implemented once in store/sql/live.cc; rules in core/live.h.
//
// Guarantees:
// - Anonymous by construction. A participant is known only by a random key
//   their browser holds (ParticipantKey); the store keeps keyed hashes of it,
//   each with its own purpose, never the key: a card row holds a hash of its
//   own random salt under the key (so only that browser can edit or remove it,
//   and no one can tell two cards share an author), a vote row a hash of the
//   session under the key (for the budget), a participant row a third hash
//   and the optional display name. No row holds a user id, an address, a user
//   agent or the time a card was written. Ending a session deletes the vote,
//   participant and event rows in the same transaction; the vote counts stay
//   on the cards.
// - Every change in a running session writes one event (live_events) in its
//   transaction and returns it, for the event bus (live/bus.h). A hidden
//   card's event holds no text.
// - Members' changes write an audit row; participants' writes (cards, votes)
//   are not audited (an audit row would say when someone wrote).
// - end() lands the session's action items in the tools' records and sets
//   the review date in the same transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.h"
#include "core/ids.h"
#include "core/live.h"
#include "store/common.h"

namespace solipraxis::store {

// The random key a participant's browser holds for one session (a
// random_token(): 43 characters of base64url). Never stored.
struct ParticipantKey {
  std::string key;
};

struct NewLiveSession {
  core::LiveKind kind = core::LiveKind::kRetro;
  std::string method_id;          // catalog method, e.g. "m.team-retro"
  int catalog_version = 0;
  std::string title;
  std::vector<core::ToolId> tools;  // retro: exactly one; workshop: none (which need, which tool at all) to three
  std::vector<core::LiveStep> steps;
  int vote_budget = core::kDefaultVoteBudget;
  bool hide_cards = true;          // new cards stay hidden from others until the step is revealed
};

struct LiveSession {
  std::int64_t id = 0;
  core::LiveKind kind = core::LiveKind::kRetro;
  std::string method_id;
  int catalog_version = 0;
  std::string title;
  std::vector<core::ToolId> tools;
  std::vector<core::LiveStep> steps;
  std::vector<bool> revealed;       // per step
  std::vector<std::string> notes;   // per step: the facilitator's discussion notes
  int vote_budget = core::kDefaultVoteBudget;
  bool hide_cards = true;
  core::LiveState state = core::LiveState::kDraft;
  std::string join_code;            // 8 characters of core::kJoinAlphabet
  int current_step = -1;            // -1 before the start
  core::StepTimer timer;
  std::optional<core::Date> review_date;  // set at the end
  std::optional<UserId> created_by;
  UnixTime created_at = 0;
  std::optional<UnixTime> started_at;
  std::optional<UnixTime> ended_at;
};

// What a session's steps, budget and hiding may be changed to (draft only).
struct LiveSetup {
  std::string title;
  std::vector<core::LiveStep> steps;
  int vote_budget = core::kDefaultVoteBudget;
  bool hide_cards = true;
};

struct LiveCard {
  std::int64_t id = 0;
  int step = 0;
  std::string column;
  std::string text;               // "" when hidden from the reader
  bool hidden = false;            // not yet revealed to others
  bool mine = false;              // the reader's own card (by their key)
  std::optional<std::int64_t> cluster;
  int votes = 0;                  // dots on it
  int my_votes = 0;               // the reader's dots on it
};

struct LiveCluster {
  std::int64_t id = 0;
  int step = 0;
  std::string name;
};

// An action item agreed in the session; lands in its tool's record at the end.
struct LiveAction {
  std::int64_t id = 0;
  core::ToolId tool;
  std::string text;
  std::optional<UserId> responsible;
  std::optional<core::Date> due;
};

// The room as one reader sees it: a participant (by key), or the facilitator (no key).
struct LiveBoard {
  LiveSession session;
  std::vector<LiveCard> cards;       // by step, column, id
  std::vector<LiveCluster> clusters; // by step, id
  std::vector<LiveAction> actions;   // by id
  int participants = 0;
  std::vector<std::string> names;    // display names given, sorted
  int dots_used = 0;                 // the reader's dots in this session
  std::int64_t last_event = 0;       // the newest event id when the board was read
};

struct LiveEvent {
  std::int64_t id = 0;
  std::int64_t session = 0;
  std::string type;   // "card", "card-removed", "board", "step", "ended"
  std::string data;   // JSON text
};

// The result of a change: the session after it and the event it wrote.
struct LiveChange {
  LiveSession session;
  LiveEvent event;
};

// A join code's session, for /join (no org in the URL).
struct LiveRoom {
  OrgId org;
  std::int64_t session = 0;
  core::LiveState state = core::LiveState::kDraft;
};

enum class TimerAction { kPause, kResume, kExtend };

class Live {
 public:
  virtual ~Live() = default;

  // --- members ---
  // A draft with a fresh, unique join code. kInvalidInput live.error.* for
  // bad steps (core::check_steps), budget, title, or tool count (retro: 1,
  // workshop: 0..3); not_found "tools.error.not_found" for another org's tool.
  virtual Result<LiveSession> create(OrgId org, const NewLiveSession& in, const Actor& actor) = 0;
  virtual Result<LiveSession> session(OrgId org, std::int64_t id) = 0;
  // Newest first; with a tool, the sessions about it.
  virtual Result<std::vector<LiveSession>> sessions(OrgId org,
                                                    std::optional<core::ToolId> tool) = 0;
  // kConflict "live.error.not_draft" once started.
  virtual Result<LiveSession> setup(OrgId org, std::int64_t id, const LiveSetup& setup,
                                    const Actor& actor) = 0;
  // Starts (draft -> running, step 0) or moves the room to `step` (any step,
  // back or forth), starting that step's timer. kConflict "live.error.ended".
  virtual Result<LiveChange> go_to_step(OrgId org, std::int64_t id, int step,
                                        const Actor& actor) = 0;
  // Pause, resume, or extend by `seconds` (negative shortens) the current step's timer.
  virtual Result<LiveChange> timer(OrgId org, std::int64_t id, TimerAction action,
                                   std::int64_t seconds, const Actor& actor) = 0;
  // Shows the step's cards to everyone (and every later card of that step).
  virtual Result<LiveChange> reveal(OrgId org, std::int64_t id, int step, const Actor& actor) = 0;
  virtual Result<LiveChange> set_notes(OrgId org, std::int64_t id, int step,
                                       const std::string& notes, const Actor& actor) = 0;
  // Puts cards of one step into a cluster: a new one named `name` (cluster
  // nullopt) or an existing one (renamed when `name` is not empty).
  virtual Result<LiveChange> group(OrgId org, std::int64_t id, std::optional<std::int64_t> cluster,
                                   const std::string& name,
                                   const std::vector<std::int64_t>& cards, const Actor& actor) = 0;
  // Takes cards out of their cluster; an emptied cluster goes.
  virtual Result<LiveChange> ungroup(OrgId org, std::int64_t id,
                                     const std::vector<std::int64_t>& cards,
                                     const Actor& actor) = 0;
  virtual Result<LiveChange> add_action(OrgId org, std::int64_t id, const LiveAction& action,
                                        const Actor& actor) = 0;
  virtual Result<LiveChange> remove_action(OrgId org, std::int64_t id, std::int64_t action,
                                           const Actor& actor) = 0;
  // Ends the session: the join code stops working, votes are counted onto
  // the cards, vote/participant/event rows go, the actions become open action
  // items of their tools (store/action_items.h) and `review_date` (if any)
  // becomes the next review of every tool of the session. Ending twice is a
  // kConflict "live.error.ended".
  virtual Result<LiveChange> end(OrgId org, std::int64_t id,
                                 std::optional<core::Date> review_date, const Actor& actor) = 0;

  // --- the room (participants, no account) ---
  // The session behind a join code (normalised, core::normalize_join_code);
  // not_found "live.error.code_unknown" for none.
  virtual Result<LiveRoom> room(std::string_view code) = 0;
  // Joins (or re-joins with the same key, updating the name). kConflict
  // "live.error.ended" after the end.
  virtual Status join(OrgId org, std::int64_t id, const ParticipantKey& key,
                      const std::string& display_name) = 0;
  // A card on the current step. kConflict "live.error.not_running" before
  // the start, "live.error.ended" after the end, "live.error.step_closed"
  // for another step than the current one; kInvalidInput for bad text or an
  // unknown column. With a form's `nonce`, the same form sent again by the
  // same key (an answer lost to a dropped connection or a server restart)
  // adds nothing: the result is the session and no event (id 0). The card's
  // salt is then a keyed hash of the nonce under the key, so it still tells
  // no one without the key anything.
  virtual Result<LiveChange> add_card(OrgId org, std::int64_t id, int step,
                                      const std::string& column, const std::string& text,
                                      const ParticipantKey& key, std::string_view nonce = {}) = 0;
  // Only the card's writer (by key) may change or remove it, while the
  // session runs; anyone else gets not_found "live.error.card_not_found".
  virtual Result<LiveChange> edit_card(OrgId org, std::int64_t id, std::int64_t card,
                                       const std::string& text, const ParticipantKey& key) = 0;
  virtual Result<LiveChange> remove_card(OrgId org, std::int64_t id, std::int64_t card,
                                         const ParticipantKey& key) = 0;
  // One dot on a card (kConflict "live.error.budget_spent" past the budget),
  // or takes one of the reader's dots back.
  virtual Result<LiveChange> vote(OrgId org, std::int64_t id, std::int64_t card,
                                  const ParticipantKey& key, bool add) = 0;

  // --- reading ---
  // The board as the reader sees it (key: a participant; nullopt: a member).
  // Hidden cards show their text only to their writer.
  virtual Result<LiveBoard> board(OrgId org, std::int64_t id,
                                  const std::optional<ParticipantKey>& key) = 0;
  // Events after `after`, oldest first, at most `limit`.
  virtual Result<std::vector<LiveEvent>> events(OrgId org, std::int64_t id, std::int64_t after,
                                                int limit) = 0;
};

}  // namespace solipraxis::store
