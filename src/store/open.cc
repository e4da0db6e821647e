// open_store: picks the engine from StoreConfig::database, opens it and (with
// config.migrate) applies pending migrations, refusing a too-new database.
#include <filesystem>
#include <system_error>

#include "store/migrations.h"
#include "store/postgres/pg_db.h"
#include "store/sql/migrate.h"
#include "store/sql/sql_store.h"
#include "store/sqlite/sqlite_db.h"
#include "store/store.h"

namespace solipraxis::store {

using core::ErrorCode;
using core::make_error;

bool is_postgres_url(std::string_view database) {
  return database.starts_with("postgresql://") || database.starts_with("postgres://");
}

std::string database_location(const StoreConfig& config) {
  if (!config.database.empty()) return config.database;
  const std::string dir = config.data_dir.empty() ? "." : config.data_dir;
  return (std::filesystem::path(dir) / "solipraxis.db").string();
}

namespace {

Result<std::unique_ptr<sql::Db>> open_db(const StoreConfig& config) {
  const std::string where = database_location(config);
  if (is_postgres_url(where)) {
    auto db = postgres::PgDb::open(where);
    if (!db) return db.error();
    return std::unique_ptr<sql::Db>(std::move(*db));
  }
  if (config.database.empty() && !config.read_only) {
    std::error_code ec;
    std::filesystem::create_directories(config.data_dir.empty() ? "." : config.data_dir, ec);
    if (ec) {
      return make_error(ErrorCode::kUnavailable, "error.store.unavailable",
                        "cannot create the data directory " + config.data_dir + ": " + ec.message());
    }
  }
  auto db = sqlite::SqliteDb::open(where, {config.read_only, config.sqlite_max_pages});
  if (!db) return db.error();
  return std::unique_ptr<sql::Db>(std::move(*db));
}

}  // namespace

Result<std::unique_ptr<Store>> open_store(const StoreConfig& config, core::Clock& clock) {
  auto db = open_db(config);
  if (!db) return db.error();
  auto migrations = sql::parse_migrations(migration_files((*db)->engine()));
  if (!migrations) return migrations.error();
  const int known = migrations->empty() ? 0 : migrations->back().version;
  if (config.migrate) {
    auto version = sql::migrate(**db, *migrations, clock.now());
    if (!version) return version.error();
  } else {
    auto version = sql::current_schema_version(**db);
    if (!version) return version.error();
    if (auto st = sql::check_not_too_new(*version, known); !st) return st.error();
    if (config.read_only && *version < known) {
      return make_error(ErrorCode::kUnavailable, "error.store.schema_too_old",
                        "the database has schema version " + std::to_string(*version) +
                            ", this program needs " + std::to_string(known) +
                            ": run `solipraxis migrate` first");
    }
  }
  return std::unique_ptr<Store>(
      std::make_unique<sql::SqlStore>(std::move(*db), clock, config.read_only));
}

}  // namespace solipraxis::store
