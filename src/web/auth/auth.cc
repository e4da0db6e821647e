#include "web/auth/auth.h"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>

#include "store/orgs.h"
#include "store/secrets.h"
#include "store/store.h"
#include "store/users.h"
#include "web/auth/csrf.h"
#include "web/auth/login.h"
#include "web/middleware.h"
#include "web/page.h"

namespace solipraxis::web::auth {

using core::ErrorCode;

namespace {

constexpr std::int64_t kTokenTouchInterval = 60;

std::optional<std::string_view> bearer_token(const Request& req) {
  auto h = req.headers.get("Authorization");
  if (!h) return std::nullopt;
  std::string_view v = *h;
  constexpr std::string_view kPrefix = "Bearer ";
  if (v.size() <= kPrefix.size()) return std::string_view{};
  for (std::size_t i = 0; i < kPrefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(v[i])) !=
        std::tolower(static_cast<unsigned char>(kPrefix[i]))) {
      return std::string_view{};
    }
  }
  v.remove_prefix(kPrefix.size());
  while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
  while (!v.empty() && v.back() == ' ') v.remove_suffix(1);
  return v;
}

}  // namespace

Auth::Auth(Services& services, AuthOptions options)
    : services_(services),
      options_(options),
      sessions_(services.store, services.clock, options.session),
      account_client_backoff_(services.clock, options.account_client_backoff),
      client_backoff_(services.clock, options.client_backoff) {
  if (!store::valid_key(options_.link_key)) options_.link_key = store::random_token();
}

const Principal* Auth::principal(const Request& req) { return req.principal.get(); }

bool Auth::is_secure(const Request& req) const {
  if (!options_.trust_proxy) return false;
  std::string proto = req.header("X-Forwarded-Proto");
  for (auto& c : proto) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return proto == "https";
}

std::string Auth::client_addr(const Request& req) const {
  if (options_.trust_proxy) {
    // The proxy appends the address it saw last; that one it vouches for.
    std::string xff = req.header("X-Forwarded-For");
    if (!xff.empty()) {
      auto comma = xff.rfind(',');
      std::string_view last = comma == std::string::npos ? std::string_view(xff)
                                                         : std::string_view(xff).substr(comma + 1);
      while (!last.empty() && last.front() == ' ') last.remove_prefix(1);
      while (!last.empty() && last.back() == ' ') last.remove_suffix(1);
      if (!last.empty()) return std::string(last);
    }
  }
  return req.remote_addr;
}

namespace {

std::string account_client_key(std::string_view account, const std::string& client) {
  return std::string(account) + "\n" + client;  // '\n' is in neither an e-mail nor an address
}

}  // namespace

std::int64_t Auth::sign_in_wait(const Request& req, std::string_view account) {
  const std::string client = client_addr(req);
  return std::max(client_backoff_.retry_after(client),
                  account_client_backoff_.retry_after(account_client_key(account, client)));
}

void Auth::sign_in_failed(const Request& req, std::string_view account) {
  const std::string client = client_addr(req);
  client_backoff_.record_failure(client);
  account_client_backoff_.record_failure(account_client_key(account, client));
}

void Auth::sign_in_succeeded(const Request& req, std::string_view account) {
  // Only this pair starts over: the client's count stays, or one account of
  // one's own would wipe the trail of guesses at others.
  account_client_backoff_.reset(account_client_key(account, client_addr(req)));
}

void Auth::warn_once_about_untrusted_proxy(const Request& req) {
  if (options_.trust_proxy || !req.headers.has("X-Forwarded-For")) return;
  if (warned_untrusted_proxy_.exchange(true)) return;
  spdlog::warn(
      "requests carry X-Forwarded-For but --trust-proxy is off: every client behind the proxy "
      "shares the proxy's address for sign-in limits, and cookies lack Secure; start with "
      "--trust-proxy when a reverse proxy you run sets that header (docs/deploy.md)");
}

CookieOptions Auth::cookie_options(const Request& req) const {
  CookieOptions o;
  o.secure = is_secure(req);
  return o;
}

