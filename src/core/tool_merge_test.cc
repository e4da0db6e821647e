#include "core/tool_merge.h"

#include <gtest/gtest.h>

namespace solipraxis::core {
namespace {

using Names = std::vector<std::string>;

Tool base_tool() {
  Tool t;
  t.id = ToolId(7);
  t.name = "Übersetzung";
  t.purpose = "Briefe";
  t.contact = "Ada";
  t.version = 3;
  return t;
}

TEST(ToolMergeTest, TakesTheColleaguesFieldsAndKeepsMine) {
  const Tool base = base_tool();
  Tool mine = base;
  mine.purpose = "Briefe verständlich machen";
  Tool theirs = base;
  theirs.contact = "Grace";
  theirs.hosting = Hosting::kEuCloud;
  theirs.version = 4;
  const ToolMerge m = merge_tools(base, mine, theirs);
  EXPECT_TRUE(m.plan.clean());
  EXPECT_EQ(m.plan.mine, Names{"purpose"});
  EXPECT_EQ(m.plan.theirs, (Names{"hosting", "contact"}));
  EXPECT_EQ(m.merged.purpose, "Briefe verständlich machen");
  EXPECT_EQ(m.merged.contact, "Grace");
  EXPECT_EQ(m.merged.hosting, Hosting::kEuCloud);
  EXPECT_EQ(m.merged.version, 4) << "the merge is saved against the colleague's version";
}

TEST(ToolMergeTest, BothChangedDifferentlyIsAConflictHoldingMyValue) {
  const Tool base = base_tool();
  Tool mine = base;
  mine.name = "DeepL";
  mine.next_review = Date::from_ymd(2027, 1, 15).value();
  Tool theirs = base;
  theirs.name = "DeepL Pro";
  theirs.next_review = Date::from_ymd(2027, 3, 1).value();
  const ToolMerge m = merge_tools(base, mine, theirs);
  EXPECT_FALSE(m.plan.clean());
  EXPECT_EQ(m.plan.conflicts, (Names{"name", "next_review"}));
  EXPECT_TRUE(m.plan.theirs.empty());
  EXPECT_EQ(m.merged.name, "DeepL");
  EXPECT_EQ(m.merged.next_review->str(), "2027-01-15");
}

TEST(ToolMergeTest, TheSameChangeOnBothSidesNeedsNoDecision) {
  const Tool base = base_tool();
  Tool mine = base;
  mine.is_public = true;
  mine.links = {"https://example.org"};
  Tool theirs = mine;
  const ToolMerge m = merge_tools(base, mine, theirs);
  EXPECT_TRUE(m.plan.clean());
  EXPECT_TRUE(m.plan.mine.empty());
  EXPECT_TRUE(m.plan.theirs.empty());
  EXPECT_TRUE(m.merged.is_public);
}

TEST(ToolMergeTest, AClearedFieldIsAChangeToo) {
  const Tool base = base_tool();
  Tool mine = base;
  mine.contact.clear();  // the person removed the contact on purpose
  Tool theirs = base;
  theirs.personal_data = DataAnswer::kNo;
  const ToolMerge m = merge_tools(base, mine, theirs);
  EXPECT_EQ(m.plan.mine, Names{"contact"});
  EXPECT_EQ(m.plan.theirs, Names{"personal_data"});
  EXPECT_EQ(m.merged.contact, "");
  EXPECT_EQ(m.merged.personal_data, DataAnswer::kNo);
}

TEST(ToolMergeTest, PlanOverTextValuesTreatsMissingAsEmpty) {
  const Names names{"a", "b", "c", "d", "e"};
  const FieldValues base{{"a", "1"}, {"b", "1"}, {"c", "1"}, {"d", "1"}};
  const FieldValues mine{{"a", "2"}, {"b", "1"}, {"c", "2"}, {"d", "3"}, {"e", ""}};
  const FieldValues theirs{{"a", "1"}, {"b", "2"}, {"c", "2"}, {"d", "4"}, {"e", "x"}};
  const MergePlan p = plan_merge(names, base, mine, theirs);
  EXPECT_EQ(p.mine, Names{"a"});
  EXPECT_EQ(p.theirs, (Names{"b", "e"}));
  EXPECT_EQ(p.conflicts, Names{"d"});
}

}  // namespace
}  // namespace solipraxis::core
