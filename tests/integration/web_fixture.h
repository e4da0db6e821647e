// Shared fixture for HTTP tests of signed-in areas: the WebApp on the real
// server, in process, on 127.0.0.1 with a random port, a fresh SQLite store, a
// clock the test moves, and Browser, a cookie jar that signs in through the
// real form and keeps the CSRF token of the last page it opened.
#pragma once

#include <utility>

#include <gtest/gtest.h>

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <regex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "catalog/load.h"
#include "http_client.h"
#include "server_process.h"
#include "store/common.h"
#include "store/orgs.h"
#include "store/secrets.h"
#include "store/store.h"
#include "store/users.h"
#include "test_database.h"
#include "web/app.h"
#include "web/auth/auth.h"
#include "web/server.h"

namespace solipraxis::web {

using testing::HttpResponse;

// The server's handler threads read it while the test moves it.
class TestClock final : public core::Clock {
 public:
  core::UnixTime now() const override { return t_.load(); }
  void advance(std::int64_t s) { t_ += s; }

 private:
  std::atomic<core::UnixTime> t_{1'767'225'600};  // 2026-01-01
};

inline constexpr const char* kPassword = "richtig-langes-passwort";

class AuthServer {
 public:
  // `configure` may change the store's settings before it opens (read-only, a size cap).
  explicit AuthServer(auth::AuthOptions options = {},
                      const std::function<void(store::StoreConfig&)>& configure = {}) {
    store::StoreConfig config = testing::test_store_config(dir_.path());
    if (configure) configure(config);
    auto st = store::open_store(config, clock_);
    if (!st) throw std::runtime_error(st.error().detail);
    store_ = std::move(st).value();
    auto app =
        WebApp::create(std::string(SOLIPRAXIS_SOURCE_DIR) + "/web", *store_, clock_, options);
    if (!app) throw std::runtime_error(app.error().detail);
    app_ = std::move(app).value();
    ServerOptions so;
    so.port = 0;
    server_ = std::make_unique<Server>(so, *app_);
    if (!server_->listen()) throw std::runtime_error("listen failed");
    thread_ = std::thread([this] { server_->run(); });
  }
  ~AuthServer() {
    server_->stop();
    thread_.join();
  }
  std::uint16_t port() const { return server_->port(); }
  store::Store& store() { return *store_; }
  TestClock& clock() { return clock_; }
  WebApp& app() { return *app_; }
  // Loads the practice catalog from the source tree (principle names, ...).
  void load_catalog() {
    auto c = catalog::load_catalog_dir(std::string(SOLIPRAXIS_SOURCE_DIR) + "/data/catalog");
    if (!c) throw std::runtime_error(c.error().detail);
    catalog_ = std::make_unique<catalog::CatalogSet>(std::move(c).value());
    app_->services().catalog = catalog_.get();
  }

  store::Org org(const std::string& slug) {
    auto o = store_->orgs().org_by_slug(slug);
    if (o) return *o;
    return store_->orgs().create_org(slug, "Org " + slug, store::Actor{std::nullopt, "test"}).value();
  }
  store::User user(const std::string& email, const std::string& org_slug, store::Role role,
                   const std::string& lang = "") {
    auto u = store_->users().create_user(
        {email, "Name " + email, store::hash_password(kPassword).value(), lang});
    EXPECT_TRUE(u) << (u ? "" : u.error().detail);
    auto st = store_->orgs().add_member(org(org_slug).id, u->id, role, store::Actor{std::nullopt, "test"});
    EXPECT_TRUE(st);
    return *u;
  }
  // A fresh API token of `user`, for "Authorization: Bearer <token>".
  std::string token(const store::User& user) {
    const std::string t = store::random_token();
    EXPECT_TRUE(store_->users().create_token(user.id, "test", store::hash_token(t)));
    return t;
  }

