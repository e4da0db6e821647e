// Sign-in and sign-out pages. See web/auth/login.h for the view and
// web/auth/auth.h for sessions, CSRF and the rate limit's policy.
#pragma once

#include "store/users.h"
#include "web/auth/auth.h"

namespace solipraxis::web::handlers {

// GET /login?next=/o/acme: the form; a signed-in person goes straight to `next`.
Response login_page(auth::Auth& auth, Request& req);
// POST /login: e-mail, password, next, draft.* fields. Success: a new session
// (rotated), then 303 to `next` (or the resume page when drafts came along).
// Failure: 401 with one message that does not tell whether the e-mail exists;
// too many failures per e-mail or per client address: 429 with Retry-After.
Response login_submit(auth::Auth& auth, Request& req);
// POST /logout: ends the session, clears the cookie, 303 to /login.
Response logout(auth::Auth& auth, Request& req);

// Where a person lands after sign-in without a target: their first org's
// dashboard, else the account page.
std::string landing_path(auth::Auth& auth, const store::User& user);

}  // namespace solipraxis::web::handlers
