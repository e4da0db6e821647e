// GET /healthz: 200 {"status":"ok"} when the store answers, else 503 with the
// API error shape. Used by load balancers and `make run` checks.
#pragma once

#include "web/app.h"

namespace solipraxis::web::handlers {

Response health(Services& s, Request& req);

}  // namespace solipraxis::web::handlers