 private:
  testing::TempDir dir_;
  TestClock clock_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<WebApp> app_;
  std::unique_ptr<catalog::CatalogSet> catalog_;
  std::unique_ptr<Server> server_;
  std::thread thread_;
};

inline std::string form_encode(const std::vector<std::pair<std::string, std::string>>& fields) {
  std::string out;
  for (const auto& [k, v] : fields) {
    if (!out.empty()) out += '&';
    out += percent_encode(k) + "=" + percent_encode(v);
  }
  return out;
}

inline std::string csrf_in(const std::string& html) {
  static const std::regex re(R"re(name="csrf_token" value="([^"]*)")re");
  std::smatch m;
  return std::regex_search(html, m, re) ? m[1].str() : std::string();
}

inline bool contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

// A cookie jar and a language, like one browser.
class Browser {
 public:
  explicit Browser(std::uint16_t port, std::string lang = "de")
      : port_(port), lang_(std::move(lang)) {}

  HttpResponse send(std::string_view method, std::string_view target, std::string_view body = "",
                    std::string_view type = "application/x-www-form-urlencoded",
                    std::string extra = "") {
    extra += "Accept-Language: " + lang_ + "\r\n" + extra_headers_;
    if (!cookies_.empty()) {
      std::string c;
      for (const auto& [k, v] : cookies_) c += (c.empty() ? "" : "; ") + k + "=" + v;
      extra += "Cookie: " + c + "\r\n";
    }
    if (!body.empty() || method == "POST" || method == "PATCH") {
      extra += "Content-Type: " + std::string(type) + "\r\n";
    }
    auto r = testing::request(port_, method, target, extra, body);
    EXPECT_TRUE(r) << method << " " << target;
    if (!r) return {};
    for (const auto& sc : r->headers_named("Set-Cookie")) remember(sc);
    return *r;
  }
  HttpResponse get(std::string_view target) { return send("GET", target); }
  HttpResponse post(std::string_view target,
                    std::vector<std::pair<std::string, std::string>> fields,
                    bool with_csrf = true) {
    if (with_csrf) fields.emplace_back("csrf_token", csrf_);
    return send("POST", target, form_encode(fields));
  }
  // GETs a page and keeps the CSRF token of its forms.
  HttpResponse open(std::string_view target) {
    auto r = get(target);
    if (auto t = csrf_in(r.body); !t.empty()) csrf_ = t;
    return r;
  }
  // After a redirect (post/redirect/get), opens where it leads, like a browser.
  HttpResponse follow(const HttpResponse& r) {
    if (r.status < 300 || r.status >= 400) return r;
    const std::string to = r.header("Location");
    return open(to.substr(0, to.find('#')));
  }
  HttpResponse sign_in(const std::string& email, const std::string& password = kPassword,
                       std::vector<std::pair<std::string, std::string>> extra = {}) {
    // Signed in already, /login forwards: the form token is then the session's.
    if (auto r = open("/login"); r.status == 303) open(r.header("Location"));
    extra.emplace_back("email", email);
    extra.emplace_back("password", password);
    return post("/login", extra);
  }
  std::string cookie(const std::string& name) const {
    auto it = cookies_.find(name);
    return it == cookies_.end() ? "" : it->second;
  }
  void set_cookie(const std::string& name, const std::string& value) { cookies_[name] = value; }
  void forget_cookies() { cookies_.clear(); }
  // A header line ("Name: value") sent with every request, e.g. X-Forwarded-For.
  void add_header(const std::string& line) { extra_headers_ += line + "\r\n"; }
  const std::string& csrf() const { return csrf_; }
  void set_csrf(std::string t) { csrf_ = std::move(t); }
  // The same browser (cookies, form token) after the server came back on another port.
  void set_port(std::uint16_t port) { port_ = port; }

 private:
  void remember(const std::string& set_cookie) {
    const auto eq = set_cookie.find('=');
    const auto semi = set_cookie.find(';');
    const std::string name = set_cookie.substr(0, eq);
    const std::string value = set_cookie.substr(eq + 1, semi - eq - 1);
    if (contains(set_cookie, "Max-Age=0") || value.empty()) {
      cookies_.erase(name);
    } else {
      cookies_[name] = value;
    }
  }
  std::uint16_t port_;
  std::string lang_;
  std::map<std::string, std::string> cookies_;
  std::string csrf_;
  std::string extra_headers_;
};

inline std::string session_set_cookie(const HttpResponse& r) {
  for (const auto& sc : r.headers_named("Set-Cookie")) {
    if (sc.starts_with(std::string(auth::kSessionCookie) + "=")) return sc;
  }
  return "";
}

}  // namespace solipraxis::web
