// Committing and publishing a session's changes in order (see publish.h).
#include "web/handlers/live/publish.h"

#include <array>

namespace solipraxis::web::handlers::live {

std::mutex& session_lock(std::int64_t session) {
  static std::array<std::mutex, 64> locks;
  return locks[static_cast<std::size_t>(session) % locks.size()];
}

void publish(Services& s, const store::LiveEvent& event) {
  if (!s.live_bus || event.id == 0) return;
  s.live_bus->publish(::solipraxis::live::Event{event.id, event.session, event.type, event.data});
}

}  // namespace solipraxis::web::handlers::live
