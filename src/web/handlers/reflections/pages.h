// The reflection pages for members (issue 23): start a round from a tool page,
// the round's overview, one section per screen (a draft is saved on every
// "Weiter"/"Zurück", and with JavaScript while typing), finishing a stage (the
// introduction template's second stage opens only after its distance), and the
// team view. Works without JavaScript; nothing typed is lost on a stale tab
// (conflict screen), an ended session (auth/login.h keeps the fields) or bad input.
#pragma once

#include "web/auth/auth.h"

namespace solipraxis::web::handlers::reflections {

// round_pages.cc
Response start_round(auth::Auth& auth, Request& req);   // POST /o/{org}/tools/{id}/reflections
Response round_page(auth::Auth& auth, Request& req);    // GET  /o/{org}/reflections/{round}
Response finish_stage(auth::Auth& auth, Request& req);  // POST /o/{org}/reflections/{round}/finish

// section_page.cc
Response section_page(auth::Auth& auth,
                      Request& req);  // GET  .../reflections/{round}/sections/{section}
Response section_save(auth::Auth& auth,
                      Request& req);  // POST .../reflections/{round}/sections/{section}

// team_page.cc
Response team_page(auth::Auth& auth, Request& req);  // GET  /o/{org}/reflections/{round}/team

}  // namespace solipraxis::web::handlers::reflections