Auth::Identified Auth::authenticate_bearer(Request& req) {
  auto token = bearer_token(req);
  if (!token) return Identified::kAnonymous;
  if (token->empty() || token->size() > 256) return Identified::kBadToken;
  auto found = services_.store.users().token_by_hash(store::hash_token(*token));
  if (!found) {
    return found.error().code == ErrorCode::kNotFound ? Identified::kBadToken
                                                       : Identified::kStoreDown;
  }
  auto user = services_.store.users().user(found->user_id);
  if (!user) {
    return user.error().code == ErrorCode::kNotFound ? Identified::kBadToken
                                                     : Identified::kStoreDown;
  }
  const core::UnixTime now = services_.clock.now();
  if (!found->last_used_at || now - *found->last_used_at >= kTokenTouchInterval) {
    (void)services_.store.users().touch_token(found->id);  // best effort: "last used" is informative
  }
  auto p = std::make_shared<Principal>();
  p->user = std::move(user).value();
  p->via = Principal::Via::kToken;
  p->token = found->id;
  req.user_lang = p->user.lang;
  req.principal = std::move(p);
  return Identified::kCaller;
}

Auth::Identified Auth::authenticate_session(Request& req) {
  const std::string cookie = req.cookie(kSessionCookie);
  if (cookie.empty()) return Identified::kAnonymous;
  auto active = sessions_.resolve(cookie);
  if (!active) {
    return active.error().code == ErrorCode::kUnauthorized ? Identified::kAnonymous
                                                            : Identified::kStoreDown;
  }
  auto p = std::make_shared<Principal>();
  p->csrf_token = active->session.csrf_token;
  p->user = std::move(active->user);
  p->via = Principal::Via::kSession;
  // The account's language is the default for a browser; the switch in the
  // header (the `lang` cookie) overrides it for this browser.
  req.user_lang = req.cookies.contains(kLangCookie) ? std::string() : p->user.lang;
  req.csrf_token = p->csrf_token;
  req.principal = std::move(p);
  return Identified::kCaller;
}

std::optional<Response> Auth::before(Request& req) {
  req.principal.reset();
  req.csrf_token.clear();
  warn_once_about_untrusted_proxy(req);
  Identified who = Identified::kAnonymous;
  // Bearer tokens count only for the API; a browser never sends them by itself.
  if (req.is_api() && req.headers.has("Authorization")) who = authenticate_bearer(req);
  if (who == Identified::kAnonymous) who = authenticate_session(req);
  if (!req.principal) {
    // Pre-session token for anonymous forms: reuse the browser's, else make one
    // (after() sets the cookie when it changed).
    const std::string pre = req.cookie(kPreSessionCookie);
    req.csrf_token = plausible_cookie_value(pre) ? pre : store::random_token();
  }
  // Denials below speak the person's language (the language hook runs again later).
  (void)negotiate_language_hook(services_, req);
  if (who == Identified::kStoreDown) return error(req, 503, "error.store.unavailable");
  if (who == Identified::kBadToken) {
    return error(req, 401, "error.auth.token_invalid", "token_invalid");
  }
  if (req.principal && req.principal->via == Principal::Via::kToken) return std::nullopt;
  return check_csrf(req);
}

std::optional<Response> Auth::check_csrf(Request& req) {
  if (!is_state_changing(req.method)) return std::nullopt;
  Router::Match match;
  match.outcome = Router::Match::kFound;
  if (router_) match = router_->match(req.method, req.path);
  if (match.outcome != Router::Match::kFound) {
    return std::nullopt;  // nothing will change: the 404/405 answer stays as it is
  }
  if (unreadable_form(req)) return error(req, 400, "error.http.unreadable_form", "bad_request");
  const bool has_session_cookie = !req.cookie(kSessionCookie).empty();
  if (req.principal) {
    if (csrf_matches(req.principal->csrf_token, submitted_csrf_token(req))) return std::nullopt;
    return error(req, 403, "error.auth.csrf", "csrf_failed");
  }
  if (has_session_cookie) {
    // The session ended (expired, signed out elsewhere, forged): ask to sign in
    // again and keep what the person typed.
    return sign_in_required(req);
  }
  if (match.route && match.route->access >= RouteAccess::kSignedIn && !req.is_api()) {
    // A form for signed-in people, sent without a session: the cookie is already
    // gone (an earlier answer, e.g. to the autosave, cleared it). Without a
    // session nothing can change, so the same sign-in with the text kept.
    return sign_in_required(req);
  }
  // No session, so no ambient authority an API call could abuse; its handler
  // answers 401 when it needs a caller.
  if (req.is_api()) return std::nullopt;
  const std::string pre = req.cookie(kPreSessionCookie);
  if (!pre.empty() && csrf_matches(pre, submitted_csrf_token(req))) return std::nullopt;
  return error(req, 403, "error.auth.csrf", "csrf_failed");
}

