// The "Praxis" section and the catalog API: the white paper's cycle, one page per phase
// (questions, approaches, resources, boxes), the principles, the methods, and a full-text search
// that works without JavaScript. Public: no sign-in needed. All pages read the current catalog
// version from Services::catalog; without a loaded catalog they answer 503.
#pragma once

#include "web/app.h"

namespace solipraxis::web::handlers {

// GET /praxis: the cycle with its four phases and links to principles and methods.
Response praxis_overview(Services& s, Request& req);
// GET /praxis/phase/{n}: n = 1..4; anything else 404.
Response praxis_phase(Services& s, Request& req);
// GET /praxis/principles
Response praxis_principles(Services& s, Request& req);
// GET /praxis/methods
Response praxis_methods(Services& s, Request& req);
// GET /praxis/search?q=&phase=&kind=: results with the matched words in <mark>.
Response praxis_search(Services& s, Request& req);

// GET /api/v1/catalog[?version=N]: the whole catalog (both languages) with "version" and
// "versions" (all loaded). Unknown version -> 404.
Response api_catalog(Services& s, Request& req);
// GET /api/v1/catalog/search?q=&phase=&kind=&lang=&limit=:
// {"items":[{id, kind, phase, phases, title, text, score, url}], "next": null, "version": N}.
// Unknown phase, kind or lang -> 400.
Response api_catalog_search(Services& s, Request& req);

}  // namespace solipraxis::web::handlers
