// The whole HTTP surface in one place: routes.cc lists every middleware hook
// and every route. To add an area: write src/web/handlers/<area>.{h,cc} with
// functions `Response name(Services&, Request&)`, then add one line per route
// to register_routes().
#pragma once

#include "web/app.h"
#include "web/router.h"

namespace solipraxis::web {

void register_middleware(WebApp& app);
void register_routes(Router& router, Services& services);

}  // namespace solipraxis::web
