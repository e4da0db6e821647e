// The AI tool register for an organisation's members (issue 6): the list, one
// tool's record and timeline, forms to record and edit tools, decisions (phase
// changes, including deliberate non-use) with principles and the red-line gate,
// the non-use list, red lines and the review interval, and exports. Members
// read; editors and owners write. Another org's tool, or an org the caller is
// not in, is 404. The store validates and audits every write.
#pragma once

#include "web/auth/auth.h"

namespace solipraxis::web::handlers {

// tool_pages.cc
Response tools_page(auth::Auth& auth, Request& req);        // GET  /o/{org}/tools
Response tool_page(auth::Auth& auth, Request& req);         // GET  /o/{org}/tools/{id}
Response non_use_page(auth::Auth& auth, Request& req);      // GET  /o/{org}/non-use
Response tool_export_md(auth::Auth& auth, Request& req);    // GET  /o/{org}/tools/{id}/export.md
Response tool_export_json(auth::Auth& auth, Request& req);  // GET  /o/{org}/tools/{id}/export.json
Response tools_export_md(auth::Auth& auth, Request& req);   // GET  /o/{org}/tools/export.md
Response tools_export_json(auth::Auth& auth, Request& req); // GET  /o/{org}/tools/export.json
Response tools_export_csv(auth::Auth& auth, Request& req);  // GET  /o/{org}/tools/export.csv
Response tools_export_xlsx(auth::Auth& auth, Request& req); // GET  /o/{org}/tools/export.xlsx

// tool_form.cc
Response tool_new_page(auth::Auth& auth, Request& req);   // GET  /o/{org}/tools/new
Response tool_create(auth::Auth& auth, Request& req);     // POST /o/{org}/tools
Response tool_edit_page(auth::Auth& auth, Request& req);  // GET  /o/{org}/tools/{id}/edit
Response tool_update(auth::Auth& auth, Request& req);     // POST /o/{org}/tools/{id}

// tool_decide.cc
Response tool_decide_page(auth::Auth& auth, Request& req);  // GET  /o/{org}/tools/{id}/decide
Response tool_decide(auth::Auth& auth, Request& req);       // POST /o/{org}/tools/{id}/decide

// red_lines.cc
Response red_lines_page(auth::Auth& auth, Request& req);      // GET  /o/{org}/red-lines
Response red_line_create(auth::Auth& auth, Request& req);     // POST /o/{org}/red-lines
Response red_line_edit_page(auth::Auth& auth, Request& req);  // GET  /o/{org}/red-lines/{id}/edit
Response red_line_update(auth::Auth& auth, Request& req);     // POST /o/{org}/red-lines/{id}
Response red_line_delete_page(auth::Auth& auth, Request& req);  // GET /o/{org}/red-lines/{id}/delete
Response red_line_delete(auth::Auth& auth, Request& req);     // POST /o/{org}/red-lines/{id}/delete
Response review_interval_update(auth::Auth& auth, Request& req);  // POST /o/{org}/review-interval

}  // namespace solipraxis::web::handlers
