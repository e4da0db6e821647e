// The room's writes: a card added, changed or removed, a dot given or taken
// back (see room.h). Each answers 303 back to the room, or the room again with
// the problem beside the field and the text as typed.
#include "core/live.h"
#include "store/store.h"
#include "web/handlers/common/params.h"
#include "web/handlers/live/publish.h"
#include "web/handlers/live/room.h"
#include "web/handlers/live/room_access.h"
#include "web/handlers/live/room_view.h"
#include "web/handlers/live/steps.h"
#include "web/page.h"

namespace solipraxis::web::handlers::live {

namespace {

constexpr std::size_t kMaxNonce = 64;

// A room POST that may write: the room, the participant and the form.
struct RoomPost {
  RoomRequest room;
  Params form;
};

// The room and form of a POST, or the finished answer: without this room's
// cookie the join page (the person joins again; 403), with a room token that
// is not theirs the room with "form expired" (403).
auth::Access<RoomPost> room_post(Services& s, RoomGuards& g, Request& req) {
  auto r = find_room(s, g, req, req.param("code"));
  if (!r) return r.response();
  auto form = parse_form(req.body);
  if (!form) return error_response(s, req, 400, "error.http.unreadable_form");
  if (!r->key) return render_welcome(s, req, *r, "", "live.room.not_joined", 403);
  if (!room_token_ok(*form, *r)) {
    RoomForm again;
    again.add_text = form->value("text");
    again.add_column = form->value("column");
    again.error = "live.room.form_expired";
    return render_room(s, req, *r, again, 403);
  }
  return RoomPost{std::move(*r), std::move(*form)};
}

Response card_not_found(Services& s, const Request& req, const RoomRequest& r) {
  RoomForm form;
  form.error = "live.error.card_not_found";
  return render_room(s, req, r, form, 404);
}

// A room POST about one card (edit, delete, vote).
struct CardPost {
  RoomRequest room;
  Params form;
  std::int64_t card = 0;
};

// The room, form and card of the path, or the finished answer (room_post's,
// or the room with "no such card", 404).
auth::Access<CardPost> card_post(Services& s, RoomGuards& g, Request& req) {
  auto p = room_post(s, g, req);
  if (!p) return p.response();
  const auto card = parse_id(req.param("card"));
  if (!card) return card_not_found(s, req, p->room);
  return CardPost{std::move(p->room), std::move(p->form), *card};
}

int status_of(const core::Error& e) { return http_status(e.code); }

}  // namespace

Response card_add(Services& s, RoomGuards& g, Request& req) {
  auto p = room_post(s, g, req);
  if (!p) return p.response();
  const RoomRequest& r = p->room;
  RoomForm form;
  form.add_text = p->form.value("text");
  form.add_column = p->form.value("column");
  if (req.language_switch) return render_room(s, req, r, form, 200);
  const auto step = parse_step(p->form.value("step"));
  // The same form sent again (a double click, a resent request) makes no second card.
  std::string nonce = p->form.value("nonce");
  if (nonce.size() > kMaxNonce) nonce.clear();
  if (!step) {
    form.add_error = "live.error.step_invalid";
    return render_room(s, req, r, form, 400);
  }
  auto change = write_and_publish(s, r.room.session, [&] {
    return s.store.live().add_card(r.room.org, r.room.session, *step, form.add_column,
                                   form.add_text, *r.key, nonce);
  });
  if (!change) {
    form.add_error = change.error().key;
    return render_room(s, req, r, form, status_of(change.error()));
  }
  return Response::redirect(r.url);
}

Response card_edit(Services& s, RoomGuards& g, Request& req) {
  auto p = card_post(s, g, req);
  if (!p) return p.response();
  const RoomRequest& r = p->room;
  const std::int64_t card = p->card;
  RoomForm form;
  form.edit_card = card;
  form.edit_text = p->form.value("text");
  if (req.language_switch) return render_room(s, req, r, form, 200);
  auto change = write_and_publish(s, r.room.session, [&] {
    return s.store.live().edit_card(r.room.org, r.room.session, card, form.edit_text, *r.key);
  });
  if (!change) {
    if (change.error().key == "live.error.card_not_found") return card_not_found(s, req, r);
    form.edit_error = change.error().key;
    return render_room(s, req, r, form, status_of(change.error()));
  }
  return Response::redirect(r.url + "#live-card-" + std::to_string(card));
}

Response card_delete(Services& s, RoomGuards& g, Request& req) {
  auto p = card_post(s, g, req);
  if (!p) return p.response();
  const RoomRequest& r = p->room;
  const std::int64_t card = p->card;
  if (req.language_switch) return render_room(s, req, r, RoomForm{}, 200);
  auto change = write_and_publish(s, r.room.session, [&] {
    return s.store.live().remove_card(r.room.org, r.room.session, card, *r.key);
  });
  if (!change) {
    // Deleted already (a second click): done, as asked.
    if (change.error().key == "live.error.card_not_found") return Response::redirect(r.url);
    RoomForm form;
    form.error = change.error().key;
    return render_room(s, req, r, form, status_of(change.error()));
  }
  return Response::redirect(r.url);
}

Response card_vote(Services& s, RoomGuards& g, Request& req) {
  auto p = card_post(s, g, req);
  if (!p) return p.response();
  const RoomRequest& r = p->room;
  const std::int64_t card = p->card;
  if (req.language_switch) return render_room(s, req, r, RoomForm{}, 200);
  const bool add = p->form.value("do") != "remove";
  auto change = write_and_publish(s, r.room.session, [&] {
    return s.store.live().vote(r.room.org, r.room.session, card, *r.key, add);
  });
  if (!change) {
    RoomForm form;
    form.vote_card = card;
    form.vote_error = change.error().key;
    return render_room(s, req, r, form, status_of(change.error()));
  }
  return Response::redirect(r.url + "#live-card-" + std::to_string(card));
}

}  // namespace solipraxis::web::handlers::live
