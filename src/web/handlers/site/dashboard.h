// The start page of an organisation for its members.
#pragma once

#include "web/auth/auth.h"

namespace solipraxis::web::handlers {

// GET /o/{org}: the org's name, the caller's role, links to members and account.
// Later areas add their sections here. Not a member or no such org: 404.
Response dashboard(auth::Auth& auth, Request& req);

// Template data every org page can use: org {slug, name}, role {code, label},
// is_owner / is_editor flags.
mstch::map org_page_data(const Services& s, const Request& req, const auth::Membership& m);

}  // namespace solipraxis::web::handlers
