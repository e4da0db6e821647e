// Middleware hooks (see app.h for the order they run in; routes.cc registers them).
#pragma once

#include <optional>

#include "web/app.h"
#include "web/http.h"

namespace solipraxis::web {

// Sets req.lang from: the user's setting (req.user_lang), the `lang` cookie,
// Accept-Language, else German. Never answers the request.
// A form POST with the field kSwitchLangField (the language switch of a page
// that answered a POST) chooses that language instead and sets
// req.language_switch; remember_language_hook then keeps the choice in the cookie.
std::optional<Response> negotiate_language_hook(const Services& s, Request& req);
void remember_language_hook(const Request& req, Response& res);

// Sets the `lang` cookie (a year) that the header's switch and the account page use.
void set_language_cookie(Response& res, const std::string& lang);

}  // namespace solipraxis::web
