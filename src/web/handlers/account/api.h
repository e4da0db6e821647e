// JSON API for accounts: the caller, their organisations and members. Auth by
// `Authorization: Bearer <token>` or the session cookie (+ X-CSRF-Token on
// writes, see web/auth/auth.h). Errors: {"error":{"code","message"}} in the
// request's language. Described in web/api/openapi.json (served at
// /api/openapi.json); keep both in step.
#pragma once

#include "web/auth/auth.h"

namespace solipraxis::web::handlers {

Response api_me(auth::Auth& auth, Request& req);            // GET /api/v1/me
Response api_update_me(auth::Auth& auth, Request& req);     // PATCH /api/v1/me {name?, lang?}
Response api_orgs(auth::Auth& auth, Request& req);          // GET /api/v1/orgs
Response api_org(auth::Auth& auth, Request& req);           // GET /api/v1/orgs/{org}
Response api_update_org(auth::Auth& auth, Request& req);    // PATCH /api/v1/orgs/{org} {name} (owners)
Response api_members(auth::Auth& auth, Request& req);       // GET /api/v1/orgs/{org}/members
Response api_openapi(auth::Auth& auth, Request& req);       // GET /api/openapi.json

// "2026-01-01T00:00:00Z"
std::string iso8601(core::UnixTime t);

}  // namespace solipraxis::web::handlers
