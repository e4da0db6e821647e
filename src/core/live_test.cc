#include "core/live.h"

#include <gtest/gtest.h>

namespace solipraxis::core {
namespace {

LiveStep step(std::string title, std::int64_t seconds = 600) {
  return LiveStep{"", std::move(title), {"Was läuft gut?"}, {{"c1", "Was läuft gut?"}}, seconds};
}

TEST(LiveTimer, ALateJoinerSeesTheSameRemainingTimeOnServerTime) {
  const StepTimer t = start_timer(900, 1000);
  EXPECT_EQ(remaining_seconds(t, 1000), 900);
  EXPECT_EQ(remaining_seconds(t, 1300), 600) << "five minutes later, for everyone";
  EXPECT_EQ(remaining_seconds(t, 2000), -100) << "over time shows as negative";
}

TEST(LiveTimer, APauseStopsTheClockAndResumeContinuesWhereItStopped) {
  StepTimer t = start_timer(600, 0);
  t = pause_timer(t, 100);
  EXPECT_EQ(remaining_seconds(t, 100), 500);
  EXPECT_EQ(remaining_seconds(t, 400), 500) << "paused: the clock stands";
  EXPECT_EQ(remaining_seconds(pause_timer(t, 450), 450), 500) << "pausing twice changes nothing";
  t = resume_timer(t, 400);
  EXPECT_EQ(remaining_seconds(t, 400), 500);
  EXPECT_EQ(remaining_seconds(t, 500), 400);
  EXPECT_EQ(remaining_seconds(resume_timer(t, 600), 600), 300) << "resuming twice changes nothing";
}

TEST(LiveTimer, ExtendAddsTimeAndNeverTakesBackTimeAlreadySpent) {
  StepTimer t = start_timer(300, 0);
  t = extend_timer(t, 120, 100);
  EXPECT_EQ(t.duration, 420);
  EXPECT_EQ(remaining_seconds(t, 100), 320);
  t = extend_timer(t, -1000, 200);
  EXPECT_EQ(t.duration, 200) << "cut back to now at most";
  EXPECT_EQ(remaining_seconds(t, 200), 0);
  EXPECT_EQ(extend_timer(start_timer(10, 0), kMaxStepSeconds, 0).duration, kMaxStepSeconds);
  EXPECT_EQ(remaining_seconds(start_timer(0, 0), 5000), 0) << "no countdown at all";
}

TEST(LiveJoinCode, WhatPeopleTypeIsReadAsTheCode) {
  EXPECT_EQ(normalize_join_code("abcd-efgh"), "ABCDEFGH");
  EXPECT_EQ(normalize_join_code(" AB CD EF GH "), "ABCDEFGH");
  EXPECT_EQ(normalize_join_code("2345.6789"), "23456789");
  EXPECT_EQ(normalize_join_code("ABCDEFG"), std::nullopt) << "too short";
  EXPECT_EQ(normalize_join_code("ABCDEFGHJ"), std::nullopt) << "too long";
  EXPECT_EQ(normalize_join_code("ABCDEFGO"), std::nullopt) << "O is not in the alphabet";
  EXPECT_EQ(normalize_join_code("ABCDEFG1"), std::nullopt) << "1 is not in the alphabet";
  EXPECT_EQ(normalize_join_code("ABCDEFGÄ"), std::nullopt);
  EXPECT_EQ(display_join_code("ABCDEFGH"), "ABCD-EFGH");
  for (char c : std::string("0O1ILUV")) {
    EXPECT_EQ(kJoinAlphabet.find(c), std::string_view::npos) << c << " is easy to misread";
  }
}

TEST(LiveSteps, EveryProblemIsNamedWithItsStep) {
  EXPECT_TRUE(validate_steps({step("Einstieg"), step("Ausblick", 0)}).empty());
  EXPECT_EQ(validate_steps({}).front().error.key, "live.error.no_steps");
  LiveStep blank = step("  ");
  LiveStep no_columns = step("Check-in");
  no_columns.columns.clear();
  LiveStep twice = step("Fokus");
  twice.columns.push_back({"c1", "Noch einmal"});
  LiveStep too_long = step("Lang", kMaxStepSeconds + 1);
  const auto errors = validate_steps({blank, no_columns, twice, too_long});
  ASSERT_EQ(errors.size(), 4u);
  EXPECT_EQ(errors[0].field, "steps.0.title");
  EXPECT_EQ(errors[0].error.key, "live.error.title_required");
  EXPECT_EQ(errors[1].error.key, "live.error.no_columns");
  EXPECT_EQ(errors[2].field, "steps.2.columns.1.id");
  EXPECT_EQ(errors[2].error.key, "live.error.duplicate_column");
  EXPECT_EQ(errors[3].error.key, "live.error.duration_invalid");
  EXPECT_EQ(check_steps({blank}).error().key, "live.error.steps_invalid");
  EXPECT_EQ(validate_steps(std::vector<LiveStep>(kMaxLiveSteps + 1, step("x"))).front().error.key,
            "live.error.too_many_steps");
}

TEST(LiveCards, ACardIsOneToTwoThousandCharacters) {
  EXPECT_TRUE(validate_card_text("Die Übersetzung spart Zeit.").has_value());
  EXPECT_EQ(validate_card_text("   ").error().key, "live.error.card_required");
  EXPECT_TRUE(validate_card_text(std::string(kMaxCardChars / 2, 'a') + std::string(kMaxCardChars / 2, 'b')).has_value());
  std::string umlauts;
  for (std::size_t i = 0; i < kMaxCardChars; ++i) umlauts += "ä";
  EXPECT_TRUE(validate_card_text(umlauts).has_value()) << "code points, not bytes";
  EXPECT_EQ(validate_card_text(umlauts + "a").error().key, "live.error.card_too_long");
  EXPECT_EQ(validate_card_text("a\x01").error().key, "live.error.card_invalid");
  EXPECT_EQ(validate_card_text("\xff").error().key, "live.error.card_invalid");
  EXPECT_TRUE(validate_card_text("Zeile 1\nZeile 2").has_value());
}

TEST(LiveVotes, TheBudgetCountsDots) {
  EXPECT_TRUE(check_vote(0, 3).has_value());
  EXPECT_TRUE(check_vote(2, 3).has_value());
  EXPECT_EQ(check_vote(3, 3).error().key, "live.error.budget_spent");
  EXPECT_EQ(check_vote_budget(0).error().key, "live.error.budget_invalid");
  EXPECT_TRUE(check_vote_budget(kDefaultVoteBudget).has_value());
  EXPECT_FALSE(check_vote_budget(kMaxVoteBudget + 1).has_value());
  EXPECT_EQ(validate_display_name("Ada\nLovelace").error().key, "tools.error.single_line");
  EXPECT_EQ(parse_live_kind("retro").value(), LiveKind::kRetro);
  EXPECT_FALSE(parse_live_kind("party").has_value());
}

}  // namespace
}  // namespace solipraxis::core
