#include "web/auth/session.h"

#include "store/secrets.h"
#include "store/store.h"
#include "store/users.h"

namespace solipraxis::web::auth {

using core::ErrorCode;
using core::make_error;

bool plausible_cookie_value(std::string_view value) {
  if (value.size() < 16 || value.size() > 128) return false;
  for (char c : value) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

core::Result<NewSession> SessionManager::start(core::UserId user,
                                               std::string_view old_cookie_value) {
  if (!old_cookie_value.empty() && plausible_cookie_value(old_cookie_value)) {
    // A failure here leaves a dead session behind, which expires on its own.
    (void)store_.users().delete_session(store::hash_token(old_cookie_value));
  }
  NewSession out;
  out.cookie_value = store::random_token();
  const core::UnixTime now = clock_.now();
  out.session.id_hash = store::hash_token(out.cookie_value);
  out.session.user_id = user;
  out.session.csrf_token = store::random_token();
  out.session.created_at = now;
  out.session.last_seen_at = now;
  out.session.expires_at = now + options_.absolute_timeout;
  if (auto st = store_.users().create_session(out.session); !st) return st.error();
  return out;
}

core::Result<ActiveSession> SessionManager::resolve(std::string_view cookie_value) {
  auto signed_out = [] {
    return make_error(ErrorCode::kUnauthorized, "error.auth.signed_out", "no valid session");
  };
  if (!plausible_cookie_value(cookie_value)) return signed_out();
  const std::string id_hash = store::hash_token(cookie_value);
  auto found = store_.users().session_with_user(id_hash);
  if (!found) {
    if (found.error().code == ErrorCode::kNotFound) return signed_out();
    return found.error();
  }
  store::LoginSession& session = found->session;
  const core::UnixTime now = clock_.now();
  const bool expired = now >= session.expires_at ||
                       now - session.last_seen_at >= options_.idle_timeout;
  if (expired) {
    (void)store_.users().delete_session(id_hash);
    return make_error(ErrorCode::kUnauthorized, "error.auth.session_expired", "session expired");
  }
  if (now - session.last_seen_at >= options_.touch_interval) {
    // Best effort: a failed touch only shortens the idle window.
    if (store_.users().touch_session(id_hash)) session.last_seen_at = now;
  }
  return ActiveSession{std::move(found->session), std::move(found->user)};
}

core::Status SessionManager::end(std::string_view cookie_value) {
  if (!plausible_cookie_value(cookie_value)) return core::ok_status();
  auto st = store_.users().delete_session(store::hash_token(cookie_value));
  if (!st && st.error().code == ErrorCode::kNotFound) return core::ok_status();
  return st;
}

}  // namespace solipraxis::web::auth
