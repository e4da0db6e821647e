// Helpers shared by the live session files (live.cc, live_room.cc): reading
// a session with its steps and tools, writing its events. Internal to src/store/sql.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "store/live.h"
#include "core/text_field.h"
#include "store/sql/db.h"
#include "store/sql/rows.h"

namespace solipraxis::store::sql {

Result<LiveSession> load_live_session(Tx& tx, OrgId org, std::int64_t id);
// Writes one event of the session in the caller's transaction.
Result<LiveEvent> write_live_event(Tx& tx, OrgId org, std::int64_t session, std::string_view type,
                                   const nlohmann::json& data);
// The "step" event's data: the current step and its timer at `now`.
nlohmann::json step_event_data(const LiveSession& s, UnixTime now);
// A card as an event carries it: no text while it is hidden.
nlohmann::json card_event_data(std::int64_t id, int step, const std::string& column,
                               const std::string& text, bool hidden,
                               std::optional<std::int64_t> cluster);

// kConflict live.error.ended / live.error.not_running unless the session runs.
Status require_running(const LiveSession& s);
Status require_not_ended(const LiveSession& s);
Status require_step(const LiveSession& s, int step);  // kInvalidInput live.error.step_invalid

// The keyed hashes of a participant key (store/live.h): kInvalidInput
// live.error.key_invalid for a key that is not a random_token().
Result<std::string> participant_hash(const ParticipantKey& key, std::string_view purpose,
                                     std::string_view message);

inline core::Error live_invalid(std::string key, std::string detail) {
  return core::make_error(core::ErrorCode::kInvalidInput, std::move(key), std::move(detail));
}

// Runs one facilitator change: loads the session, lets `fn` change it and
// name its event, writes the event and the audit row.
template <typename F>
Result<LiveChange> live_change(Db& db, core::Clock& clock, OrgId org, std::int64_t id,
                          const Actor& actor, std::string_view action, F&& fn) {
  const UnixTime now = clock.now();
  return write_into<LiveChange>(db, [&](Tx& tx, LiveChange& out) -> Status {
    auto s = load_live_session(tx, org, id);
    if (!s) return s.error();
    if (auto st = require_not_ended(*s); !st) return st;
    std::string type;
    nlohmann::json data;
    if (auto st = fn(tx, *s, now, type, data); !st) return st;
    auto fresh = load_live_session(tx, org, id);
    if (!fresh) return fresh.error();
    auto event = write_live_event(tx, org, id, type, data);
    if (!event) return event.error();
    out = LiveChange{std::move(*fresh), std::move(*event)};
    return write_audit(tx, org, actor, action, "live_session", std::to_string(id), "",
                       data.dump(), now);
  });
}

}  // namespace solipraxis::store::sql
