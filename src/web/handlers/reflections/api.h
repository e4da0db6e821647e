// JSON API of guided reflections (issue 23), documented in web/static/openapi.json.
// Members only; errors as in tools_api.h ({"error":{"code","message","detail"}}).
//   GET  /api/v1/orgs/{org}/reflections[?tool={id}]        rounds (of one tool) {"items","next"}
//   POST /api/v1/orgs/{org}/reflections                    {tool, template_id, anonymous} -> 201
//   GET  /api/v1/orgs/{org}/reflections/{round}            the round with its form
//   GET  /api/v1/orgs/{org}/reflections/{round}/mine       my reflection (404 not begun)
//   POST /api/v1/orgs/{org}/reflections/{round}/mine       begins it (or returns it)
//   PUT  /api/v1/orgs/{org}/reflections/{round}/mine/sections/{section}
//        {answers:{prompt:text}, version} -> 409 stale_draft with error.current
//   POST /api/v1/orgs/{org}/reflections/{round}/mine/stages/{stage}/finish
//        -> 409 stage_locked with error.opens_at (Unix seconds) and the date in the message
//   GET  /api/v1/orgs/{org}/reflections/{round}/team       -> 403 too_few_answers (anonymous, < 3)
// In an anonymous round no response names a person or holds a user or reflection id.
#pragma once

#include "web/auth/auth.h"

namespace solipraxis::web::handlers::reflections {

Response api_rounds(auth::Auth& auth, Request& req);
Response api_round_create(auth::Auth& auth, Request& req);
Response api_round(auth::Auth& auth, Request& req);
Response api_mine(auth::Auth& auth, Request& req);
Response api_mine_start(auth::Auth& auth, Request& req);
Response api_section_save(auth::Auth& auth, Request& req);
Response api_stage_finish(auth::Auth& auth, Request& req);
Response api_team(auth::Auth& auth, Request& req);

}  // namespace solipraxis::web::handlers::reflections
