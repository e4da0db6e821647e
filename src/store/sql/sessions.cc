// SqlStore: sign-in sessions and API tokens (both per user, not org-owned).
#include <algorithm>
#include <charconv>

#include "store/sql/rows.h"
#include "store/sql/sql_store.h"
#include "store/validation.h"

namespace solipraxis::store::sql {

using core::ErrorCode;
using core::make_error;

namespace {

Status expect_one(const Result<std::int64_t>& n, const char* key, const char* what) {
  if (!n) return n.error();
  if (*n == 0) return not_found(key, what);
  return {};
}

Status user_exists(Tx& tx, UserId user) {
  auto rows = tx.query("SELECT 1 FROM users WHERE id = $1", {user.value});
  if (!rows) return rows.error();
  if (rows->empty()) return not_found("error.user.not_found", "no such user");
  return {};
}

}  // namespace

Status SqlUsers::create_session(const LoginSession& s) {
  const auto now = clock_.now();
  if (s.id_hash.empty() || s.expires_at <= now) {
    return make_error(ErrorCode::kInvalidInput, "error.session.invalid",
                      "a session needs an id hash and an expiry in the future");
  }
  return db_->write([&](Tx& tx) -> Status {
    if (auto st = user_exists(tx, s.user_id); !st) return st;
    auto n = tx.exec(
        "INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, last_seen_at, "
        "expires_at) VALUES ($1, $2, $3, $4, $5, $6)",
        {value(s.id_hash), s.user_id.value, value(s.csrf_token), s.created_at ? s.created_at : now,
         s.last_seen_at ? s.last_seen_at : now, s.expires_at});
    if (!n) return rename_duplicate(n.error(), "error.session.exists", "session id in use");
    return {};
  });
}

Result<LoginSession> SqlUsers::session(std::string_view id_hash) {
  const auto now = clock_.now();
  return read_into<LoginSession>(*db_, [&](Tx& tx, LoginSession& out) -> Status {
    auto rows = tx.query("SELECT " + std::string(kSessionColumns) +
                             " FROM sessions WHERE id_hash = $1 AND expires_at > $2",
                         {value(id_hash), now});
    if (!rows) return rows.error();
    if (rows->empty()) return not_found("error.session.not_found", "no such session");
    out = session_from(rows->front());
    return {};
  });
}

Result<SessionUser> SqlUsers::session_with_user(std::string_view id_hash) {
  const auto now = clock_.now();
  return read_into<SessionUser>(*db_, [&](Tx& tx, SessionUser& out) -> Status {
    auto rows = tx.query(
        "SELECT s.id_hash, s.user_id, s.csrf_token, s.created_at, s.last_seen_at, s.expires_at, "
        "u.id, u.email, u.name, u.password_hash, u.lang, u.created_at "
        "FROM sessions s JOIN users u ON u.id = s.user_id "
        "WHERE s.id_hash = $1 AND s.expires_at > $2",
        {value(id_hash), now});
    if (!rows) return rows.error();
    if (rows->empty()) return not_found("error.session.not_found", "no such session");
    out.session = session_from(rows->front());
    out.user = user_from(rows->front(), 6);
    return {};
  });
}

Status SqlUsers::touch_session(std::string_view id_hash) {
  const auto now = clock_.now();
  return db_->write([&](Tx& tx) -> Status {
    return expect_one(tx.exec("UPDATE sessions SET last_seen_at = $1 WHERE id_hash = $2 AND "
                              "expires_at > $1",
                              {now, value(id_hash)}),
                      "error.session.not_found", "no such session");
  });
}

Status SqlUsers::delete_session(std::string_view id_hash) {
  return db_->write([&](Tx& tx) -> Status {
    auto n = tx.exec("DELETE FROM sessions WHERE id_hash = $1", {value(id_hash)});
    if (!n) return n.error();
    return {};
  });
}

Status SqlUsers::delete_sessions_of_user(UserId user) {
  return db_->write([&](Tx& tx) -> Status {
    auto n = tx.exec("DELETE FROM sessions WHERE user_id = $1", {user.value});
    if (!n) return n.error();
    return {};
  });
}

Result<int> SqlUsers::delete_expired_sessions() {
  const auto now = clock_.now();
  return write_into<int>(*db_, [&](Tx& tx, int& out) -> Status {
    auto n = tx.exec("DELETE FROM sessions WHERE expires_at <= $1", {now});
    if (!n) return n.error();
    out = static_cast<int>(*n);
    return {};
  });
}

Result<ApiToken> SqlUsers::create_token(UserId user, std::string_view name,
                                        std::string_view token_hash) {
  if (auto st = validate_token_name(name); !st) return st.error();
  if (token_hash.empty()) {
    return make_error(ErrorCode::kInvalidInput, "error.token.invalid", "a token hash is required");
  }
  const auto now = clock_.now();
  return write_into<ApiToken>(*db_, [&](Tx& tx, ApiToken& out) -> Status {
    if (auto st = user_exists(tx, user); !st) return st;
    auto rows = tx.query(
        "INSERT INTO api_tokens (user_id, name, token_hash, created_at) VALUES ($1, $2, $3, $4) "
        "RETURNING id",
        {user.value, value(name), value(token_hash), now});
    if (!rows) return rename_duplicate(rows.error(), "error.token.exists", "token hash in use");
    out = ApiToken{TokenId(rows->front().int64(0)), user, std::string(name),
                   std::string(token_hash), now, std::nullopt};
    return {};
  });
}

Result<ApiToken> SqlUsers::token_by_hash(std::string_view token_hash) {
  return read_into<ApiToken>(*db_, [&](Tx& tx, ApiToken& out) -> Status {
    auto rows = tx.query(
        "SELECT " + std::string(kTokenColumns) + " FROM api_tokens WHERE token_hash = $1",
        {value(token_hash)});
    if (!rows) return rows.error();
    if (rows->empty()) return not_found("error.token.not_found", "no such token");
    out = token_from(rows->front());
    return {};
  });
}

Result<std::vector<ApiToken>> SqlUsers::tokens(UserId user) {
  return read_into<std::vector<ApiToken>>(*db_, [&](Tx& tx, std::vector<ApiToken>& out) -> Status {
    auto rows = tx.query(
        "SELECT " + std::string(kTokenColumns) + " FROM api_tokens WHERE user_id = $1 ORDER BY id",
        {user.value});
    if (!rows) return rows.error();
    for (const Row& r : *rows) out.push_back(token_from(r));
    return {};
  });
}

Status SqlUsers::touch_token(TokenId token) {
  const auto now = clock_.now();
  return db_->write([&](Tx& tx) -> Status {
    return expect_one(tx.exec("UPDATE api_tokens SET last_used_at = $1 WHERE id = $2",
                              {now, token.value}),
                      "error.token.not_found", "no such token");
  });
}

Status SqlUsers::delete_token(UserId user, TokenId token) {
  return db_->write([&](Tx& tx) -> Status {
    return expect_one(tx.exec("DELETE FROM api_tokens WHERE id = $1 AND user_id = $2",
                              {token.value, user.value}),
                      "error.token.not_found", "no such token");
  });
}

}  // namespace solipraxis::store::sql
