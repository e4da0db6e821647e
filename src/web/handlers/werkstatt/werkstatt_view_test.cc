#include "web/handlers/werkstatt/werkstatt_view.h"

#include <gtest/gtest.h>

namespace solipraxis::web::handlers {
namespace {

text::Finding finding(std::uint32_t start, std::uint32_t end, std::string_view rule,
                      std::vector<std::string> suggestions = {}) {
  text::Finding f;
  f.start = start;
  f.end = end;
  f.rule = rule;
  f.suggestions = std::move(suggestions);
  return f;
}

// "text|mark kind|refs" per segment, for compact expectations.
std::vector<std::string> describe(const mstch::array& segments) {
  std::vector<std::string> out;
  for (const auto& node : segments) {
    const auto& m = boost::get<mstch::map>(node);
    std::string d = boost::get<std::string>(m.at("text"));
    if (boost::get<bool>(m.at("mark"))) d += "|" + boost::get<std::string>(m.at("kind"));
    for (const auto& r : boost::get<mstch::array>(m.at("refs")))
      d += "#" + boost::get<std::string>(boost::get<mstch::map>(r).at("n"));
    out.push_back(d);
  }
  return out;
}

TEST(WerkstattView, SegmentsCoverTheTextAndNumberEachFindingWhereItEnds) {
  //                  0123456789012345678
  const std::string s = "Die Lehrer kommen.";
  auto seg = marked_segments(s, {finding(4, 10, "inclusive.generic-masculine")});
  EXPECT_EQ(describe(seg), (std::vector<std::string>{"Die ", "Lehrer|inclusive#1", " kommen."}));
}

TEST(WerkstattView, OverlappingFindingsNestAndInclusiveWinsTheStyle) {
  const std::string s = "Die Lehrer kommen heute.";
  // A sentence-long plain finding around an inclusive one, and a prompt finding at the end.
  auto seg = marked_segments(s, {finding(0, 24, "plain.sentence-length"),
                                 finding(4, 10, "inclusive.generic-masculine"),
                                 finding(24, 24, "context.missing-role")});
  EXPECT_EQ(describe(seg), (std::vector<std::string>{"Die |plain", "Lehrer|inclusive#2",
                                                     " kommen heute.|plain#1#3"}));
  std::string joined;
  for (const auto& node : seg) joined += boost::get<std::string>(boost::get<mstch::map>(node).at("text"));
  EXPECT_EQ(joined, s) << "nothing lost, nothing doubled";
}

TEST(WerkstattView, AnEmptyTextWithAPromptFindingStillShowsItsNumber) {
  auto seg = marked_segments("", {finding(0, 0, "context.missing-role")});
  EXPECT_EQ(describe(seg), (std::vector<std::string>{"#1"}));
}

TEST(WerkstattView, ParseApplyTakesOnlyStartEndIndex) {
  auto c = parse_apply("4-10-2");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->start, 4u);
  EXPECT_EQ(c->end, 10u);
  EXPECT_EQ(c->index, 2u);
  for (const char* bad : {"", "4-10", "4-10-", "10-4-0", "a-b-c", "4-10-2-1", "-1-2-3", "4-10-2x",
                          "99999999999-1-0"}) {
    EXPECT_FALSE(parse_apply(bad)) << bad;
  }
}

TEST(WerkstattView, ApplyReplacesTheSpanOrAddsASentence) {
  const std::string s = "Die Lehrer kommen.";
  EXPECT_EQ(apply_suggestion(s, finding(4, 10, "x", {"Lehrer:innen", "Lehrkräfte"}), 1),
            "Die Lehrkräfte kommen.");
  EXPECT_EQ(apply_suggestion(s, finding(18, 18, "context.missing-role", {"Wir sind ein Verein."}), 0),
            "Die Lehrer kommen. Wir sind ein Verein.");
  EXPECT_EQ(apply_suggestion("Schreibe", finding(8, 8, "c", {"Satz."}), 0), "Schreibe\nSatz.");
  EXPECT_EQ(apply_suggestion("", finding(0, 0, "c", {"Satz."}), 0), "Satz.");
}

}  // namespace
}  // namespace solipraxis::web::handlers
