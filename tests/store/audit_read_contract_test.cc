// Contract: reading the audit log by kind of object and for one object (the
// change log page, its API and a tool's timeline), on every engine. Filters
// never reach another org's rows; pages under a filter still walk every row
// once; tool edits record which fields changed.
#include <gtest/gtest.h>

#include <set>

#include "store/audit_facts.h"
#include "store/orgs.h"
#include "store/paging.h"
#include "store/store.h"
#include "store/tools.h"
#include "store/users.h"
#include "store_fixture.h"

namespace solipraxis::store::testing {
namespace {

class AuditRead : public StoreContract {
 protected:
  void SetUp() override {
    StoreContract::SetUp();
    if (HasFatalFailure()) return;
    org_ = make_org("verein").id;
    other_ = make_org("andere").id;
  }

  core::Tool tool(OrgId org, const std::string& name) {
    core::Tool t;
    t.name = name;
    auto made = store_->tools().create_tool(org, t, actor_);
    EXPECT_TRUE(made.has_value()) << made.error().detail;
    return made.has_value() ? *made : core::Tool{};
  }

  std::vector<AuditEntry> all(OrgId org, const AuditFilter& filter, int limit) {
    std::vector<AuditEntry> out;
    PageRequest page{limit, ""};
    for (int guard = 0; guard < 100; ++guard) {
      auto got = store_->audit().audit_log(org, filter, page);
      EXPECT_TRUE(got.has_value()) << got.error().detail;
      if (!got.has_value()) break;
      EXPECT_LE(got->items.size(), static_cast<std::size_t>(limit));
      for (auto& e : got->items) out.push_back(std::move(e));
      if (got->next.empty()) break;
      page.cursor = got->next;
    }
    return out;
  }

  OrgId org_;
  OrgId other_;
};

TEST_P(AuditRead, FiltersByEntityAndObjectWithinTheOrgOnly) {
  core::Tool a = tool(org_, "Übersetzungshilfe");
  tool(org_, "Transkription");
  core::Tool foreign = tool(other_, "Fremdes Werkzeug");
  ASSERT_OK(store_->tools().create_red_line(org_, "Kein Training mit unseren Daten", actor_));
  User u = make_user("m@example.org");
  ASSERT_OK(store_->orgs().add_member(org_, u.id, Role::kMember, actor_));
  core::Tool edited = a;
  edited.purpose = "Briefe verständlich machen";
  ASSERT_OK(store_->tools().update_tool(org_, edited, a.version, actor_));

  const auto tools = all(org_, AuditFilter{{"tool"}, ""}, 200);
  ASSERT_EQ(tools.size(), 3u);  // two creations, one edit; newest first
  EXPECT_EQ(tools[0].action, "tool.update");
  for (const auto& e : tools) {
    EXPECT_EQ(e.org_id, org_);
    EXPECT_EQ(e.entity, "tool");
  }

  const auto of_a = all(org_, AuditFilter{{"tool"}, std::to_string(a.id.value)}, 200);
  ASSERT_EQ(of_a.size(), 2u);
  EXPECT_EQ(of_a[0].action, "tool.update");
  EXPECT_EQ(of_a[1].action, "tool.create");

  // Another org's tool is not "found" through this org, even by its exact id.
  EXPECT_TRUE(all(org_, AuditFilter{{"tool"}, std::to_string(foreign.id.value)}, 200).empty());
  EXPECT_EQ(all(other_, AuditFilter{{"tool"}, ""}, 200).size(), 1u);

  const auto people = all(org_, *audit_kind_filter("members"), 200);
  ASSERT_EQ(people.size(), 1u);
  EXPECT_EQ(people[0].action, "member.add");
  const auto settings_and_lines = all(org_, AuditFilter{{"red_line", "org"}, ""}, 200);
  ASSERT_EQ(settings_and_lines.size(), 2u);  // red_line.create, org.create
  EXPECT_EQ(settings_and_lines[0].action, "red_line.create");
  EXPECT_EQ(settings_and_lines[1].action, "org.create");
  EXPECT_TRUE(all(org_, AuditFilter{{"no_such_entity"}, ""}, 200).empty());
}

TEST_P(AuditRead, FilteredPagesWalkEveryRowOnce) {
  for (int i = 0; i < 7; ++i) {
    tool(org_, "Werkzeug " + std::to_string(i));
    tool(other_, "Anderes " + std::to_string(i));
    ASSERT_OK(store_->tools().create_red_line(org_, "Linie " + std::to_string(i), actor_));
  }
  const auto paged = all(org_, AuditFilter{{"tool"}, ""}, 3);
  ASSERT_EQ(paged.size(), 7u);
  std::set<std::int64_t> ids;
  for (const auto& e : paged) ids.insert(e.id);
  EXPECT_EQ(ids.size(), 7u);
  for (std::size_t i = 1; i < paged.size(); ++i) EXPECT_GT(paged[i - 1].id, paged[i].id);
  EXPECT_ERR(store_->audit().audit_log(org_, AuditFilter{{"tool"}, ""}, PageRequest{3, "-4"}),
             kInvalidInput);

  auto trail = audit_trail(store_->audit(), org_, AuditFilter{{"tool"}, ""});
  ASSERT_OK(trail);
  ASSERT_EQ(trail->size(), 7u);
  EXPECT_LT(trail->front().id, trail->back().id);  // oldest first
}

TEST_P(AuditRead, ToolEditsRecordTheChangedFields) {
  core::Tool t = tool(org_, "Übersetzungshilfe");
  core::Tool edited = t;
  edited.vendor = "Beispiel gGmbH";
  edited.cost = "0 €";
  auto saved = store_->tools().update_tool(org_, edited, t.version, actor_);
  ASSERT_OK(saved);
  auto page = store_->audit().audit_log(org_, AuditFilter{{"tool"}, std::to_string(t.id.value)},
                                PageRequest{1, ""});
  ASSERT_OK(page);
  ASSERT_EQ(page->items.size(), 1u);
  const AuditFacts facts = audit_facts(page->items[0]);
  EXPECT_EQ(facts.kind, "tools");
  EXPECT_EQ(facts.object_name, "Übersetzungshilfe");
  EXPECT_EQ(facts.changed, (std::vector<std::string>{"vendor", "cost"}));
}

INSTANTIATE_TEST_SUITE_P(sqlite, AuditRead, ::testing::Values("sqlite"),
                         [](const auto& info) { return info.param; });
INSTANTIATE_TEST_SUITE_P(postgresql, AuditRead, ::testing::Values("postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace solipraxis::store::testing
