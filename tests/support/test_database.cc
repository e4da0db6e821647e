#include "test_database.h"

#include <unistd.h>

#include <gtest/gtest.h>

#include <cstdlib>
#include <map>
#include <stdexcept>

#include "store/postgres/pg_db.h"
#include "store/store.h"

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

// The schema of each data directory the current test opened a store in: the
// first one is current() (which `solipraxis` subprocesses find too), another
// directory gets a schema of its own, as another SQLite file would be.
std::map<std::string, std::string>& schema_of_dir() {
  static std::map<std::string, std::string> dirs;
  return dirs;
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
    schema_of_dir().clear();
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
  if (!on_postgres()) return store::StoreConfig{"", data_dir, migrate};
  auto& dirs = schema_of_dir();
  auto it = dirs.find(data_dir);
  if (it == dirs.end()) {
    it = dirs.emplace(data_dir, dirs.empty() ? current() : fresh_schema(base_url())).first;
  }
  return store::StoreConfig{it->second, data_dir, migrate};
}

}  // namespace solipraxis::testing
