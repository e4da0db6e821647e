// Pages for everyone, signed in or not: the start page and the language switch.
#pragma once

#include "web/app.h"

namespace solipraxis::web::handlers {

// GET /: what solipraxis is, in two or three sentences, and the way to sign in.
Response home_page(Services& s, Request& req);
// GET /lang?to=en&back=/path: remembers the language in the `lang` cookie and
// returns to `back` (a local path only; anything else goes to "/"). Works
// without JavaScript. Unsupported `to` -> 400.
Response switch_language(Services& s, Request& req);

}  // namespace solipraxis::web::handlers
