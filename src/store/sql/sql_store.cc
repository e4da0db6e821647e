// SqlStore: schema and health; the aggregates are in their own files.
#include "store/sql/sql_store.h"

#include "store/sql/migrate.h"
#include "store/sql/rows.h"

namespace solipraxis::store::sql {

Result<int> SqlStore::schema_version() { return current_schema_version(*db_); }

Status SqlStore::check_writable() {
  // A real write that only tidies: SQLite must take its write lock (refused on
  // a read-only file), PostgreSQL must run a DELETE (refused on a standby).
  const auto now = clock_.now();
  return db_->write([&](Tx& tx) -> Status {
    auto n = tx.exec("DELETE FROM sessions WHERE expires_at <= $1", {now});
    if (!n) return n.error();
    return {};
  });
}

Status SqlStore::ping() {
  return db_->read([](Tx& tx) -> Status {
    auto rows = tx.query("SELECT 1");
    if (!rows) return rows.error();
    return {};
  });
}

}  // namespace solipraxis::store::sql