void Auth::after(const Request& req, Response& res) {
  const bool sets_session = [&] {
    for (const auto& [name, value] : res.headers) {
      if ((name == "Set-Cookie" || name == "set-cookie") &&
          value.starts_with(std::string(kSessionCookie) + "=")) {
        return true;
      }
    }
    return false;
  }();
  if (!req.principal && !req.cookie(kSessionCookie).empty() && !sets_session) {
    CookieOptions gone = cookie_options(req);
    gone.max_age = 0;
    res.set_cookie(kSessionCookie, "", gone);
  }
  const bool is_html = res.headers.value("Content-Type").starts_with("text/html");
  if (!req.principal && is_html && !req.csrf_token.empty() &&
      req.cookie(kPreSessionCookie) != req.csrf_token && !sets_session) {
    res.set_cookie(kPreSessionCookie, req.csrf_token, cookie_options(req));
  }
}

Access<Principal> Auth::require_user(const Request& req) {
  if (const Principal* p = principal(req)) return *p;
  return sign_in_required(req);
}

core::Result<std::vector<store::UserOrg>> Auth::caller_orgs(const Services& s,
                                                              const Request& req) {
  const Principal* p = principal(req);
  if (!p) return std::vector<store::UserOrg>{};
  if (p->orgs && !is_state_changing(req.method)) return *p->orgs;
  auto orgs = s.store.orgs().orgs_with_roles(p->user.id);
  if (orgs && !is_state_changing(req.method)) p->orgs = *orgs;
  return orgs;
}

Access<Membership> Auth::require_member(const Request& req, std::string_view org_slug,
                                        store::Role min) {
  const Principal* p = principal(req);
  if (!p) return sign_in_required(req);
  auto orgs = caller_orgs(services_, req);
  if (!orgs) return error(req, 503, "error.store.unavailable");
  // An unknown org and one the caller does not belong to look the same: 404.
  const auto it = std::find_if(orgs->begin(), orgs->end(),
                               [&](const store::UserOrg& o) { return o.org.slug == org_slug; });
  if (it == orgs->end()) return error(req, 404, "error.http.not_found");
  if (it->role < min) {
    // Name the role that is needed, in the members page's words.
    return error(req, 403, min == store::Role::kOwner ? "error.auth.forbidden_owner"
                                                      : "error.auth.forbidden_editor");
  }
  return Membership{std::move(it->org), p->user, it->role};
}

Response Auth::error(const Request& req, int status, std::string_view key, std::string_view code) {
  return error_response(services_, req, status, key, code);
}

Response Auth::sign_in_required(const Request& req) {
  const bool ended = !req.cookie(kSessionCookie).empty();
  if (req.is_api()) {
    return error(req, 401, ended ? "error.auth.session_ended" : "error.auth.required");
  }
  const std::string next = safe_next(req.target);
  if (req.method == "GET" || req.method == "HEAD") {
    std::string location = "/login";
    if (!next.empty()) location += "?next=" + percent_encode(next);
    if (ended) location += next.empty() ? "?ended=1" : "&ended=1";
    return Response::redirect(location);
  }
  LoginView view;
  view.next = next;
  view.drafts = draft_fields(req);
  view.notice_key = ended ? "auth.login.session_ended" : "auth.login.required";
  view.status = 401;
  return render_login(services_, req, view);
}

}  // namespace solipraxis::web::auth
