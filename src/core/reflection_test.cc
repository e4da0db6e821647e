#include "core/reflection.h"

#include <gtest/gtest.h>

namespace solipraxis::core {
namespace {

TEST(Reflection, AnswersUpToTwentyThousandCharactersAreValid) {
  std::string longest;
  for (std::size_t i = 0; i < kMaxAnswerChars; ++i) longest += "ü";  // code points, not bytes
  EXPECT_TRUE(validate_answers({{"p.1", longest}, {"p.2", "Zeile\nZeile\tTab"}}));
  auto too_long = validate_answers({{"p.1", "ok"}, {"p.2", longest + "x"}});
  ASSERT_FALSE(too_long);
  EXPECT_EQ(too_long.error().key, "reflections.error.answer_too_long");
  EXPECT_EQ(too_long.error().detail.rfind("p.2:", 0), 0u) << "names the prompt";
  EXPECT_EQ(validate_answers({{"p.1", std::string("\xff")}}).error().key,
            "reflections.error.text_invalid");
  EXPECT_EQ(validate_answers({{"p.1", std::string("a\x01")}}).error().key,
            "reflections.error.text_invalid");
}

TEST(Reflection, StageTwoOpensFollowUpDaysAfterStageOne) {
  const UnixTime done = 1'767'225'600;
  const UnixTime opens = stage_two_opens_at(done, 7);
  EXPECT_EQ(opens, done + 7 * 86400);
  EXPECT_TRUE(check_stage_open(1, std::nullopt, done));
  EXPECT_EQ(check_stage_open(2, std::nullopt, done).error().key, "reflections.error.stage_one_open");
  auto early = check_stage_open(2, opens, opens - 1);
  ASSERT_FALSE(early);
  EXPECT_EQ(early.error().code, ErrorCode::kConflict);
  EXPECT_EQ(early.error().key, "reflections.error.stage_locked");
  EXPECT_EQ(early.error().detail, std::to_string(opens));
  EXPECT_TRUE(check_stage_open(2, opens, opens));
  EXPECT_EQ(check_stage_open(3, opens, opens).error().code, ErrorCode::kInvalidInput);
}

TEST(Reflection, AnonymousTimesAreDaysAndStageTwoNeverOpensEarlier) {
  const UnixTime midnight = 1'767'225'600;  // 2026-01-01T00:00:00Z
  EXPECT_EQ(anonymous_time(midnight), midnight);
  EXPECT_EQ(anonymous_time(midnight + 86399), midnight);
  EXPECT_EQ(anonymous_time(midnight + 86400), midnight + 86400);
  for (const UnixTime done : {midnight, midnight + 1, midnight + 86399}) {
    const UnixTime opens = anonymous_stage_two_opens_at(anonymous_time(done), 7);
    EXPECT_GE(opens, stage_two_opens_at(done, 7)) << done;
    EXPECT_LE(opens, stage_two_opens_at(done, 7) + 86400) << done;
    EXPECT_EQ(anonymous_time(opens), opens) << "a day, not a time";
  }
}

TEST(Reflection, AnonymousTeamViewNeedsThreeRespondents) {
  EXPECT_TRUE(check_team_view(false, 1)) << "named rounds show every answer";
  EXPECT_EQ(check_team_view(true, 2).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(check_team_view(true, 2).error().key, "reflections.error.too_few_answers");
  EXPECT_TRUE(check_team_view(true, 3));
}

TEST(Reflection, TallyCountsDistinctAnswersAndSkipsBlanks) {
  const auto counts = tally({"ja", "nein", " ja ", "", "  "});
  EXPECT_EQ(counts, (std::map<std::string, int>{{"ja", 2}, {"nein", 1}}));
}

}  // namespace
}  // namespace solipraxis::core
