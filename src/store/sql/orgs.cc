// Orgs: the org itself (create, look up, rename, list).
#include "store/sql/sql_store.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "store/sql/rows.h"
#include "store/validation.h"

namespace solipraxis::store::sql {

Result<Org> SqlOrgs::create_org(std::string_view slug, std::string_view name,
                                 const Actor& actor) {
  if (auto st = validate_slug(slug); !st) return st.error();
  if (auto st = validate_org_name(name); !st) return st.error();
  const auto now = clock_.now();
  return write_into<Org>(*db_, [&](Tx& tx, Org& org) -> Status {
    auto rows = tx.query(
        "INSERT INTO orgs (slug, name, created_at) VALUES ($1, $2, $3) RETURNING id",
        {value(slug), value(name), now});
    if (!rows) {
      return rename_duplicate(rows.error(), "error.org.slug_taken",
                              "an org with the slug '" + std::string(slug) + "' exists already");
    }
    org = Org{OrgId(rows->front().int64(0)), std::string(slug), std::string(name), now};
    const std::string after = nlohmann::json{{"slug", org.slug}, {"name", org.name}}.dump();
    return write_audit(tx, org.id, actor, "org.create", "org", std::to_string(org.id.value), "",
                       after, now);
  });
}

Result<Org> SqlOrgs::rename_org(OrgId org, std::string_view name, const Actor& actor) {
  if (auto st = validate_org_name(name); !st) return st.error();
  const auto now = clock_.now();
  return write_into<Org>(*db_, [&](Tx& tx, Org& out) -> Status {
    auto rows = tx.query("SELECT " + std::string(kOrgColumns) + " FROM orgs WHERE id = $1",
                         {org.value});
    if (!rows) return rows.error();
    if (rows->empty()) return not_found("error.org.not_found", "no such org");
    out = org_from(rows->front());
    if (out.name == name) return {};  // nothing changed, nothing to record
    auto n = tx.exec("UPDATE orgs SET name = $1 WHERE id = $2", {value(name), org.value});
    if (!n) return n.error();
    const std::string before = nlohmann::json{{"name", out.name}}.dump();
    out.name = std::string(name);
    const std::string after = nlohmann::json{{"name", out.name}}.dump();
    return write_audit(tx, org, actor, "org.rename", "org", std::to_string(org.value), before,
                       after, now);
  });
}

Result<Org> SqlOrgs::org_by_slug(std::string_view slug) {
  return read_into<Org>(*db_, [&](Tx& tx, Org& org) -> Status {
    auto rows = tx.query("SELECT " + std::string(kOrgColumns) + " FROM orgs WHERE slug = $1",
                         {value(slug)});
    if (!rows) return rows.error();
    if (rows->empty()) return not_found("error.org.not_found", "no org '" + std::string(slug) + "'");
    org = org_from(rows->front());
    return {};
  });
}

Result<Org> SqlOrgs::org(OrgId id) {
  return read_into<Org>(*db_, [&](Tx& tx, Org& org) -> Status {
    auto rows = tx.query("SELECT " + std::string(kOrgColumns) + " FROM orgs WHERE id = $1",
                         {id.value});
    if (!rows) return rows.error();
    if (rows->empty()) return not_found("error.org.not_found", "no such org");
    org = org_from(rows->front());
    return {};
  });
}

Result<std::vector<UserOrg>> SqlOrgs::orgs_with_roles(UserId user) {
  return read_into<std::vector<UserOrg>>(*db_, [&](Tx& tx, std::vector<UserOrg>& out) -> Status {
    // Sorted here: through ORDER BY, SQLite set up a sorter on every signed-in page.
    auto rows = tx.query(
        "SELECT o.id, o.slug, o.name, o.created_at, o.time_zone, m.role FROM orgs o "
        "JOIN memberships m ON m.org_id = o.id WHERE m.user_id = $1",
        {user.value});
    if (!rows) return rows.error();
    for (const Row& r : *rows) out.push_back(UserOrg{org_from(r), role_from(r.text(5))});
    std::sort(out.begin(), out.end(),
              [](const UserOrg& a, const UserOrg& b) { return a.org.slug < b.org.slug; });
    return {};
  });
}

Result<std::vector<Org>> SqlOrgs::orgs() {
  return read_into<std::vector<Org>>(*db_, [&](Tx& tx, std::vector<Org>& out) -> Status {
    auto rows = tx.query("SELECT " + std::string(kOrgColumns) + " FROM orgs ORDER BY slug");
    if (!rows) return rows.error();
    for (const Row& r : *rows) out.push_back(org_from(r));
    return {};
  });
}

}  // namespace solipraxis::store::sql
