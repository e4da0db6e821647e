#include "web/routes.h"

#include "web/handlers/catalog.h"
#include "web/handlers/health.h"
#include "web/handlers/pages.h"
#include "web/handlers/static.h"
#include "web/middleware.h"

namespace solipraxis::web {

void register_middleware(WebApp& app) {
  Services& s = app.services();
  // Order matters: the session (auth) sets user_lang before the language is chosen.
  app.before([&s](Request& req) { return negotiate_language_hook(s, req); });
  // Security headers are added by WebApp itself, after every hook, on every response.
}

void register_routes(Router& r, Services& s) {
  using Fn = Response (*)(Services&, Request&);
  auto h = [&s](Fn fn) -> Handler { return [&s, fn](Request& req) { return fn(s, req); }; };
  using namespace handlers;

  // --- health and assets ---
  r.get("/healthz", h(health));
  r.get("/static/{path...}", h(static_file));

  // --- pages for everyone ---
  r.get("/", h(home_page));
  r.get("/lang", h(switch_language));

  // --- practice catalog (public) ---
  r.get("/praxis", h(praxis_overview));
  r.get("/praxis/phase/{n}", h(praxis_phase));
  r.get("/praxis/principles", h(praxis_principles));
  r.get("/praxis/methods", h(praxis_methods));
  r.get("/praxis/search", h(praxis_search));
  r.get("/api/v1/catalog", h(api_catalog));
  r.get("/api/v1/catalog/search", h(api_catalog_search));
}

}  // namespace solipraxis::web
