// The participants' side of a live session (issue 25): /join with a code, the
// join page, the room (board, card forms, dots), its board fragment and event
// stream. No account: a participant is a random key in a cookie scoped to the
// room's path (never stored; store/live.h). Works without JavaScript (forms,
// post/redirect/get, a reload link); web/static/live.js adds live updates.
//
// Guarantees: a wrong code counts against the client's address in memory only
// (never stored or logged) and waits grow after a few (429); every room form
// carries a token derived from the participant's key as well as the CSRF token;
// an add-card form sent twice makes one card (its nonce, kept with the card in
// the store, so also after a restart: store/live.h); after each
// write the store's event goes to the bus (publish.h).
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "core/clock.h"
#include "web/app.h"
#include "web/auth/rate_limiter.h"
#include "web/http.h"

namespace solipraxis::web::handlers::live {

// What the room's handlers keep between requests; one per app (routes.cc).
// Only this lives in memory: a restart forgets the waits (nobody stays locked
// out), while the room, its cards, dots and timer are in the store.
struct RoomGuards {
  explicit RoomGuards(const core::Clock& clock);
  auth::FailureBackoff wrong_codes;  // keyed by client address, in memory only
};

// join.cc
Response join_form(Services& s, RoomGuards& g, Request& req);    // GET  /join
Response join_code(Services& s, RoomGuards& g, Request& req);    // POST /join
Response join_page(Services& s, RoomGuards& g, Request& req);    // GET  /join/{code} (join or room)
Response join_submit(Services& s, RoomGuards& g, Request& req);  // POST /join/{code}

// room_page.cc, events.cc
Response room_board(Services& s, RoomGuards& g, Request& req);   // GET /join/{code}/board
Response room_events(Services& s, RoomGuards& g, Request& req);  // GET /join/{code}/events

// cards.cc
Response card_add(Services& s, RoomGuards& g, Request& req);     // POST /join/{code}/cards
Response card_edit(Services& s, RoomGuards& g, Request& req);    // POST .../cards/{card}
Response card_delete(Services& s, RoomGuards& g, Request& req);  // POST .../cards/{card}/delete
Response card_vote(Services& s, RoomGuards& g, Request& req);    // POST .../cards/{card}/votes

}  // namespace solipraxis::web::handlers::live
