// The org's change log (audit log), read-only, for the role that manages
// members (owners; audit_view::kReadRole); others in the org get 403, people
// outside it 404. Newest first, paged by the store's cursor, filtered by kind
// of object (?kind=tools|red_lines|catalog|members|settings).
//   GET /o/{org}/audit                  the page (works without JavaScript)
//   GET /api/v1/orgs/{org}/audit        ?limit=&cursor=&kind=  {"items","next"}
#pragma once

#include "web/auth/auth.h"

namespace solipraxis::web::handlers {

Response audit_page(auth::Auth& auth, Request& req);
Response api_audit(auth::Auth& auth, Request& req);

}  // namespace solipraxis::web::handlers
