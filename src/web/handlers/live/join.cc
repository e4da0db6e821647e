// /join and the join page of one session (see room.h).
#include "core/live.h"
#include "store/secrets.h"
#include "store/store.h"
#include "web/handlers/live/room.h"
#include "web/handlers/live/room_access.h"
#include "web/handlers/live/room_view.h"
#include "web/page.h"

namespace solipraxis::web::handlers::live {

namespace {

bool ended(const RoomRequest& r) { return r.room.state == core::LiveState::kEnded; }

// The answer for an ended session's code to someone who is not in the room.
Response ended_answer(Services& s, const Request& req, const std::string& typed) {
  return render_join_form(s, req, typed, "live.join.ended", 410);
}

}  // namespace

Response join_form(Services& s, RoomGuards&, Request& req) {
  return render_join_form(s, req, req.query.value("code"), "", 200);
}

Response join_code(Services& s, RoomGuards& g, Request& req) {
  auto form = parse_form(req.body);
  if (!form) return error_response(s, req, 400, "error.http.unreadable_form");
  const std::string typed = form->value("code");
  if (req.language_switch) return render_join_form(s, req, typed, "", 200);
  auto r = find_room(s, g, req, typed);
  if (!r) return r.response();
  if (ended(*r)) return ended_answer(s, req, typed);
  return Response::redirect(r->url);
}

Response join_page(Services& s, RoomGuards& g, Request& req) {
  const std::string typed = req.param("code");
  auto r = find_room(s, g, req, typed);
  if (!r) return r.response();
  if (typed != r->code) return Response::redirect(r->url);  // the cookie's path is this spelling
  if (!r->key) {
    if (ended(*r)) return ended_answer(s, req, core::display_join_code(r->code));
    return render_welcome(s, req, *r, "", "", 200);
  }
  Response res = render_room(s, req, *r, RoomForm{}, 200);
  res.headers.set("Cache-Control", "no-store");
  return res;
}

Response join_submit(Services& s, RoomGuards& g, Request& req) {
  auto r = find_room(s, g, req, req.param("code"));
  if (!r) return r.response();
  if (ended(*r)) return ended_answer(s, req, core::display_join_code(r->code));
  auto form = parse_form(req.body);
  if (!form) return error_response(s, req, 400, "error.http.unreadable_form");
  const std::string name = form->value("name");
  if (req.language_switch) return render_welcome(s, req, *r, name, "", 200);
  // A browser that joined before keeps its key (and its cards); only the name changes.
  const store::ParticipantKey key = r->key ? *r->key : store::ParticipantKey{store::random_token()};
  if (auto st = s.store.live().join(r->room.org, r->room.session, key, name); !st) {
    if (st.error().code == core::ErrorCode::kInvalidInput) {
      return render_welcome(s, req, *r, name, st.error().key, 400);
    }
    if (st.error().key == "live.error.ended") return ended_answer(s, req, r->code);
    return error_response(s, req, st.error());
  }
  Response res = Response::redirect(r->url);
  res.set_cookie(kParticipantCookie, participant_cookie_value(s, *r, key),
                 participant_cookie(s, req, *r));
  return res;
}

}  // namespace solipraxis::web::handlers::live
