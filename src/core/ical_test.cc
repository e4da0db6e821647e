#include "core/ical.h"

#include <gtest/gtest.h>

namespace solipraxis::core {
namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto end = text.find("\r\n", pos);
    EXPECT_NE(end, std::string::npos) << "every line ends in CRLF";
    if (end == std::string::npos) break;
    out.push_back(text.substr(pos, end - pos));
    pos = end + 2;
  }
  return out;
}

TEST(Ical, EscapesTextValues) {
  EXPECT_EQ(ical_escape("a,b;c\\d\ne\r\nf"), "a\\,b\\;c\\\\d\\ne\\nf");
  EXPECT_EQ(ical_escape(std::string("x\x01y\x7fz")), "xyz");
  EXPECT_EQ(ical_escape("Prüfung: Übersetzer"), "Prüfung: Übersetzer");
}

TEST(Ical, FoldsAt75OctetsWithoutSplittingUtf8) {
  std::string value;
  for (int i = 0; i < 60; ++i) value += "ü";  // 2 octets each
  const std::string folded = ical_line("SUMMARY", value);
  for (const auto& l : lines_of(folded)) EXPECT_LE(l.size(), 75u) << l;
  const auto lines = lines_of(folded);
  ASSERT_GT(lines.size(), 1u);
  for (std::size_t i = 1; i < lines.size(); ++i) {
    ASSERT_FALSE(lines[i].empty());
    EXPECT_EQ(lines[i][0], ' ');
    EXPECT_NE(static_cast<unsigned char>(lines[i][1]) & 0xC0, 0x80) << "no split code point";
  }
  EXPECT_EQ(ical_unfold(folded), "SUMMARY:" + value + "\r\n");
  // A line of exactly 75 octets stays one line.
  EXPECT_EQ(lines_of(ical_line("X", std::string(73, 'a'))).size(), 1u);
  EXPECT_EQ(lines_of(ical_line("X", std::string(74, 'a'))).size(), 2u);
}

TEST(Ical, CalendarHasTheRequiredProperties) {
  Calendar c{"-//solipraxis//Reviews//EN", "Verein, Reviews", {}};
  c.events.push_back({"tool-7-review@verein", *Date::parse("2026-03-01"), "Review: Chat; Bot",
                      "Pilot", "https://example.org/o/verein/tools/7", 3});
  const std::string text = calendar_text(c, 1'767'225'600 + 3661);
  const auto lines = lines_of(text);
  ASSERT_GE(lines.size(), 10u);
  EXPECT_EQ(lines.front(), "BEGIN:VCALENDAR");
  EXPECT_EQ(lines.back(), "END:VCALENDAR");
  const std::string u = ical_unfold(text);
  for (const char* want :
       {"VERSION:2.0\r\n", "PRODID:-//solipraxis//Reviews//EN\r\n",
        "X-WR-CALNAME:Verein\\, Reviews\r\n", "BEGIN:VEVENT\r\n", "UID:tool-7-review@verein\r\n",
        "DTSTAMP:20260101T010101Z\r\n", "DTSTART;VALUE=DATE:20260301\r\n",
        "SEQUENCE:3\r\n", "SUMMARY:Review: Chat\\; Bot\r\n",
        "URL:https://example.org/o/verein/tools/7\r\n", "END:VEVENT\r\n"}) {
    EXPECT_NE(u.find(want), std::string::npos) << want;
  }
  EXPECT_EQ(text.find('\n'), text.find("\r\n") + 1) << "no bare LF";
}

}  // namespace
}  // namespace solipraxis::core

namespace solipraxis::core {
namespace {

TEST(Ical, MalformedUtf8StillFoldsAndEnds) {
  const std::string value(200, '\x80');  // continuation bytes only
  const std::string line = ical_line("DESCRIPTION", value);
  EXPECT_EQ(ical_unfold(line), "DESCRIPTION:" + value + "\r\n");
}

}  // namespace
}  // namespace solipraxis::core
