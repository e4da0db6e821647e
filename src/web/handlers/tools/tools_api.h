// JSON API of the AI tool register (issue 6), documented in
// web/static/openapi.json. Members read; editors and owners write. Auth and
// errors as in api.h; tool errors add "detail" (English, names the field) and,
// for invalid tool fields, "fields": [{field, code, message}] with every problem.
//   GET/POST   /api/v1/orgs/{org}/tools               ?phase=&public=&limit=&cursor=
//   GET/PATCH  /api/v1/orgs/{org}/tools/{id}          PATCH needs "version" (409 when stale)
//   GET/POST   /api/v1/orgs/{org}/tools/{id}/decisions  ?limit=&cursor=; POST = a phase transition
//   GET/POST   /api/v1/orgs/{org}/red-lines            ?limit=&cursor=
//   PATCH/DELETE /api/v1/orgs/{org}/red-lines/{id}
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "core/field_error.h"
#include "core/tool.h"
#include "web/auth/auth.h"

namespace solipraxis::web::handlers {

Response api_tools(auth::Auth& auth, Request& req);
Response api_tool_create(auth::Auth& auth, Request& req);
Response api_tool(auth::Auth& auth, Request& req);
Response api_tool_update(auth::Auth& auth, Request& req);
Response api_decisions(auth::Auth& auth, Request& req);
Response api_decision_create(auth::Auth& auth, Request& req);
Response api_red_lines(auth::Auth& auth, Request& req);
Response api_red_line_create(auth::Auth& auth, Request& req);
Response api_red_line_update(auth::Auth& auth, Request& req);
Response api_red_line_delete(auth::Auth& auth, Request& req);

// The member (with at least `min`) and the tool named by the {id} path
// parameter, or the denial (404 for a bad id or another org's tool).
struct ToolAccess {
  auth::Membership member;
  core::Tool tool;
};
auth::Access<ToolAccess> tool_access(auth::Auth& auth, const Request& req, store::Role min);

// The API error shape for an expected failure, with the English detail (for
// status < 500) so a client learns which field or red line is meant.
Response api_failure(const Services& s, const Request& req, const core::Error& e);
// 400 for a form of several problems: the first as api_failure says it, and
// "fields": [{field, code, message}] with every one (non-empty `errors`).
Response api_field_failure(const Services& s, const Request& req,
                           const std::vector<core::FieldError>& errors);

// A request body that is a JSON object; otherwise the error for api_body_failure
// (400 for malformed JSON or not an object, 415 for another media type).
core::Result<nlohmann::json> api_object_body(const Request& req);
Response api_body_failure(const Services& s, const Request& req, const core::Error& e);

}  // namespace solipraxis::web::handlers
