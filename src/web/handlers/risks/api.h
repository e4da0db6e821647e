// JSON API of the vulnerability risk matrix (issue 24), documented in
// web/static/openapi.json. Members read; editors and owners write. Auth and
// errors as the tool register's API (tools_api.h): {"error":{"code","message"}}
// in the caller's language, invalid fields listed in "fields".
//   GET/POST   /api/v1/orgs/{org}/risks                 ?tool=&persona=&state=
//   GET/PUT/DELETE /api/v1/orgs/{org}/risks/{risk}      PUT needs "version" (409 when
//              stale, with "current"), and "reason" when likelihood or impact change
//   GET        /api/v1/orgs/{org}/risks/{risk}/history  every placement, oldest first
#pragma once

#include "web/auth/auth.h"

namespace solipraxis::web::handlers::risks {

Response api_list(auth::Auth& auth, Request& req);
Response api_create(auth::Auth& auth, Request& req);
Response api_get(auth::Auth& auth, Request& req);
Response api_update(auth::Auth& auth, Request& req);
Response api_delete(auth::Auth& auth, Request& req);
Response api_history(auth::Auth& auth, Request& req);

}  // namespace solipraxis::web::handlers::risks
