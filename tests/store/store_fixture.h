// The store contract suite's fixture: every test gets a fresh, empty database
// of the engine under test (SQLite: a new file in a temp dir; PostgreSQL: a new
// schema in the throwaway cluster named by SOLIPRAXIS_TEST_PG_URL, see
// with-pg-cluster). Tests are written once as TEST_P(StoreContract, ...) and
// instantiated for both engines ("sqlite/..." and "postgresql/...").
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "core/clock.h"
#include "fault_db.h"
#include "store/audit.h"
#include "store/common.h"
#include "store/orgs.h"
#include "store/secrets.h"
#include "store/store.h"
#include "store/users.h"

namespace solipraxis::store::testing {

// Base URL of the test cluster; empty if the suite runs without with-pg-cluster.
std::string pg_base_url();

class StoreContract : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override;
  void TearDown() override;

  bool is_postgres() const { return GetParam() == "postgresql"; }
  // What open_store() gets as StoreConfig::database for this test's database.
  const std::string& database() const { return database_; }
  Result<std::unique_ptr<Store>> open(bool migrate = true);
  // Closes the store and replaces this test's database by a new one migrated only
  // up to `version` (to test a later migration on old rows); reopen with open().
  void recreate_at_version(int version);
  // A second Store on this test's database whose statements pass through
  // `plan` (fault_db.h), to make one statement of a write fail.
  std::unique_ptr<Store> open_with_faults(std::shared_ptr<FaultPlan> plan);
  // Every row of every table of this test's database, as text: equal dumps
  // mean nothing was written.
  std::string dump_all();
  // Runs SQL directly on this test's database, bypassing the Store.
  void exec_raw(const std::string& sql);
  std::int64_t count_raw(const std::string& sql);

  // Small builders; each asserts success.
  User make_user(const std::string& email);
  Org make_org(const std::string& slug);
  std::vector<AuditEntry> audit(OrgId org);

  core::FakeClock clock_;
  std::unique_ptr<Store> store_;
  const Actor actor_{std::nullopt, "test"};

 private:
  std::string dir_;
  std::string schema_;
  std::string database_;
};

#define ASSERT_OK(expr)                                                                     \
  do {                                                                                     \
    const auto& r_ = (expr);                                                               \
    ASSERT_TRUE(r_.has_value()) << #expr << ": " << r_.error().key << " " << r_.error().detail; \
  } while (0)

#define EXPECT_ERR(expr, code_)                                               \
  do {                                                                        \
    const auto& r_ = (expr);                                                  \
    ASSERT_FALSE(r_.has_value()) << #expr << " succeeded";                    \
    EXPECT_EQ(r_.error().code, core::ErrorCode::code_) << r_.error().detail;  \
  } while (0)

}  // namespace solipraxis::store::testing
