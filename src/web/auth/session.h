// Browser sign-in sessions. The cookie carries a random 256-bit id; the store
// keeps only its hash, so a leaked database does not leak live sessions. A
// session ends after `idle_timeout` without a request or `absolute_timeout`
// after sign-in, whichever comes first; expired sessions are deleted when seen.
// A new session (new id, new CSRF token) is made at every sign-in (rotation).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/result.h"
#include "store/store.h"
#include "store/users.h"

namespace solipraxis::web::auth {

inline constexpr const char* kSessionCookie = "solipraxis_session";

struct SessionOptions {
  std::int64_t idle_timeout = 8 * 3600;           // seconds without a request
  std::int64_t absolute_timeout = 7 * 24 * 3600;  // seconds after sign-in
  std::int64_t touch_interval = 60;  // last_seen_at is written at most this often
};

struct NewSession {
  std::string cookie_value;  // goes to the browser, never stored
  store::LoginSession session;
};

struct ActiveSession {
  store::LoginSession session;
  store::User user;
};

class SessionManager {
 public:
  SessionManager(store::Store& store, const core::Clock& clock, SessionOptions options = {})
      : store_(store), clock_(clock), options_(options) {}

  const SessionOptions& options() const { return options_; }

  // Creates a session for `user`. Rotation: pass the old cookie value (may be
  // empty) and that session is deleted.
  core::Result<NewSession> start(core::UserId user, std::string_view old_cookie_value = {});
  // The live session for a cookie value. kUnauthorized (key "error.auth.session_expired")
  // for an expired one (it is deleted), kUnauthorized ("error.auth.signed_out") for an
  // unknown or forged one; kUnavailable when the store fails.
  core::Result<ActiveSession> resolve(std::string_view cookie_value);
  // Signs out: deletes the session if it exists.
  core::Status end(std::string_view cookie_value);

 private:
  store::Store& store_;
  const core::Clock& clock_;
  const SessionOptions options_;
};

// Cookie values are 43 base64url characters; anything else is not looked up.
bool plausible_cookie_value(std::string_view value);

}  // namespace solipraxis::web::auth
