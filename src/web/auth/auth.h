// Accounts and access for every area of the web UI and the API: who is calling
// (session cookie or Bearer API token), whether they may, and the CSRF rule.
//
// For handlers of other areas (capture `Auth&` from routes.cc):
//
//   auto m = auth.require_member(req, req.param("org"), store::Role::kEditor);
//   if (!m) return m.response();      // the right denial, already rendered
//   use m->org, m->user, m->role
//
// Denials, in the request's language, as HTML pages or, under /api/, as
// {"error":{"code","message"}}:
//   not signed in   -> GET: 303 to /login?next=<this page>; a POSTed form: the
//                      sign-in page with the form's fields kept (see login.h);
//                      API: 401 unauthorized
//   unknown org, or not a member of it -> 404 (never 403: no hint the org exists)
//   role below `min` -> 403 forbidden
//
// CSRF (checked in before(), before any handler runs, for every route):
// a state-changing request (not GET/HEAD/OPTIONS) with a session cookie must
// send the session's token (form field `csrf_token` or header X-CSRF-Token),
// else 403. Without a session, HTML forms carry a pre-session token that must
// equal the `solipraxis_csrf` cookie (double submit; protects the sign-in and
// invitation forms). Bearer-token API calls need no token.
//
// In templates: every <form method="post"> contains {{> auth/csrf_field}},
// which reads {{csrf_token}}; page contexts get it from Request::csrf_token,
// which before() always fills (session token or pre-session token).
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "store/orgs.h"
#include "store/users.h"
#include "web/app.h"
#include "web/auth/options.h"
#include "web/auth/rate_limiter.h"
#include "web/auth/session.h"
#include "web/http.h"

namespace solipraxis::web::auth {

inline constexpr const char* kPreSessionCookie = "solipraxis_csrf";

// Who is calling. Attached to Request::principal by Auth::before().
struct Principal {
  enum class Via { kSession, kToken };
  store::User user;
  Via via = Via::kSession;
  std::string csrf_token;                   // kSession only
  std::optional<core::TokenId> token;       // kToken only
  // The caller's orgs with roles (Auth::caller_orgs), read at most once per
  // request that changes nothing: access checks and the page header share it.
  mutable std::optional<std::vector<store::UserOrg>> orgs;
};

// A granted access (holds T) or the finished denial response.
template <typename T>
class Access {
 public:
  Access(T value) : value_(std::move(value)) {}  // NOLINT(implicit)
  Access(Response denial) : denial_(std::move(denial)) {}  // NOLINT(implicit)
  explicit operator bool() const { return value_.has_value(); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() { return *value_; }
  Response response() { return std::move(denial_); }

 private:
  std::optional<T> value_;
  Response denial_;
};

struct Membership {
  store::Org org;
  store::User user;
  store::Role role = store::Role::kMember;
};

class Auth {
 public:
  Auth(Services& services, AuthOptions options);

  // Middleware, registered first in routes.cc. With a router, CSRF is checked only
  // for requests that reach a route (others get their 404/405 unchanged).
  void set_router(const Router* router) { router_ = router; }
  std::optional<Response> before(Request& req);
  void after(const Request& req, Response& res);

  // The caller, or nullptr when anonymous.
  static const Principal* principal(const Request& req);
  Access<Principal> require_user(const Request& req);
  Access<Membership> require_member(const Request& req, std::string_view org_slug,
                                    store::Role min = store::Role::kMember);
  // The signed-in caller's orgs with roles, by slug (store::Orgs::orgs_with_roles).
  // A GET or HEAD reads them once and keeps them for the rest of the request; a
  // request that may have changed memberships reads them again on each call.
  static core::Result<std::vector<store::UserOrg>> caller_orgs(const Services& s,
                                                                const Request& req);

  // Error responses in the request's language: an HTML page or the JSON error shape.
  // `code` is the JSON error code ("" = derived from the status).
  Response error(const Request& req, int status, std::string_view key, std::string_view code = {});
  // The denial for "not signed in" (see the header comment).
  Response sign_in_required(const Request& req);

  // True when the request came over TLS (only through a trusted proxy).
  bool is_secure(const Request& req) const;
  // The client address for rate limits (X-Forwarded-For only from a trusted proxy).
  std::string client_addr(const Request& req) const;
  CookieOptions cookie_options(const Request& req) const;

  Services& services() { return services_; }
  SessionManager& sessions() { return sessions_; }
  // Sign-in throttling for the sign-in and invitation forms: the seconds `req`'s
  // client must wait before trying `account` (an e-mail address as typed or
  // normalised), 0 for now; and recording how an attempt ended.
  std::int64_t sign_in_wait(const Request& req, std::string_view account);
  void sign_in_failed(const Request& req, std::string_view account);
  void sign_in_succeeded(const Request& req, std::string_view account);
  const AuthOptions& options() const { return options_; }

 private:
  enum class Identified { kAnonymous, kCaller, kBadToken, kStoreDown };
  Identified authenticate_bearer(Request& req);
  Identified authenticate_session(Request& req);
  std::optional<Response> check_csrf(Request& req);
  void warn_once_about_untrusted_proxy(const Request& req);

  Services& services_;
  AuthOptions options_;
  SessionManager sessions_;
  FailureBackoff account_client_backoff_;
  FailureBackoff client_backoff_;
  std::atomic<bool> warned_untrusted_proxy_{false};
  const Router* router_ = nullptr;
};

}  // namespace solipraxis::web::auth
