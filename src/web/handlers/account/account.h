// The account page: name, language preference, password, API tokens.
// Every form posts with the CSRF token; results come back on the same page.
#pragma once

#include "web/auth/auth.h"

namespace solipraxis::web::handlers {

Response account_page(auth::Auth& auth, Request& req);            // GET /account
Response account_update(auth::Auth& auth, Request& req);          // POST /account
Response account_password(auth::Auth& auth, Request& req);        // POST /account/password
Response account_token_create(auth::Auth& auth, Request& req);    // POST /account/tokens
Response account_token_delete(auth::Auth& auth, Request& req);    // POST /account/tokens/{id}/delete

// The first sign-in of an account without a display name (e.g. made by `user
// create` without --name) asks for one before going on to `next`.
Response welcome_page(auth::Auth& auth, Request& req);            // GET /welcome?next=
Response welcome_save(auth::Auth& auth, Request& req);            // POST /welcome {name, next}

}  // namespace solipraxis::web::handlers
