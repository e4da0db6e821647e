// An organisation's settings that are not tied to one aggregate: its time
// zone (set_org_time_zone). Each change is audited in the same transaction.
#include <nlohmann/json.hpp>

#include "store/sql/rows.h"
#include "store/sql/sql_store.h"
#include "store/validation.h"

namespace solipraxis::store::sql {

using nlohmann::json;

Status SqlOrgs::set_org_time_zone(OrgId org, std::string_view zone, const Actor& actor) {
  if (auto st = validate_time_zone(zone); !st) return st;
  const auto now = clock_.now();
  return db_->write([&](Tx& tx) -> Status {
    auto rows = tx.query("SELECT time_zone FROM orgs WHERE id = $1", {org.value});
    if (!rows) return rows.error();
    if (rows->empty()) return not_found("error.org.not_found", "no such org");
    const std::string before = rows->front().text(0);
    if (before == zone) return {};
    auto n = tx.exec("UPDATE orgs SET time_zone = $2 WHERE id = $1", {org.value, std::string(zone)});
    if (!n) return n.error();
    return write_audit(tx, org, actor, "org.time_zone", "org", std::to_string(org.value),
                       json{{"time_zone", before}}.dump(), json{{"time_zone", zone}}.dump(), now);
  });
}

}  // namespace solipraxis::store::sql
