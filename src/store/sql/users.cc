// SqlStore: users. Users are not org-owned (one person may belong to several
// orgs), so these calls write no audit rows, except a password change, which
// revokes access and is audited in each of the user's orgs.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "store/sql/rows.h"
#include "store/sql/sql_store.h"
#include "store/validation.h"

namespace solipraxis::store::sql {

namespace {

Result<User> one_user(Db& db, std::string_view where, const Params& params) {
  return read_into<User>(db, [&](Tx& tx, User& user) -> Status {
    auto rows = tx.query("SELECT " + std::string(kUserColumns) + " FROM users WHERE " +
                             std::string(where),
                         params);
    if (!rows) return rows.error();
    if (rows->empty()) return not_found("error.user.not_found", "no such user");
    user = user_from(rows->front());
    return {};
  });
}

Status update_user(Db& db, UserId user, std::string_view column, std::string_view v) {
  return db.write([&](Tx& tx) -> Status {
    auto n = tx.exec("UPDATE users SET " + std::string(column) + " = $1 WHERE id = $2",
                     {value(v), user.value});
    if (!n) return n.error();
    if (*n == 0) return not_found("error.user.not_found", "no such user");
    return {};
  });
}

}  // namespace

Result<User> SqlUsers::create_user(const NewUser& nu) {
  auto email = normalize_email(nu.email);
  if (!email) return email.error();
  if (auto st = validate_user_name(nu.name); !st) return st.error();
  if (auto st = validate_lang(nu.lang); !st) return st.error();
  if (nu.password_hash.empty()) {
    return core::make_error(core::ErrorCode::kInvalidInput, "error.user.password_invalid",
                            "a password hash is required");
  }
  const auto now = clock_.now();
  return write_into<User>(*db_, [&](Tx& tx, User& user) -> Status {
    auto rows = tx.query(
        "INSERT INTO users (email, name, password_hash, lang, created_at) "
        "VALUES ($1, $2, $3, $4, $5) RETURNING id",
        {value(*email), value(nu.name), value(nu.password_hash), value(nu.lang), now});
    if (!rows) {
      return rename_duplicate(rows.error(), "error.user.email_taken",
                              "a user with the e-mail " + *email + " exists already");
    }
    user = User{UserId(rows->front().int64(0)), *email, nu.name, nu.password_hash, nu.lang, now};
    return {};
  });
}

Result<User> SqlUsers::user(UserId id) { return one_user(*db_, "id = $1", {id.value}); }

Result<User> SqlUsers::user_by_email(std::string_view email) {
  auto normal = normalize_email(email);
  if (!normal) return not_found("error.user.not_found", "no such user");
  return one_user(*db_, "email = $1", {value(*normal)});
}

Result<std::vector<User>> SqlUsers::users() {
  return read_into<std::vector<User>>(*db_, [&](Tx& tx, std::vector<User>& out) -> Status {
    auto rows = tx.query("SELECT " + std::string(kUserColumns) + " FROM users ORDER BY email");
    if (!rows) return rows.error();
    for (const Row& r : *rows) out.push_back(user_from(r));
    return {};
  });
}

Result<std::vector<ApiToken>> SqlUsers::change_password(UserId user,
                                                        std::string_view password_hash,
                                                        const Actor& actor) {
  if (password_hash.empty()) {
    return core::make_error(core::ErrorCode::kInvalidInput, "error.user.password_invalid",
                            "a password hash is required");
  }
  const auto now = clock_.now();
  using Tokens = std::vector<ApiToken>;
  return write_into<Tokens>(*db_, [&](Tx& tx, Tokens& revoked) -> Status {
    auto n = tx.exec("UPDATE users SET password_hash = $1 WHERE id = $2",
                     {value(password_hash), user.value});
    if (!n) return n.error();
    if (*n == 0) return not_found("error.user.not_found", "no such user");
    auto rows = tx.query("DELETE FROM api_tokens WHERE user_id = $1 RETURNING " +
                             std::string(kTokenColumns),
                         {user.value});
    if (!rows) return rows.error();
    for (const Row& r : *rows) revoked.push_back(token_from(r));
    std::sort(revoked.begin(), revoked.end(),
              [](const ApiToken& a, const ApiToken& b) { return a.id.value < b.id.value; });
    if (auto gone = tx.exec("DELETE FROM sessions WHERE user_id = $1", {user.value}); !gone) {
      return gone.error();
    }
    auto orgs = tx.query("SELECT org_id FROM memberships WHERE user_id = $1 ORDER BY org_id",
                         {user.value});
    if (!orgs) return orgs.error();
    const std::string after =
        nlohmann::json{{"tokens_revoked", static_cast<std::int64_t>(revoked.size())}}.dump();
    for (const Row& r : *orgs) {
      if (auto st = write_audit(tx, OrgId(r.int64(0)), actor, "user.password", "user",
                                std::to_string(user.value), "", after, now);
          !st) {
        return st;
      }
    }
    return {};
  });
}

Status SqlUsers::set_user_lang(UserId user, std::string_view lang) {
  if (auto st = validate_lang(lang); !st) return st;
  return update_user(*db_, user, "lang", lang);
}

Status SqlUsers::set_user_name(UserId user, std::string_view name) {
  if (auto st = validate_user_name(name); !st) return st;
  return update_user(*db_, user, "name", name);
}

}  // namespace solipraxis::store::sql
