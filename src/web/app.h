// The web application behind the server: shared services, the route table,
// middleware, and the last word on every response (security headers, error
// pages in the person's language). The server (server.h) knows nothing of it
// beyond the Application interface.
//
// Request flow in WebApp::handle:
//   before-hooks in order (routes.cc: register_middleware) -> may answer early
//   -> router match -> handler, or a 404/405 page -> after-hooks
//   -> security headers (always, also on errors, 304 and redirects).
// An exception escaping a handler becomes a 500 page and a log line.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "catalog/catalog.h"
#include "core/clock.h"
#include "core/result.h"
#include "live/bus.h"
#include "store/store.h"
#include "web/auth/options.h"
#include "web/http.h"
#include "web/i18n.h"
#include "web/router.h"
#include "web/server.h"
#include "web/static_files.h"
#include "web/templates.h"
#include "web/work_limit.h"

namespace solipraxis::web {

namespace auth {
class Auth;  // web/auth/auth.h
}

// What handlers may use; lives as long as the WebApp.
struct Services {
  store::Store& store;
  core::Clock& clock;
  const I18n& i18n;
  const Templates& templates;
  const StaticFiles& static_files;
  // The practice catalog, all loaded versions; null until the caller sets it (serve loads it at
  // start and refuses to start when it is invalid). Catalog routes answer 503 while null.
  const catalog::CatalogSet* catalog = nullptr;
  auth::Auth* auth = nullptr;  // sessions, CSRF, roles; set by WebApp::create
  // Base of absolute links (web/public_url.h): serve --public-url ("" = from the
  // Host header), and the host:port it listens on (the fallback for a bad Host).
  std::string public_url{};
  std::string listen_authority{};
  // Checks (API and Prompt-Werkstatt) running at once; set by WebApp::create.
  WorkLimit* check_limit = nullptr;
  // Carries live-session events to their SSE streams (web/live_stream.h); set by WebApp::create.
  live::EventBus* live_bus = nullptr;
};

// Runs before routing; returning a Response answers the request (e.g. 403 on a
// failed CSRF check) and skips the handler.
using BeforeHook = std::function<std::optional<Response>(Request&)>;
// Runs on every response produced by handle(), including errors.
using AfterHook = std::function<void(const Request&, Response&)>;

// Checks that may run at once: half the server's four handler threads, so two
// stay free for pages and /healthz while the checker is busy.
inline constexpr int kDefaultMaxChecks = 2;

class WebApp final : public Application {
 public:
  // Loads web_dir/{templates,static,i18n} and registers the routes and
  // middleware of routes.cc. Errors name the missing or broken file.
  static core::Result<std::unique_ptr<WebApp>> create(const std::string& web_dir,
                                                      store::Store& store, core::Clock& clock,
                                                      const auth::AuthOptions& auth_options = {},
                                                      int max_checks = kDefaultMaxChecks);
  ~WebApp() override;

  Services& services() { return services_; }
  Router& router() { return router_; }  // tests may add test-only routes
  void before(BeforeHook hook) { before_.push_back(std::move(hook)); }
  void after(AfterHook hook) { after_.push_back(std::move(hook)); }

  Response handle(Request& req) override;
  Response reject(int status, const Request& req) override;

 private:
  WebApp(store::Store& store, core::Clock& clock, I18n i18n, Templates templates,
         StaticFiles static_files);
  Response route(Request& req);

  I18n i18n_;
  Templates templates_;
  StaticFiles static_files_;
  Services services_;
  std::unique_ptr<auth::Auth> auth_;
  std::unique_ptr<WorkLimit> check_limit_;
  std::unique_ptr<live::EventBus> live_bus_;
  Router router_;
  std::vector<BeforeHook> before_;
  std::vector<AfterHook> after_;
};

// Adds the headers every response carries (CSP without inline script or style,
// nosniff, Referrer-Policy, X-Frame-Options).
void apply_security_headers(Response& res);

// Finds web/: `flag` (--web-dir), else $SOLIPRAXIS_WEB_DIR, else
// <dir of executable>/../web, else ./web. Returns the first that has templates/.
std::string locate_web_dir(const std::string& flag);

}  // namespace solipraxis::web
