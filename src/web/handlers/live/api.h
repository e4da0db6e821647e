// Live sessions for programs (issue 25): the JSON API under
// /api/v1/orgs/{org}/sessions and /action-items, and the report downloads of a
// session (report.md, report.json) for members.
#pragma once

#include <vector>

#include "store/live.h"
#include "web/auth/auth.h"
#include "web/handlers/live/report.h"
#include "web/http.h"

namespace solipraxis::web::handlers::live {

Response api_sessions(auth::Auth& auth, Request& req);        // GET  .../sessions[?tool=]
Response api_session_create(auth::Auth& auth, Request& req);  // POST .../sessions {kind, tools}
Response api_session(auth::Auth& auth, Request& req);         // GET  .../sessions/{id}
Response api_action_items(auth::Auth& auth, Request& req);    // GET  .../action-items[?tool=&open=1]
Response report_md(auth::Auth& auth, Request& req);           // GET /o/{org}/sessions/{id}/report.md
Response report_json(auth::Auth& auth, Request& req);         // GET /o/{org}/sessions/{id}/report.json

// The decisions on the session's tools recorded between its start and its end
// (or now), kinds labelled in the reader's language: the report's and the ended page's.
std::vector<ReportDecision> session_decisions(Services& s, const Request& req, store::OrgId org,
                                              const store::LiveSession& x);

}  // namespace solipraxis::web::handlers::live
