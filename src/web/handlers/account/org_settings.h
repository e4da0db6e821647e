// The organisation's own settings for its owners: the display name (the slug
// in every address never changes) and the time zone (times on pages, "today").
// Members and editors are refused (403) with the reason. The Werkstatt and
// review settings have their own pages.
#pragma once

#include "web/auth/auth.h"

namespace solipraxis::web::handlers {

Response org_settings_page(auth::Auth& auth, Request& req);  // GET /o/{org}/settings
// POST /o/{org}/settings {name, time_zone}
Response org_settings_save(auth::Auth& auth, Request& req);

}  // namespace solipraxis::web::handlers
