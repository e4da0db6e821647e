// Contract: migrations, schema version, health.
#include "store/migrations.h"
#include "store/orgs.h"
#include "store/store.h"
#include "store_fixture.h"

namespace solipraxis::store::testing {
namespace {

TEST_P(StoreContract, EngineMatchesTheDatabaseUrl) {
  EXPECT_STREQ(store_->engine(), GetParam().c_str());
  ASSERT_OK(store_->ping());
}

TEST_P(StoreContract, MigrationsBringANewDatabaseToTheLatestVersion) {
  auto version = store_->schema_version();
  ASSERT_OK(version);
  EXPECT_GE(*version, 1);
  EXPECT_EQ(*version, latest_schema_version(store_->engine()));
  EXPECT_EQ(count_raw("SELECT COUNT(*) FROM schema_version"), *version);
}

TEST_P(StoreContract, MigratingAgainChangesNothing) {
  make_org("bleibt");
  const auto before = count_raw("SELECT COUNT(*) FROM schema_version");
  store_.reset();
  for (int i = 0; i < 2; ++i) {
    auto again = open();
    ASSERT_OK(again);
    auto version = (*again)->schema_version();
    ASSERT_OK(version);
    EXPECT_EQ(*version, latest_schema_version(GetParam()));
    ASSERT_OK((*again)->orgs().org_by_slug("bleibt"));
  }
  EXPECT_EQ(count_raw("SELECT COUNT(*) FROM schema_version"), before);
}

TEST_P(StoreContract, ADatabaseNewerThanTheBinaryIsRefused) {
  make_org("bleibt");
  store_.reset();
  exec_raw("INSERT INTO schema_version (version, name, applied_at) VALUES (99, '0099_future.sql', 0)");
  for (bool migrate : {true, false}) {
    auto opened = open(migrate);
    ASSERT_FALSE(opened.has_value());
    EXPECT_EQ(opened.error().code, core::ErrorCode::kConflict);
    EXPECT_EQ(opened.error().key, "error.store.schema_too_new");
    EXPECT_NE(opened.error().detail.find("99"), std::string::npos) << opened.error().detail;
    EXPECT_NE(opened.error().detail.find("upgrade solipraxis"), std::string::npos);
  }
  // Nothing was touched: the data and the foreign version row are still there.
  EXPECT_EQ(count_raw("SELECT COUNT(*) FROM orgs WHERE slug = 'bleibt'"), 1);
  EXPECT_EQ(count_raw("SELECT MAX(version) FROM schema_version"), 99);
}

TEST_P(StoreContract, OpeningWithoutMigrateLeavesANewDatabaseEmpty) {
  store_.reset();
  if (is_postgres()) {
    // CASCADE: later migrations add tables that reference orgs and users.
    exec_raw("DROP TABLE audit_log, invites, api_tokens, sessions, memberships, users, orgs, "
             "schema_version CASCADE");
  } else {
    exec_raw("DROP TABLE audit_log; DROP TABLE invites; DROP TABLE api_tokens; DROP TABLE "
             "sessions; DROP TABLE memberships; DROP TABLE users; DROP TABLE orgs; DROP TABLE "
             "schema_version;");
  }
  auto opened = open(/*migrate=*/false);
  ASSERT_OK(opened);
  auto version = (*opened)->schema_version();
  ASSERT_OK(version);
  EXPECT_EQ(*version, 0);
}

}  // namespace
}  // namespace solipraxis::store::testing
