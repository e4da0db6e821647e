// Live sessions, the facilitator's side (issue 25): members start the paper's
// team retro or tool-selection workshop from the catalog, set it up, run it
// with the room (steps, timer, reveal, clusters, notes, action items) and end
// it; the report stays. The participants' side is handlers/live/room.h.
#pragma once

#include "web/auth/auth.h"
#include "web/http.h"

namespace solipraxis::web::handlers::live {

// GET /o/{org}/sessions: the org's sessions and the forms to start one.
Response sessions_page(auth::Auth& auth, Request& req);
// POST /o/{org}/sessions: kind (retro|workshop), tool (one or more) -> a draft.
Response create_session(auth::Auth& auth, Request& req);
// GET /o/{org}/sessions/{id}: set-up (draft), facilitation (running), report (ended).
Response session_page(auth::Auth& auth, Request& req);
// POST /o/{org}/sessions/{id}/setup: title, budget, hiding, steps (draft only).
Response setup_session(auth::Auth& auth, Request& req);
// POST /o/{org}/sessions/{id}/{control}: step, timer, reveal, notes, group,
// actions, actions/{action}/delete, end (group also ungroups: field ungroup=1).
Response go_to_step(auth::Auth& auth, Request& req);
Response control_timer(auth::Auth& auth, Request& req);
Response reveal_step(auth::Auth& auth, Request& req);
Response save_notes(auth::Auth& auth, Request& req);
Response group_cards(auth::Auth& auth, Request& req);
Response add_action(auth::Auth& auth, Request& req);
Response remove_action(auth::Auth& auth, Request& req);
Response end_session(auth::Auth& auth, Request& req);
// GET /o/{org}/sessions/{id}/events: the room's changes as Server-Sent Events.
Response session_events(auth::Auth& auth, Request& req);
// GET /o/{org}/sessions/{id}/board: the board alone, for live.js.
Response session_board(auth::Auth& auth, Request& req);
// GET /o/{org}/sessions/{id}/qr.svg: the join link as a QR code to project.
Response session_qr(auth::Auth& auth, Request& req);
// POST /o/{org}/action-items/{item}/done: ticks an item of a tool off (or reopens it).
Response action_item_done(auth::Auth& auth, Request& req);

}  // namespace solipraxis::web::handlers::live
