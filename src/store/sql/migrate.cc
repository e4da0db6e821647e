// Migration runner.
//
// States: a database is at schema version V = MAX(schema_version.version), or 0
// when the table does not exist yet (a new, empty database). The binary knows
// migrations 1..K.
//
// Invariants kept here:
// - schema_version holds one row per applied migration, versions 1..V without gaps.
// - Migration N and its schema_version row commit in ONE transaction, so after
//   a crash or a failing statement the database is at N-1 or at N, never between.
// - Each step takes the engine's migration lock (SQLite: BEGIN IMMEDIATE holds
//   the only write lock; PostgreSQL: a transaction-scoped advisory lock) and
//   re-reads V under it, so two processes starting at once apply each migration
//   exactly once.
// - V > K: refuse (kConflict) before writing anything; an older binary must not
//   touch a schema it does not understand.
// Transitions: V -> V+1 for each pending migration, in order; nothing else.
#include "store/sql/migrate.h"

#include <algorithm>
#include <charconv>

namespace solipraxis::store::sql {

using core::ErrorCode;
using core::make_error;

namespace {

constexpr std::string_view kCreateVersionTable =
    "CREATE TABLE IF NOT EXISTS schema_version ("
    " version INTEGER PRIMARY KEY,"
    " name TEXT NOT NULL,"
    " applied_at BIGINT NOT NULL)";

Result<int> version_in(Db& db, Tx& tx) {
  auto exists = db.table_exists(tx, "schema_version");
  if (!exists) return exists.error();
  if (!*exists) return 0;
  auto rows = tx.query("SELECT COALESCE(MAX(version), 0) FROM schema_version");
  if (!rows) return rows.error();
  return rows->empty() ? 0 : static_cast<int>(rows->front().int64(0));
}

}  // namespace

Result<std::vector<Migration>> parse_migrations(const std::vector<core::EmbeddedFile>& files) {
  std::vector<Migration> out;
  for (const auto& f : files) {
    std::string_view name = f.path;
    if (auto slash = name.rfind('/'); slash != std::string_view::npos) name = name.substr(slash + 1);
    int version = 0;
    auto [end, ec] = std::from_chars(name.data(), name.data() + name.size(), version);
    if (ec != std::errc{} || end == name.data() || *end != '_' || !name.ends_with(".sql")) {
      return make_error(ErrorCode::kInternal, "error.store.internal",
                        "migration file name must be NNNN_name.sql: " + f.path);
    }
    out.push_back({version, std::string(name), f.content});
  }
  std::sort(out.begin(), out.end(),
            [](const Migration& a, const Migration& b) { return a.version < b.version; });
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (out[i].version != static_cast<int>(i) + 1) {
      return make_error(ErrorCode::kInternal, "error.store.internal",
                        "migrations must be numbered 1, 2, 3, ... without gaps: " + out[i].name);
    }
  }
  return out;
}

Status check_not_too_new(int db_version, int known_version) {
  if (db_version <= known_version) return {};
  return make_error(ErrorCode::kConflict, "error.store.schema_too_new",
                    "database schema version " + std::to_string(db_version) +
                        " is newer than this solipraxis (knows up to " +
                        std::to_string(known_version) + "); upgrade solipraxis");
}

Result<int> current_schema_version(Db& db) {
  int version = 0;
  Status st = db.read([&](Tx& tx) -> Status {
    auto v = version_in(db, tx);
    if (!v) return v.error();
    version = *v;
    return {};
  });
  if (!st) return st.error();
  return version;
}

Result<int> migrate(Db& db, const std::vector<Migration>& migrations, core::UnixTime now) {
  const int known = migrations.empty() ? 0 : migrations.back().version;
  // Refuse a too-new database before the first write.
  auto before = current_schema_version(db);
  if (!before) return before.error();
  if (auto st = check_not_too_new(*before, known); !st) return st.error();

  int version = *before;
  for (const Migration& m : migrations) {
    if (m.version <= version) continue;
    Status st = db.write([&](Tx& tx) -> Status {
      if (auto lock = db.lock_for_migration(tx); !lock) return lock;
      if (auto made = tx.exec(kCreateVersionTable); !made) return made.error();
      auto v = version_in(db, tx);
      if (!v) return v.error();
      version = *v;  // another process may have migrated meanwhile
      if (auto too_new = check_not_too_new(version, known); !too_new) return too_new;
      if (version >= m.version) return {};
      if (auto ran = tx.exec_script(m.sql); !ran) {
        return make_error(ran.error().code, ran.error().key,
                          "migration " + m.name + " failed: " + ran.error().detail);
      }
      auto rec = tx.exec("INSERT INTO schema_version (version, name, applied_at) VALUES ($1, $2, $3)",
                         {value(std::int64_t{m.version}), value(m.name), value(now)});
      if (!rec) return rec.error();
      version = m.version;
      return {};
    });
    if (!st) return st.error();
  }
  return version;
}

}  // namespace solipraxis::store::sql
