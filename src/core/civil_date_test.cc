#include "core/civil_date.h"

#include <gtest/gtest.h>

namespace solipraxis::core {
namespace {

Date d(const char* s) {
  auto r = Date::parse(s);
  EXPECT_TRUE(r.has_value()) << s;
  return r.has_value() ? *r : Date{};
}

TEST(CivilDateTest, ParsesAndFormats) {
  EXPECT_EQ(d("1970-01-01").days(), 0);
  EXPECT_EQ(d("2026-01-01").days(), 20454);
  EXPECT_EQ(d("2024-02-29").str(), "2024-02-29");
  const Date x = d("2026-11-25");
  EXPECT_EQ(x.year(), 2026);
  EXPECT_EQ(x.month(), 11u);
  EXPECT_EQ(x.day(), 25u);
}

TEST(CivilDateTest, RejectsMalformedDates) {
  for (const char* bad : {"", "2026-1-01", "26-01-01", "2026/01/01", "2026-01-01T00:00",
                          "abcd-ef-gh", "0999-01-01", "2026-01-+1", " 2026-01-01"}) {
    auto r = Date::parse(bad);
    ASSERT_FALSE(r.has_value()) << bad;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidInput);
    EXPECT_EQ(r.error().key, "error.date_invalid") << bad;
  }
}

// A well-formed date that is not in the calendar says so, not "wrong format".
TEST(CivilDateTest, ImpossibleDaysSayTheDayDoesNotExist) {
  for (const char* bad : {"2026-02-30", "2026-13-01", "2026-02-29", "2026-00-10", "2026-04-31"}) {
    auto r = Date::parse(bad);
    ASSERT_FALSE(r.has_value()) << bad;
    EXPECT_EQ(r.error().key, "error.date_no_such_day") << bad;
  }
}

TEST(CivilDateTest, ParseTypedAcceptsGermanAndIsoForms) {
  for (const char* good : {"30.06.2026", "30.6.2026", " 30.06.2026 ", "2026-06-30"}) {
    auto r = Date::parse_typed(good);
    ASSERT_TRUE(r.has_value()) << good;
    EXPECT_EQ(r->str(), "2026-06-30") << good;
  }
  EXPECT_EQ(Date::parse_typed("1.2.2028")->str(), "2028-02-01");
  EXPECT_EQ(Date::parse_typed("29.02.2028")->dotted(), "29.02.2028");
}

TEST(CivilDateTest, ParseTypedNamesTheReason) {
  const std::pair<const char*, const char*> cases[] = {
      {"30.02.2026", "error.date_no_such_day"}, {"2026-02-30", "error.date_no_such_day"},
      {"31.04.2026", "error.date_no_such_day"}, {"29.02.2026", "error.date_no_such_day"},
      {"01.13.2026", "error.date_no_such_day"}, {"00.01.2026", "error.date_no_such_day"},
      {"31.04.", "error.date_no_year"},         {"31.04", "error.date_no_year"},
      {"30.06.26", "error.date_invalid"},       {"30/06/2026", "error.date_invalid"},
      {"morgen", "error.date_invalid"},         {"30..2026", "error.date_invalid"},
      {"123.06.2026", "error.date_invalid"},    {".06.2026", "error.date_invalid"},
      {"30.06.2026x", "error.date_invalid"},    {"30.06.20261", "error.date_invalid"},
  };
  for (const auto& [text, key] : cases) {
    auto r = Date::parse_typed(text);
    ASSERT_FALSE(r.has_value()) << text;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidInput) << text;
    EXPECT_EQ(r.error().key, key) << text;
  }
}

TEST(CivilDateTest, FromUnixUsesTheUtcDay) {
  EXPECT_EQ(Date::from_unix(1'767'225'600).str(), "2026-01-01");
  EXPECT_EQ(Date::from_unix(1'767'225'600 + 86399).str(), "2026-01-01");
  EXPECT_EQ(Date::from_unix(-1).str(), "1969-12-31");
  FakeClock clock(1'767'225'600);
  EXPECT_EQ(Date::today(clock), d("2026-01-01"));
  EXPECT_EQ(d("2026-01-01").start_unix(), 1'767'225'600);
}

TEST(CivilDateTest, AddMonthsClampsToMonthEnd) {
  EXPECT_EQ(d("2026-01-31").add_months(1).str(), "2026-02-28");
  EXPECT_EQ(d("2024-01-31").add_months(1).str(), "2024-02-29");
  EXPECT_EQ(d("2026-08-31").add_months(6).str(), "2027-02-28");
  EXPECT_EQ(d("2026-05-15").add_months(6).str(), "2026-11-15");
  EXPECT_EQ(d("2026-03-15").add_months(-3).str(), "2025-12-15");
  EXPECT_EQ(d("2026-12-01").add_months(36).str(), "2029-12-01");
}

TEST(CivilDateTest, ComparesAndSubtracts) {
  EXPECT_LT(d("2026-01-01"), d("2026-01-02"));
  EXPECT_EQ(d("2026-03-01") - d("2026-02-01"), 28);
  EXPECT_EQ(d("2026-02-28").add_days(1), d("2026-03-01"));
}

}  // namespace
TEST(CivilDateTest, UtcTimestampIsIso8601ToTheSecond) {
  EXPECT_EQ(utc_timestamp(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(utc_timestamp(1'767'225'600 + 9 * 3600 + 5 * 60 + 7), "2026-01-01T09:05:07Z");
  EXPECT_EQ(utc_timestamp(-1), "1969-12-31T23:59:59Z");
}

}  // namespace solipraxis::core
