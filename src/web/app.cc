#include "web/app.h"

#include <unistd.h>

#include <filesystem>

#include <spdlog/spdlog.h>

#include "store/read_batch.h"
#include "store/store.h"
#include "web/auth/auth.h"
#include "web/page.h"
#include "web/routes.h"

namespace solipraxis::web {

namespace fs = std::filesystem;

core::Result<std::unique_ptr<WebApp>> WebApp::create(const std::string& web_dir,
                                                     store::Store& store, core::Clock& clock,
                                                     const auth::AuthOptions& auth_options,
                                                     int max_checks) {
  auto i18n = I18n::load((fs::path(web_dir) / "i18n").string());
  if (!i18n) return i18n.error();
  auto templates = Templates::load((fs::path(web_dir) / "templates").string());
  if (!templates) return templates.error();
  templates->bind_messages(i18n.value());
  auto statics = StaticFiles::load((fs::path(web_dir) / "static").string());
  if (!statics) return statics.error();
  std::unique_ptr<WebApp> app(new WebApp(store, clock, std::move(i18n.value()),
                                         std::move(templates.value()),
                                         std::move(statics.value())));
  app->auth_ = std::make_unique<auth::Auth>(app->services_, auth_options);
  app->services_.auth = app->auth_.get();
  app->check_limit_ = std::make_unique<WorkLimit>(max_checks);
  app->services_.check_limit = app->check_limit_.get();
  app->live_bus_ = live::make_in_process_bus();
  app->services_.live_bus = app->live_bus_.get();
  register_middleware(*app);
  register_routes(app->router_, app->services_);
  return app;
}

WebApp::WebApp(store::Store& store, core::Clock& clock, I18n i18n, Templates templates,
               StaticFiles static_files)
    : i18n_(std::move(i18n)),
      templates_(std::move(templates)),
      static_files_(std::move(static_files)),
      services_{store, clock, i18n_, templates_, static_files_} {}

WebApp::~WebApp() = default;

Response WebApp::route(Request& req) {
  for (const auto& hook : before_) {
    if (auto early = hook(req)) return std::move(*early);
  }
  auto match = router_.match(req.method, req.path);
  switch (match.outcome) {
    case Router::Match::kFound:
      req.params = std::move(match.params);
      return match.route->handler(req);
    case Router::Match::kMethodNotAllowed: {
      Response res = error_response(services_, req, 405, {});
      std::string allow;
      for (const auto& m : match.allowed) allow += (allow.empty() ? "" : ", ") + m;
      res.headers.set("Allow", allow);
      return res;
    }
    case Router::Match::kNotFound:
      break;
  }
  return error_response(services_, req, 404, {});
}

Response WebApp::handle(Request& req) {
  // The store reads of one request share one read transaction (a write in
  // between ends it, so later reads see the write): a signed-in page reads
  // session, user, membership and its own data, each read its own transaction
  // cost more than its query (issue 20).
  store::ReadBatch reads;
  Response res;
  try {
    res = route(req);
  } catch (const std::exception& e) {
    spdlog::error("{} {}: unhandled exception: {}", req.method, req.path, e.what());
    res = error_response(services_, req, 500, {});
  }
  for (const auto& hook : after_) hook(req, res);
  if (!res.headers.has("Cache-Control")) res.headers.set("Cache-Control", "no-store");
  apply_security_headers(res);
  return res;
}

Response WebApp::reject(int status, const Request& partial) {
  Request req = partial;
  req.lang = negotiate_language(i18n_, "", parse_cookies(req.header("Cookie"))[std::string(kLangCookie)],
                                req.header("Accept-Language"));
  Response res = error_response(services_, req, status, {});
  res.headers.set("Cache-Control", "no-store");
  apply_security_headers(res);
  return res;
}

std::string locate_web_dir(const std::string& flag) {
  auto usable = [](const fs::path& p) {
    std::error_code ec;
    return fs::is_directory(p / "templates", ec);
  };
  if (!flag.empty()) return flag;  // explicit: errors name it as given
  if (const char* env = std::getenv("SOLIPRAXIS_WEB_DIR"); env && *env) return env;
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const fs::path beside = exe.parent_path().parent_path() / "web";
    if (usable(beside)) return beside.string();
    // Installed layout: <prefix>/bin/solipraxis and <prefix>/share/solipraxis/web.
    const fs::path share = exe.parent_path().parent_path() / "share" / "solipraxis" / "web";
    if (usable(share)) return share.string();
  }
  return "web";
}

}  // namespace solipraxis::web
