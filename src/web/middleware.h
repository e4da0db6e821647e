// Middleware hooks (see app.h for the order they run in; routes.cc registers them).
#pragma once

#include <optional>

#include "web/app.h"
#include "web/http.h"

namespace solipraxis::web {

// Sets req.lang from: the user's setting (req.user_lang), the `lang` cookie,
// Accept-Language, else German. Never answers the request.
std::optional<Response> negotiate_language_hook(const Services& s, Request& req);

}  // namespace solipraxis::web
