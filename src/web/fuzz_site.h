// For the libFuzzer targets of web/ only (request_fuzz.cc, form_fuzz.cc,
// api_json_fuzz.cc): the whole WebApp over a fresh SQLite store in a temp
// directory, with the catalog of the source tree, an org "verein" whose owner
// holds an API token and a signed-in session, one tool and one red line.
// Handlers run in process, no sockets. reset() starts over from a fresh store,
// so what the fuzzer wrote cannot pile up.
#pragma once

#include <spdlog/spdlog.h>
#include <stdlib.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "catalog/load.h"
#include "core/clock.h"
#include "store/common.h"
#include "store/orgs.h"
#include "store/secrets.h"
#include "store/store.h"
#include "store/tools.h"
#include "store/users.h"
#include "web/app.h"
#include "web/auth/session.h"
#include "web/router.h"

namespace solipraxis::web::fuzz {

class Site {
 public:
  Site() {
    spdlog::set_level(spdlog::level::off);
    auto c = catalog::load_catalog_dir(std::string(SOLIPRAXIS_SOURCE_DIR) + "/data/catalog");
    if (!c) throw std::runtime_error(c.error().detail);
    catalog_ = std::make_unique<catalog::CatalogSet>(std::move(c).value());
    reset();
  }
  ~Site() {
    app_.reset();
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  void reset() {
    app_.reset();
    store_.reset();
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
    std::string tmpl = (std::filesystem::temp_directory_path() / "solipraxis-fuzz-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
    dir_ = tmpl;
    auto st = store::open_store(store::StoreConfig{"", dir_, true}, clock_);
    if (!st) throw std::runtime_error(st.error().detail);
    store_ = std::move(st).value();
    auto app = WebApp::create(std::string(SOLIPRAXIS_SOURCE_DIR) + "/web", *store_, clock_);
    if (!app) throw std::runtime_error(app.error().detail);
    app_ = std::move(app).value();
    app_->services().catalog = catalog_.get();
    seed();
  }

  WebApp& app() { return *app_; }
  const std::string& token() const { return token_; }
  const std::string& session_cookie() const { return session_cookie_; }
  const std::string& csrf_token() const { return csrf_token_; }

 private:
  void seed() {
    const store::Actor actor{std::nullopt, "fuzz"};
    auto org = store_->orgs().create_org("verein", "Verein", actor).value();
    if (password_hash_.empty()) password_hash_ = store::hash_password("fuzz-passwort-lang").value();
    auto user = store_->users().create_user({"owner@example.org", "Owner", password_hash_, ""}).value();
    (void)store_->orgs().add_member(org.id, user.id, store::Role::kOwner, actor);
    token_ = store::random_token();
    (void)store_->users().create_token(user.id, "fuzz", store::hash_token(token_));
    auto session = auth::SessionManager(*store_, clock_).start(user.id).value();
    session_cookie_ = session.cookie_value;
    csrf_token_ = session.session.csrf_token;
    core::Tool tool;
    tool.name = "Werkzeug";
    (void)store_->tools().create_tool(org.id, tool, actor);
    (void)store_->tools().create_red_line(org.id, "Keine Daten an Dritte.", actor);
  }

  core::SystemClock clock_;
  std::string dir_;
  std::string password_hash_;
  std::string token_;
  std::string session_cookie_;
  std::string csrf_token_;
  std::unique_ptr<catalog::CatalogSet> catalog_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<WebApp> app_;
};

// The one site of a fuzz target's process, made on first use (LLVMFuzzerInitialize).
inline Site& site() {
  static Site s;
  return s;
}

// Method and path of every route that takes a body (not GET), under /api/ or
// not, read from the router so a route added later is fuzzed too. Parameters
// are the seeded ones: org "verein", id 1 (the tool, the red line), a catalog
// entry. Routes in `skip` (e.g. "/logout") are left out.
inline std::vector<std::pair<std::string, std::string>> body_routes(
    const Router& router, bool api, const std::vector<std::string>& skip = {}) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& r : router.routes()) {
    if (r.method == "GET" || r.pattern.starts_with("/api/") != api) continue;
    if (std::find(skip.begin(), skip.end(), r.pattern) != skip.end()) continue;
    std::string path;
    for (const auto& seg : r.segments) {
      path += '/';
      if (seg.kind == Router::Segment::kLiteral) path += seg.text;
      else if (seg.text == "org") path += "verein";
      else if (seg.text == "entry") path += "p1-q1";
      else path += "1";
    }
    out.emplace_back(r.method, path);
  }
  return out;
}

using Routes = std::vector<std::pair<std::string, std::string>>;

// A request to the route of `routes` that the input's first byte picks, from a
// documentation address; every 4,096th call starts the site afresh first.
inline Request route_request(const Routes& routes, std::uint8_t first) {
  static unsigned runs = 0;
  if (++runs % 4096 == 0) site().reset();
  const auto& [method, path] = routes[first % routes.size()];
  Request req;
  req.method = method;
  req.target = req.path = path;
  req.remote_addr = "192.0.2.1";
  return req;
}

}  // namespace solipraxis::web::fuzz
