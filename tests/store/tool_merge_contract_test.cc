// Contract: a save conflict on a tool never overwrites a colleague, on every
// engine. Two sessions (two Store instances on one database) read the same
// version; the second save of that version is refused as stale with nothing
// written, and the three-way merge (core/tool_merge.h) of what the person
// started from, what they want and what is stored now saves both changes.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/tool_merge.h"
#include "store/store.h"
#include "store/tools.h"
#include "store_fixture.h"

namespace solipraxis::store::testing {
namespace {

class ToolMergeContract : public StoreContract {};

TEST_P(ToolMergeContract, TwoSessionsSaveTheSameVersionAndTheMergeKeepsBoth) {
  const OrgId org = make_org("verein").id;
  core::Tool t;
  t.name = "Übersetzung";
  t.purpose = "Briefe";
  t.cost = "0 Euro";
  auto created = store_->tools().create_tool(org, t, actor_);
  ASSERT_TRUE(created.has_value());
  auto second = open();
  ASSERT_TRUE(second.has_value()) << second.error().detail;
  Store& bea = **second;
  // Both read version 1.
  const core::Tool base = store_->tools().tool(org, created->id).value();
  core::Tool bea_edit = bea.tools().tool(org, created->id).value();
  bea_edit.cost = "5 Euro";
  bea_edit.hosting = core::Hosting::kSelfHosted;
  ASSERT_TRUE(bea.tools().update_tool(org, bea_edit, base.version, actor_).has_value());
  // Ada's save of version 1 is stale and writes nothing.
  core::Tool ada_edit = base;
  ada_edit.purpose = "Briefe erklären";
  auto stale = store_->tools().update_tool(org, ada_edit, base.version, actor_);
  ASSERT_FALSE(stale.has_value());
  EXPECT_EQ(stale.error().code, core::ErrorCode::kConflict);
  EXPECT_EQ(stale.error().key, "tools.error.stale_version");
  const core::Tool now = store_->tools().tool(org, created->id).value();
  EXPECT_EQ(now.purpose, "Briefe");
  EXPECT_EQ(now.cost, "5 Euro");
  // Merged against version 1 and saved against the current version.
  const core::ToolMerge merge = core::merge_tools(base, ada_edit, now);
  ASSERT_TRUE(merge.plan.clean());
  EXPECT_EQ(merge.plan.theirs, (std::vector<std::string>{"hosting", "cost"}));
  auto saved = store_->tools().update_tool(org, merge.merged, now.version, actor_);
  ASSERT_TRUE(saved.has_value()) << saved.error().detail;
  const core::Tool last = bea.tools().tool(org, created->id).value();
  EXPECT_EQ(last.purpose, "Briefe erklären");
  EXPECT_EQ(last.cost, "5 Euro");
  EXPECT_EQ(last.hosting, core::Hosting::kSelfHosted);
  EXPECT_EQ(last.version, 3);
  int updates = 0;
  for (const auto& e : audit(org)) updates += e.action == "tool.update";
  EXPECT_EQ(updates, 2) << "the stale save left no audit row";
}

INSTANTIATE_TEST_SUITE_P(sqlite, ToolMergeContract, ::testing::Values("sqlite"),
                         [](const auto& info) { return info.param; });
INSTANTIATE_TEST_SUITE_P(postgresql, ToolMergeContract, ::testing::Values("postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace solipraxis::store::testing
