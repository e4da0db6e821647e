// Writes of a live session that the room must see at once: the store call and
// the publication of its event on the bus (live/bus.h) happen under the
// session's lock, so events reach the bus in id order (a stream skips an id at
// or below one it sent, see web/live_stream.h). For every handler that changes
// a session, the facilitator's as well as the participants'.
#pragma once

#include <cstdint>
#include <mutex>
#include <utility>

#include "core/result.h"
#include "live/bus.h"
#include "store/live.h"
#include "web/app.h"

namespace solipraxis::web::handlers::live {

// One lock per session (striped: sessions share a few locks, never one per row).
std::mutex& session_lock(std::int64_t session);

// Sends a committed change's event to the session's open streams.
void publish(Services& s, const store::LiveEvent& event);

// Runs `write` (returning core::Result<store::LiveChange>) under the session's
// lock and publishes its event when it succeeded.
template <typename Write>
core::Result<store::LiveChange> write_and_publish(Services& s, std::int64_t session, Write&& write) {
  std::lock_guard lock(session_lock(session));
  core::Result<store::LiveChange> change = std::forward<Write>(write)();
  if (change) publish(s, change->event);
  return change;
}

}  // namespace solipraxis::web::handlers::live
