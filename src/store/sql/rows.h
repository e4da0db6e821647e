// Helpers shared by the SqlStore files: row -> struct mapping, the audit row
// writer and error renaming. Internal to src/store/sql.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "store/sql/db.h"
#include "store/orgs.h"

namespace solipraxis::store::sql {

// Column lists that match the mappers below, in order.
inline constexpr std::string_view kOrgColumns = "id, slug, name, created_at, time_zone";
inline constexpr std::string_view kUserColumns =
    "id, email, name, password_hash, lang, created_at";
inline constexpr std::string_view kInviteColumns =
    "id, org_id, token_hash, email, role, created_by, created_at, expires_at, used_at, "
    "token_sealed";
inline constexpr std::string_view kSessionColumns =
    "id_hash, user_id, csrf_token, created_at, last_seen_at, expires_at";
inline constexpr std::string_view kTokenColumns =
    "id, user_id, name, token_hash, created_at, last_used_at";

Org org_from(const Row& r, std::size_t at = 0);
User user_from(const Row& r, std::size_t at = 0);
Invite invite_from(const Row& r);
LoginSession session_from(const Row& r);
ApiToken token_from(const Row& r);
Role role_from(std::string_view name);

Value opt_user(std::optional<UserId> user);
// The strings of a stored JSON array (links_json, tags_json ...); anything else reads as none.
std::vector<std::string> strings_from_json(const std::string& text);

// A stored enum name read back through core's parser; a name the schema let
// through but core does not know reads as `fallback` rather than failing a whole list.
template <typename Enum, typename Parse>
Enum enum_or(const std::string& name, Parse parse, Enum fallback) {
  auto v = parse(name);
  return v ? *v : fallback;
}

// Writes one audit_log row in the caller's transaction.
Status write_audit(Tx& tx, OrgId org, const Actor& actor, std::string_view action,
                   std::string_view entity, std::string_view entity_id, std::string_view before,
                   std::string_view after, core::UnixTime now);

// Gives a generic "error.store.duplicate" conflict a specific key and detail.
core::Error rename_duplicate(core::Error e, std::string key, std::string detail);

core::Error not_found(std::string key, std::string detail);

// Takes the org's row lock until the transaction ends (PostgreSQL: row lock;
// SQLite: the write lock is already held), so concurrent membership changes
// cannot both pass the "at least one owner" check.
Status lock_org(Tx& tx, OrgId org);

// Runs `fn` in a read or write transaction and returns `out` on success.
template <typename T, typename F>
Result<T> read_into(Db& db, F&& fn) {
  T out{};
  Status st = db.read([&](Tx& tx) { return fn(tx, out); });
  if (!st) return st.error();
  return out;
}
template <typename T, typename F>
Result<T> write_into(Db& db, F&& fn) {
  T out{};
  Status st = db.write([&](Tx& tx) { return fn(tx, out); });
  if (!st) return st.error();
  return out;
}

}  // namespace solipraxis::store::sql
