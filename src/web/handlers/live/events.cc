// The room's event stream (Server-Sent Events), for web/static/live.js (see room.h).
#include "core/live.h"
#include "store/store.h"
#include "web/handlers/live/room.h"
#include "web/handlers/live/room_access.h"
#include "web/handlers/live/session_view.h"
#include "web/live_stream.h"
#include "web/page.h"

namespace solipraxis::web::handlers::live {

Response room_events(Services& s, RoomGuards& g, Request& req) {
  auto r = find_room(s, g, req, req.param("code"));
  if (!r) return r.response();
  if (!r->key) return error_response(s, req, 403, "live.room.not_joined");
  // An ended session sends nothing more; 204 tells EventSource not to reconnect.
  if (r->room.state == core::LiveState::kEnded || !s.live_bus) return Response::text("", 204);
  const store::OrgId org = r->room.org;
  const std::int64_t session = r->room.session;
  auto body = make_event_stream(*s.live_bus, session, last_event_id(req),
                                store_backlog(s, org, session));
  if (!body) return error_response(s, req, body.error());
  return event_stream_response(std::move(body).value());
}

}  // namespace solipraxis::web::handlers::live
