// Accepting an invitation link /invite/{token}: a signed-in person joins with
// one click; others sign in or create an account (name, e-mail, password) on the
// same page. Unknown links -> 404, used or expired links -> 410, each as a page
// in the person's language; nothing is created unless the link is still good.
#pragma once

#include "web/auth/auth.h"

namespace solipraxis::web::handlers {

Response invite_page(auth::Auth& auth, Request& req);    // GET  /invite/{token}
// POST /invite/{token}, field `mode`: "join" (signed in), "signin" or "register".
Response invite_accept(auth::Auth& auth, Request& req);

}  // namespace solipraxis::web::handlers
