// GET /healthz: 200 {"status":"ok"} when the store answers and takes writes
// ({"status":"ok","mode":"read_only"} when served read-only on purpose);
// 503 {"status":"degraded","reason":"storage_full"|"read_only"} while writes
// fail for such a reason; 503 with the API error shape when the store does not
// answer. Used by load balancers and `make run` checks.
#pragma once

#include "web/app.h"

namespace solipraxis::web::handlers {

Response health(Services& s, Request& req);

}  // namespace solipraxis::web::handlers
