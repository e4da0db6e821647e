#include "core/red_line.h"

#include <gtest/gtest.h>

namespace solipraxis::core {
namespace {

std::vector<RedLine> lines() {
  RedLine a;
  a.id = RedLineId(1);
  a.text = "Kein Tool, das mit unseren Beratungsgesprächen trainiert.";
  RedLine b;
  b.id = RedLineId(2);
  b.text = "Keine automatisierten Entscheidungen über Menschen.";
  RedLine old;
  old.id = RedLineId(3);
  old.text = "Früher: nur Anbieter in der EU.";
  old.active = false;
  return {a, b, old};
}

TEST(RedLineTest, PilotAndInUseNeedEveryActiveLineConfirmed) {
  for (Phase to : {Phase::kPilot, Phase::kInUse}) {
    auto refused = check_red_lines(to, lines(), {RedLineId(1)});
    ASSERT_FALSE(refused.has_value());
    EXPECT_EQ(refused.error().code, ErrorCode::kConflict);
    EXPECT_EQ(refused.error().key, "tools.error.red_line_unconfirmed");
    EXPECT_NE(refused.error().detail.find("Keine automatisierten Entscheidungen"),
              std::string::npos)
        << "the message names the red line";

    auto none = check_red_lines(to, lines(), {});
    ASSERT_FALSE(none.has_value());
    EXPECT_NE(none.error().detail.find("Beratungsgesprächen"), std::string::npos);

    // The inactive line need not be confirmed.
    auto ok = check_red_lines(to, lines(), {RedLineId(2), RedLineId(1)});
    ASSERT_TRUE(ok.has_value());
    ASSERT_EQ(ok->size(), 2u);
    EXPECT_EQ((*ok)[0].red_line, RedLineId(1));
    EXPECT_EQ((*ok)[0].text, lines()[0].text);
    EXPECT_EQ((*ok)[1].red_line, RedLineId(2));
  }
}

TEST(RedLineTest, OtherTargetsPassAndRecordNothing) {
  for (Phase to : {Phase::kIdea, Phase::kSelection, Phase::kEvaluation, Phase::kRetired,
                   Phase::kRejected}) {
    auto ok = check_red_lines(to, lines(), {});
    ASSERT_TRUE(ok.has_value()) << phase_name(to);
    EXPECT_TRUE(ok->empty());
  }
}

TEST(RedLineTest, NoRedLinesMeansNothingToConfirm) {
  auto ok = check_red_lines(Phase::kInUse, {}, {});
  ASSERT_TRUE(ok.has_value());
  EXPECT_TRUE(ok->empty());
}

TEST(RedLineTest, UnknownIdIsInvalidInput) {
  auto bad = check_red_lines(Phase::kPilot, lines(), {RedLineId(1), RedLineId(2), RedLineId(99)});
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(bad.error().key, "tools.error.red_line_unknown");
}

TEST(RedLineTest, UnconfirmedListsActiveMissingLinesInOrder) {
  auto missing = unconfirmed_red_lines(lines(), {RedLineId(3)});
  ASSERT_EQ(missing.size(), 2u);
  EXPECT_EQ(missing[0].id, RedLineId(1));
  EXPECT_EQ(missing[1].id, RedLineId(2));
}

TEST(RedLineTest, TextIsRequiredAndBounded) {
  RedLine l;
  l.text = "  ";
  auto st = validate_red_line(l);
  ASSERT_FALSE(st.has_value());
  EXPECT_EQ(st.error().key, "tools.error.red_line_text_required");
  l.text = std::string(501, 'x');
  EXPECT_EQ(validate_red_line(l).error().key, "tools.error.field_too_long");
  l.text = std::string(500, 'x');
  EXPECT_TRUE(validate_red_line(l).has_value());
}

}  // namespace
}  // namespace solipraxis::core
