#include "test_database.h"

#include <unistd.h>

#include <gtest/gtest.h>

#include <cstdlib>
#include <stdexcept>

#include "store/postgres/pg_db.h"

namespace solipraxis::testing {

namespace {

std::string base_url() {
  const char* url = std::getenv("SOLIPRAXIS_TEST_DATABASE");
  return url ? url : "";
}

std::string& current() {
  static std::string url;
  return url;
}

// A new, empty schema in the cluster; the URL selects it for every connection.
std::string fresh_schema(const std::string& base) {
  static int counter = 0;
  const std::string schema = "it" + std::to_string(getpid()) + "_" + std::to_string(++counter);
  auto db = store::postgres::PgDb::open(base);
  if (!db) throw std::runtime_error("test database: " + db.error().detail);
  auto st = (*db)->write([&](store::sql::Tx& tx) { return tx.exec_script("CREATE SCHEMA " + schema); });
  if (!st) throw std::runtime_error("test database: " + st.error().detail);
  return base + (base.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" +
         schema;
}

// Switches to a fresh schema before each test suite (its shared set-up) and
// each test. Old schemas stay: the cluster is thrown away after the run, and a
// suite's shared server may still use its own.
class FreshDatabase : public ::testing::EmptyTestEventListener {
  void OnTestSuiteStart(const ::testing::TestSuite&) override { next(); }
  void OnTestStart(const ::testing::TestInfo&) override { next(); }
  static void next() {
    const std::string base = base_url();
    if (base.empty()) {
      ::unsetenv("SOLIPRAXIS_DATABASE");  // SQLite in the data dir, whatever the shell says
      return;
    }
    current() = fresh_schema(base);
    ::setenv("SOLIPRAXIS_DATABASE", current().c_str(), 1);
  }
};

[[maybe_unused]] const bool registered = [] {
  ::testing::UnitTest::GetInstance()->listeners().Append(new FreshDatabase);
  return true;
}();

}  // namespace

std::string test_database() { return base_url().empty() ? "" : current(); }

bool on_postgres() { return !base_url().empty(); }

store::StoreConfig test_store_config(const std::string& data_dir, bool migrate) {
  return store::StoreConfig{test_database(), data_dir, migrate};
}

}  // namespace solipraxis::testing
