// GET /static/{path...}: files of web/static with ETag, Cache-Control and
// 304 Not Modified on a matching If-None-Match; 404 for anything unknown.
#pragma once

#include "web/app.h"

namespace solipraxis::web::handlers {

Response static_file(Services& s, Request& req);

}  // namespace solipraxis::web::handlers
