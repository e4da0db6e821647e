// The people who use solipraxis: their accounts, browser sign-ins and API
// tokens. Not org-owned: one person can belong to several orgs (memberships
// are in store/orgs.h). Implemented once in store/sql/users.cc and sessions.cc.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/common.h"

namespace solipraxis::store {

struct User {
  UserId id;
  std::string email;  // stored lower-cased; unique
  std::string name;
  std::string password_hash;  // argon2id string from libsodium
  std::string lang;           // "" = follow the browser, else "de" / "en"
  UnixTime created_at = 0;
};

struct NewUser {
  std::string email;
  std::string name;
  std::string password_hash;
  std::string lang;
};

// A browser sign-in. The cookie holds a random id; only its hash is stored.
struct LoginSession {
  std::string id_hash;
  UserId user_id;
  std::string csrf_token;
  UnixTime created_at = 0;
  UnixTime last_seen_at = 0;
  UnixTime expires_at = 0;  // absolute expiry; idle expiry is checked against last_seen_at
};

// A sign-in session with the account it belongs to (Users::session_with_user).
struct SessionUser {
  LoginSession session;
  User user;
};

struct ApiToken {
  TokenId id;
  UserId user_id;
  std::string name;
  std::string token_hash;
  UnixTime created_at = 0;
  std::optional<UnixTime> last_used_at;
};

class Users {
 public:
  virtual ~Users() = default;

  virtual Result<User> create_user(const NewUser& user) = 0;  // conflict on duplicate e-mail
  virtual Result<User> user(UserId user) = 0;
  virtual Result<User> user_by_email(std::string_view email) = 0;  // case-insensitive
  virtual Result<std::vector<User>> users() = 0;
  // A new password ends every other way into the account, in one transaction:
  // all sign-in sessions and all API tokens go (one of them may be what leaked).
  // Audited as "user.password" in each org the user belongs to, with the number
  // of revoked tokens. Returns the revoked tokens, oldest first.
  virtual Result<std::vector<ApiToken>> change_password(UserId user,
                                                        std::string_view password_hash,
                                                        const Actor& actor) = 0;
  virtual Status set_user_lang(UserId user, std::string_view lang) = 0;
  virtual Status set_user_name(UserId user, std::string_view name) = 0;  // validate_user_name

  // --- sign-in sessions ---
  // created_at / last_seen_at of 0 mean "now"; expires_at must lie in the future.
  virtual Status create_session(const LoginSession& session) = 0;
  // not_found once expires_at has passed (idle expiry is the caller's check).
  virtual Result<LoginSession> session(std::string_view id_hash) = 0;
  // The session and its user in one query (every signed-in request reads both):
  // as session(), and not_found too when the user no longer exists.
  virtual Result<SessionUser> session_with_user(std::string_view id_hash) = 0;
  virtual Status touch_session(std::string_view id_hash) = 0;  // last_seen_at = now
  virtual Status delete_session(std::string_view id_hash) = 0;  // idempotent
  virtual Status delete_sessions_of_user(UserId user) = 0;
  virtual Result<int> delete_expired_sessions() = 0;

  // --- API tokens ---
  virtual Result<ApiToken> create_token(UserId user, std::string_view name,
                                        std::string_view token_hash) = 0;
  virtual Result<ApiToken> token_by_hash(std::string_view token_hash) = 0;
  virtual Result<std::vector<ApiToken>> tokens(UserId user) = 0;
  virtual Status touch_token(TokenId token) = 0;
  virtual Status delete_token(UserId user, TokenId token) = 0;  // only the owner's own
};

}  // namespace solipraxis::store
