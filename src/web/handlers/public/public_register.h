// The public transparency register of an org, without login: /p/{org}/register
// as a plain, printable HTML page, .json (web/static/public-register.schema.json) and
// .atom. Shows only tools marked public; an unknown org is 404.
#pragma once

#include <string>

#include "web/auth/auth.h"

namespace solipraxis::web::handlers {

Response public_register_page(auth::Auth& auth, Request& req);  // GET /p/{org}/register
Response public_register_json(auth::Auth& auth, Request& req);  // GET /p/{org}/register.json
Response public_register_atom(auth::Auth& auth, Request& req);  // GET /p/{org}/register.atom

// The base of absolute links for this request (web/public_url.h): serve
// --public-url when set, else "http(s)://" + the Host header if it is a valid
// host[:port], else + the listen address. The scheme is https only behind a
// trusted TLS proxy.
std::string base_url(auth::Auth& auth, const Request& req);

// "Prinzip 3: <name from the catalog>" in the request's language.
std::string principle_label(const Services& s, const Request& req, int principle);

}  // namespace solipraxis::web::handlers
