// Store contract: an organisation's time zone (issue 22). Every org starts in
// Europe/Berlin, also those from before migration 0009; a change is audited
// with the old and new id, a malformed id changes nothing, and the zone is
// read back with the org everywhere an org is read. "Today" (a decision not
// after today, a review date not before it) is the org's day, not the UTC day.
#include <string>
#include <vector>

#include "core/transition.h"
#include "store/audit_facts.h"
#include "store/migrations.h"
#include "store/orgs.h"
#include "store/store.h"
#include "store/tools.h"
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
  EXPECT_EQ(store_->orgs().orgs_with_roles(u.id)->front().org.time_zone, "America/Port-au-Prince");
  EXPECT_EQ(store_->orgs().orgs()->front().time_zone, "America/Port-au-Prince");
  for (const std::string& bad : std::vector<std::string>{
           "", "Europe/Berlin; DROP TABLE orgs", "Europe Berlin", "/etc/passwd",
           std::string(65, 'A'), "Mars/Olympus", "Etc/Unknown", "Europe/berlin"}) {
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

TEST_P(StoreContract, TodayIsTheOrgsDayInItsTimeZoneNotTheUtcDay) {
  const Org berlin = make_org("berlin");
  const Org new_york = make_org("newyork");
  ASSERT_OK(store_->orgs().set_org_time_zone(new_york.id, "America/New_York", actor_));
  clock_.set(1798759800);  // 2026-12-31T23:30:00Z: 00:30 on 1 January in Berlin, 18:30 in New York
  const auto new_year = *core::Date::parse("2027-01-01");
  const auto old_year = *core::Date::parse("2026-12-31");
  core::Tool tool;
  tool.name = "Übersetzungshilfe";
  tool.next_review = old_year;
  auto past = store_->tools().create_tool(berlin.id, tool, actor_);
  ASSERT_FALSE(past.has_value()) << "31.12. is yesterday in Berlin";
  EXPECT_EQ(past.error().key, "tools.error.next_review_in_past");
  ASSERT_OK(store_->tools().create_tool(new_york.id, tool, actor_));
  tool.next_review = new_year;
  auto in_berlin = store_->tools().create_tool(berlin.id, tool, actor_);
  ASSERT_OK(in_berlin);

  core::TransitionRequest decide;
  decide.kind = core::DecisionKind::kExplore;
  decide.rationale = "Im Team abgewogen.";
  decide.principles = {{1, "Nutzen und Kosten abgewogen"}};
  decide.decided_by = "Team";
  decide.decided_on = new_year;  // what a person in Berlin types as today
  auto moved = store_->tools().transition_tool(berlin.id, in_berlin->id, decide, std::nullopt, actor_);
  ASSERT_TRUE(moved.has_value()) << moved.error().key << " " << moved.error().detail;
  auto in_new_york = store_->tools().create_tool(new_york.id, tool, actor_);
  ASSERT_OK(in_new_york);
  auto early = store_->tools().transition_tool(new_york.id, in_new_york->id, decide, std::nullopt, actor_);
  ASSERT_FALSE(early.has_value()) << "1 January has not begun in New York";
  EXPECT_EQ(early.error().key, "tools.error.decided_on_in_future");
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
