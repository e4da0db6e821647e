#include "core/tool_diff.h"

#include <gtest/gtest.h>

namespace solipraxis::core {
namespace {

TEST(ToolDiffTest, NamesEveryChangedEditableFieldInFormOrder) {
  Tool a;
  a.name = "Übersetzung";
  a.purpose = "Briefe";
  Tool b = a;
  EXPECT_TRUE(changed_fields(a, b).empty());
  b.purpose = "Briefe verständlich machen";
  b.name = "Übersetzungshilfe";
  b.is_public = true;
  b.hosting = Hosting::kSelfHosted;
  b.links = {"https://example.org"};
  EXPECT_EQ(changed_fields(a, b),
            (std::vector<std::string>{"name", "purpose", "hosting", "links", "public"}));
}

TEST(ToolDiffTest, AnsweringThePersonalDataQuestionIsAChange) {
  Tool a;
  Tool b = a;
  b.personal_data = DataAnswer::kNo;
  EXPECT_EQ(changed_fields(a, b), std::vector<std::string>{"personal_data"});
  a.personal_data = DataAnswer::kYes;
  EXPECT_EQ(changed_fields(a, b), std::vector<std::string>{"personal_data"});
  a.personal_data = DataAnswer::kNo;
  EXPECT_TRUE(changed_fields(a, b).empty());
}

TEST(ToolDiffTest, IgnoresPhaseVersionAndTimes) {
  Tool a;
  Tool b = a;
  b.phase = Phase::kPilot;
  b.version = 7;
  b.updated_at = 99;
  EXPECT_TRUE(changed_fields(a, b).empty());
}

}  // namespace
}  // namespace solipraxis::core
