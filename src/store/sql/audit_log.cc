// SqlStore: reading the audit log (writing is write_audit() in rows.cc, called
// inside each change's own transaction). Newest first, keyset-paged by id with
// the Store's one cursor format (store/paging.h); the org id is always the
// first condition, so no filter can reach another org.
#include <cstdint>
#include <vector>

#include "store/paging.h"
#include "store/sql/rows.h"
#include "store/sql/sql_store.h"

namespace solipraxis::store::sql {

namespace {

AuditEntry audit_entry_from(const Row& r) {
  AuditEntry e;
  e.id = r.int64(0);
  e.org_id = OrgId(r.int64(1));
  if (!r.is_null(2)) e.actor = UserId(r.int64(2));
  e.via = r.text(3);
  e.action = r.text(4);
  e.entity = r.text(5);
  e.entity_id = r.text(6);
  e.before = r.text(7);
  e.after = r.text(8);
  e.at = r.int64(9);
  return e;
}

}  // namespace

Result<Page<AuditEntry>> SqlAudit::audit_log(OrgId org, const AuditFilter& filter,
                                             const PageRequest& page) {
  const int limit = page_limit(page);
  // Newest first: the cursor (the last id handed out) bounds the ids from above.
  auto after = page_after(page);
  if (!after) return after.error();
  const std::int64_t before = *after == 0 ? INT64_MAX : *after;
  std::string sql =
      "SELECT id, org_id, actor_id, via, action, entity, entity_id, before_json, after_json, "
      "created_at FROM audit_log WHERE org_id = $1 AND id < $2";
  // Values are built in place: GCC 12 -O2 warns (maybe-uninitialized) about
  // moving a temporary variant into the vector.
  Params params;
  params.emplace_back(std::in_place_type<std::int64_t>, org.value);
  params.emplace_back(std::in_place_type<std::int64_t>, before);
  if (!filter.entities.empty()) {
    std::string in;
    for (const auto& entity : filter.entities) {
      params.emplace_back(std::in_place_type<std::string>, entity);
      in += (in.empty() ? "$" : ", $") + std::to_string(params.size());
    }
    sql += " AND entity IN (" + in + ")";
  }
  if (!filter.entity_id.empty()) {
    params.emplace_back(std::in_place_type<std::string>, filter.entity_id);
    sql += " AND entity_id = $" + std::to_string(params.size());
  }
  params.emplace_back(std::in_place_type<std::int64_t>, limit + 1);
  sql += " ORDER BY id DESC LIMIT $" + std::to_string(params.size());
  return read_into<Page<AuditEntry>>(*db_, [&](Tx& tx, Page<AuditEntry>& out) -> Status {
    auto rows = tx.query(sql, params);
    if (!rows) return rows.error();
    std::vector<AuditEntry> entries;
    for (const Row& r : *rows) entries.push_back(audit_entry_from(r));
    out = take_page(std::move(entries), limit, [](const AuditEntry& e) { return e.id; });
    return {};
  });
}

}  // namespace solipraxis::store::sql
