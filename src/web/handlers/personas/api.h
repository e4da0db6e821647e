// JSON API of personas (issue 24), documented in web/static/openapi.json.
// Members read; editors and owners write. Errors as in tools_api.h
// ({"error":{"code","message","detail"}}, "fields" for invalid persona fields).
// A persona is core::persona_json; attribute values "" mean "not said".
//   GET/POST   /api/v1/orgs/{org}/personas             ?limit=&cursor=; POST -> 201
//   GET/PUT/DELETE /api/v1/orgs/{org}/personas/{persona}
//        PUT replaces every editable field (one not sent is "not said" or empty) and
//        needs "version" (409 stale with error.current); DELETE -> 204, or 409 in_use
//        with error.risks [ids] unless ?detach_from_risks=true
//   GET/POST   /api/v1/orgs/{org}/tools/{id}/personas  {"items","next","coverage_gaps":
//        [{key, message}]}; POST {"persona": id} attaches and answers as GET
//   DELETE     /api/v1/orgs/{org}/tools/{id}/personas/{persona} -> 204
#pragma once

#include "web/auth/auth.h"

namespace solipraxis::web::handlers::personas {

Response api_personas(auth::Auth& auth, Request& req);
Response api_persona_create(auth::Auth& auth, Request& req);
Response api_persona(auth::Auth& auth, Request& req);
Response api_persona_update(auth::Auth& auth, Request& req);
Response api_persona_delete(auth::Auth& auth, Request& req);
Response api_tool_personas(auth::Auth& auth, Request& req);
Response api_tool_persona_attach(auth::Auth& auth, Request& req);
Response api_tool_persona_detach(auth::Auth& auth, Request& req);

}  // namespace solipraxis::web::handlers::personas
