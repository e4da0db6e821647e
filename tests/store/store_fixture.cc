#include "store_fixture.h"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>

#include "store/audit.h"
#include "store/migrations.h"
#include "store/orgs.h"
#include "store/paging.h"
#include "store/postgres/pg_db.h"
#include "store/sql/migrate.h"
#include "store/sql/sql_store.h"
#include "store/sqlite/sqlite_db.h"
#include "store/store.h"
#include "store/users.h"

namespace solipraxis::store::testing {

namespace {

std::unique_ptr<sql::Db> raw_db(const std::string& database) {
  if (database.starts_with("postgresql://")) {
    auto db = postgres::PgDb::open(database);
    if (!db) {
      ADD_FAILURE() << db.error().detail;
      return nullptr;
    }
    return std::move(*db);
  }
  auto db = sqlite::SqliteDb::open(database, {});
  if (!db) {
    ADD_FAILURE() << db.error().detail;
    return nullptr;
  }
  return std::move(*db);
}

}  // namespace

std::string pg_base_url() {
  const char* url = std::getenv("SOLIPRAXIS_TEST_PG_URL");
  return url ? url : "";
}

void StoreContract::SetUp() {
  static std::atomic<int> counter{0};
  const int n = ++counter;
  if (is_postgres()) {
    const std::string base = pg_base_url();
    // A failure, not a skip: the PostgreSQL run must not pass without a cluster.
    ASSERT_FALSE(base.empty())
        << "SOLIPRAXIS_TEST_PG_URL is not set; run under tests/store/with-pg-cluster";
    schema_ = "t" + std::to_string(getpid()) + "_" + std::to_string(n);
    database_ = base;
    exec_raw("CREATE SCHEMA " + schema_);
    database_ = base + (base.find('?') == std::string::npos ? "?" : "&") +
                "options=-csearch_path%3D" + schema_;
  } else {
    std::string templ = (std::filesystem::temp_directory_path() / "solipraxis-store-XXXXXX").string();
    ASSERT_NE(mkdtemp(templ.data()), nullptr);
    dir_ = templ;
    database_ = dir_ + "/test.db";
  }
  auto opened = open();
  ASSERT_TRUE(opened.has_value()) << opened.error().detail;
  store_ = std::move(*opened);
}

void StoreContract::TearDown() {
  store_.reset();
  if (!schema_.empty()) {
    database_ = pg_base_url();
    exec_raw("DROP SCHEMA " + schema_ + " CASCADE");
  }
  if (!dir_.empty()) std::filesystem::remove_all(dir_);
}

Result<std::unique_ptr<Store>> StoreContract::open(bool migrate) {
  StoreConfig config;
  config.database = database_;
  config.migrate = migrate;
  return open_store(config, clock_);
}

void StoreContract::recreate_at_version(int version) {
  store_.reset();
  if (is_postgres()) {
    const std::string url = database_;
    database_ = pg_base_url();
    exec_raw("DROP SCHEMA " + schema_ + " CASCADE; CREATE SCHEMA " + schema_);
    database_ = url;
  } else {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(database_ + suffix);
  }
  auto migrations = sql::parse_migrations(migration_files(GetParam()));
  ASSERT_TRUE(migrations.has_value()) << migrations.error().detail;
  ASSERT_LE(version, static_cast<int>(migrations->size()));
  migrations->resize(static_cast<std::size_t>(version));
  auto db = raw_db(database_);
  ASSERT_NE(db, nullptr);
  auto migrated = sql::migrate(*db, *migrations, clock_.now());
  ASSERT_TRUE(migrated.has_value()) << migrated.error().detail;
  ASSERT_EQ(*migrated, version);
}

void StoreContract::exec_raw(const std::string& sql) {
  auto db = raw_db(database_);
  ASSERT_NE(db, nullptr);
  auto st = db->write([&](sql::Tx& tx) { return tx.exec_script(sql); });
  ASSERT_TRUE(st.has_value()) << sql << ": " << st.error().detail;
}

std::unique_ptr<Store> StoreContract::open_with_faults(std::shared_ptr<FaultPlan> plan) {
  auto db = raw_db(database_);
  if (!db) return nullptr;
  return std::make_unique<sql::SqlStore>(std::make_unique<FaultDb>(std::move(db), std::move(plan)),
                                         clock_);
}

std::string StoreContract::dump_all() {
  auto db = raw_db(database_);
  if (!db) return "";
  std::string out;
  auto st = db->read([&](sql::Tx& tx) -> core::Status {
    auto tables = tx.query(
        is_postgres() ? "SELECT table_name FROM information_schema.tables WHERE table_schema = "
                        "current_schema() ORDER BY 1"
                      : "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY 1");
    if (!tables) return tables.error();
    for (const auto& t : *tables) {
      const std::string table = t.text(0);
      auto rows = tx.query("SELECT * FROM " + table + " ORDER BY 1");
      if (!rows) return rows.error();
      out += "== " + table + "\n";
      for (const auto& r : *rows) {
        for (std::size_t i = 0; i < r.values.size(); ++i) out += r.text(i) + "|";
        out += "\n";
      }
    }
    return {};
  });
  EXPECT_TRUE(st.has_value()) << st.error().detail;
  return out;
}

std::int64_t StoreContract::count_raw(const std::string& sql) {
  auto db = raw_db(database_);
  if (!db) return -1;
  std::int64_t n = -1;
  auto st = db->read([&](sql::Tx& tx) -> core::Status {
    auto rows = tx.query(sql);
    if (!rows) return rows.error();
    n = rows->empty() ? 0 : rows->front().int64(0);
    return {};
  });
  EXPECT_TRUE(st.has_value()) << sql << ": " << st.error().detail;
  return n;
}

User StoreContract::make_user(const std::string& email) {
  auto u = store_->users().create_user({email, "Name of " + email, "$argon2id$fake", ""});
  EXPECT_TRUE(u.has_value()) << email << ": " << u.error().detail;
  return u ? *u : User{};
}

Org StoreContract::make_org(const std::string& slug) {
  auto o = store_->orgs().create_org(slug, "Org " + slug, actor_);
  EXPECT_TRUE(o.has_value()) << slug << ": " << o.error().detail;
  return o ? *o : Org{};
}

std::vector<AuditEntry> StoreContract::audit(OrgId org) {
  auto page = store_->audit().audit_log(org, PageRequest{200, ""});
  EXPECT_TRUE(page.has_value());
  return page ? page->items : std::vector<AuditEntry>{};
}

INSTANTIATE_TEST_SUITE_P(sqlite, StoreContract, ::testing::Values("sqlite"),
                         [](const auto& info) { return info.param; });
INSTANTIATE_TEST_SUITE_P(postgresql, StoreContract, ::testing::Values("postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace solipraxis::store::testing
