// Store contract: an organisation's time zone (issue 22). Every org starts in
// Europe/Berlin, also those from before migration 0009; a change is audited
// with the old and new id, a malformed id changes nothing, and the zone is
// read back with the org everywhere an org is read.
#include <string>
#include <vector>

#include "store/audit_facts.h"
#include "store/migrations.h"
#include "store/orgs.h"
#include "store/store.h"
#include "store/users.h"
#include "store_fixture.h"

namespace solipraxis::store::testing {
namespace {

TEST_P(StoreContract, AnOrgsTimeZoneIsBerlinUntilChangedAndAudited) {
  const Org org = make_org("verein");
  EXPECT_EQ(org.time_zone, "Europe/Berlin");
  EXPECT_EQ(store_->orgs().org(org.id)->time_zone, "Europe/Berlin");
  ASSERT_OK(store_->orgs().set_org_time_zone(org.id, "America/Port-au-Prince", actor_));
  EXPECT_EQ(store_->orgs().org_by_slug("verein")->time_zone, "America/Port-au-Prince");
  const User u = make_user("ada@example.org");
  ASSERT_OK(store_->orgs().add_member(org.id, u.id, Role::kOwner, actor_));
  EXPECT_EQ(store_->orgs().orgs_of_user(u.id)->front().time_zone, "America/Port-au-Prince");
  EXPECT_EQ(store_->orgs().orgs()->front().time_zone, "America/Port-au-Prince");
  for (const std::string& bad : std::vector<std::string>{
           "", "Europe/Berlin; DROP TABLE orgs", "Europe Berlin", "/etc/passwd",
           std::string(65, 'A')}) {
    SCOPED_TRACE(bad);
    EXPECT_ERR(store_->orgs().set_org_time_zone(org.id, bad, actor_), kInvalidInput);
  }
  EXPECT_EQ(store_->orgs().org(org.id)->time_zone, "America/Port-au-Prince") << "nothing changed";
  ASSERT_OK(store_->orgs().set_org_time_zone(org.id, "America/Port-au-Prince", actor_));  // no-op
  int changes = 0;
  for (const auto& e : audit(org.id)) {
    if (e.action != "org.time_zone") continue;
    ++changes;
    const AuditFacts f = audit_facts(e);
    EXPECT_EQ(f.from, "Europe/Berlin");
    EXPECT_EQ(f.to, "America/Port-au-Prince");
  }
  EXPECT_EQ(changes, 1) << "one change, the same id again is none";
  EXPECT_ERR(store_->orgs().set_org_time_zone(OrgId(999999), "UTC", actor_), kNotFound);
}

TEST_P(StoreContract, OrgsFromBeforeTheTimeZoneMigrationAreInBerlin) {
  int before = 0;
  for (const auto& f : migration_files(GetParam())) {
    if (f.path.ends_with("_org_time_zone.sql")) {
      before = std::stoi(f.path.substr(f.path.rfind('/') + 1)) - 1;
    }
  }
  ASSERT_GT(before, 0);
  recreate_at_version(before);
  exec_raw("INSERT INTO orgs (slug, name, created_at) VALUES ('alt', 'Alt', 1)");
  auto reopened = open();
  ASSERT_TRUE(reopened.has_value()) << reopened.error().detail;
  store_ = std::move(reopened).value();
  EXPECT_EQ(store_->orgs().org_by_slug("alt")->time_zone, "Europe/Berlin");
}

}  // namespace
}  // namespace solipraxis::store::testing
