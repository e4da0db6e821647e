// The room's board fragment, for web/static/live.js (see room.h).
#include "web/handlers/live/room.h"
#include "web/handlers/live/room_access.h"
#include "web/handlers/live/room_view.h"
#include "web/page.h"

namespace solipraxis::web::handlers::live {

Response room_board(Services& s, RoomGuards& g, Request& req) {
  auto r = find_room(s, g, req, req.param("code"));
  if (!r) return r.response();
  if (!r->key) return error_response(s, req, 403, "live.room.not_joined");
  return render_board_fragment(s, req, *r);
}

}  // namespace solipraxis::web::handlers::live
