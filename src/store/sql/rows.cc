#include "store/sql/rows.h"

#include <nlohmann/json.hpp>

namespace solipraxis::store::sql {

using core::ErrorCode;
using core::make_error;

Role role_from(std::string_view name) { return parse_role(name).value_or(Role::kMember); }

Org org_from(const Row& r, std::size_t at) {
  return Org{OrgId(r.int64(at)), r.text(at + 1), r.text(at + 2), r.int64(at + 3),
             r.text(at + 4)};
}

User user_from(const Row& r, std::size_t at) {
  return User{UserId(r.int64(at)), r.text(at + 1), r.text(at + 2),
              r.text(at + 3),      r.text(at + 4), r.int64(at + 5)};
}

Invite invite_from(const Row& r) {
  Invite i;
  i.id = r.int64(0);
  i.org_id = OrgId(r.int64(1));
  i.token_hash = r.text(2);
  i.email = r.text(3);
  i.role = role_from(r.text(4));
  i.created_by = UserId(r.int64(5));
  i.created_at = r.int64(6);
  i.expires_at = r.int64(7);
  if (!r.is_null(8)) i.used_at = r.int64(8);
  i.token_sealed = r.text(9);
  return i;
}

LoginSession session_from(const Row& r) {
  return LoginSession{r.text(0),  UserId(r.int64(1)), r.text(2),
                      r.int64(3), r.int64(4),         r.int64(5)};
}

ApiToken token_from(const Row& r) {
  ApiToken t;
  t.id = TokenId(r.int64(0));
  t.user_id = UserId(r.int64(1));
  t.name = r.text(2);
  t.token_hash = r.text(3);
  t.created_at = r.int64(4);
  if (!r.is_null(5)) t.last_used_at = r.int64(5);
  return t;
}

Value opt_user(std::optional<UserId> user) {
  if (user && user->valid()) return user->value;
  return null_value();
}

std::vector<std::string> strings_from_json(const std::string& text) {
  std::vector<std::string> out;
  const auto j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!j.is_array()) return out;
  for (const auto& v : j) {
    if (v.is_string()) out.push_back(v.get<std::string>());
  }
  return out;
}

Status write_audit(Tx& tx, OrgId org, const Actor& actor, std::string_view action,
                   std::string_view entity, std::string_view entity_id, std::string_view before,
                   std::string_view after, core::UnixTime now) {
  auto st = tx.exec(
      "INSERT INTO audit_log (org_id, actor_id, via, action, entity, entity_id, before_json, "
      "after_json, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
      {org.value, opt_user(actor.user), value(actor.via.empty() ? "unknown" : actor.via),
       value(action), value(entity), value(entity_id), value(before), value(after), now});
  if (!st) return st.error();
  return {};
}

core::Error rename_duplicate(core::Error e, std::string key, std::string detail) {
  if (e.code == ErrorCode::kConflict && e.key == "error.store.duplicate") {
    e.key = std::move(key);
    e.detail = std::move(detail);
  }
  return e;
}

core::Error not_found(std::string key, std::string detail) {
  return make_error(ErrorCode::kNotFound, std::move(key), std::move(detail));
}

Status lock_org(Tx& tx, OrgId org) {
  auto n = tx.exec("UPDATE orgs SET id = id WHERE id = $1", {org.value});
  if (!n) return n.error();
  if (*n == 0) return not_found("error.org.not_found", "no such org");
  return {};
}

}  // namespace solipraxis::store::sql
