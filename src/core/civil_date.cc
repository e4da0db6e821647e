#include "core/civil_date.h"

#include <chrono>
#include <cstdio>

namespace solipraxis::core {
namespace {

namespace chr = std::chrono;

chr::year_month_day to_ymd(std::int32_t days) {
  return chr::year_month_day{chr::sys_days{chr::days{days}}};
}

Error invalid_date(std::string_view text) {
  return make_error(ErrorCode::kInvalidInput, "error.date_invalid",
                    "not a date in the form YYYY-MM-DD or DD.MM.YYYY: '" +
                        std::string(text.substr(0, 40)) + "'");
}

Error no_such_day(std::string_view text) {
  return make_error(ErrorCode::kInvalidInput, "error.date_no_such_day",
                    "no such day in the calendar: '" + std::string(text.substr(0, 40)) + "'");
}

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool parse_digits(std::string_view s, int& out) {
  out = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    out = out * 10 + (c - '0');
  }
  return !s.empty();
}

}  // namespace

Result<Date> Date::from_ymd(int year, int month, int day) {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) {
    return make_error(ErrorCode::kInvalidInput, "error.date_invalid", "date out of range");
  }
  const chr::year_month_day ymd{chr::year{year}, chr::month{static_cast<unsigned>(month)},
                                chr::day{static_cast<unsigned>(day)}};
  if (!ymd.ok()) return make_error(ErrorCode::kInvalidInput, "error.date_invalid", "no such day");
  return Date(static_cast<std::int32_t>(chr::sys_days{ymd}.time_since_epoch().count()));
}

Result<Date> Date::parse(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return invalid_date(text);
  int y = 0, m = 0, d = 0;
  if (!parse_digits(text.substr(0, 4), y) || !parse_digits(text.substr(5, 2), m) ||
      !parse_digits(text.substr(8, 2), d)) {
    return invalid_date(text);
  }
  if (y < 1000) return invalid_date(text);
  auto date = from_ymd(y, m, d);
  if (!date) return no_such_day(text);
  return date;
}

Result<Date> Date::parse_typed(std::string_view raw) {
  const std::string_view text = trimmed(raw);
  if (text.find('-') != std::string_view::npos) return parse(text);
  // D.M.YYYY with one or two digits for day and month; "D.M." or "D.M" has no year.
  const auto first = text.find('.');
  const auto second = first == std::string_view::npos ? first : text.find('.', first + 1);
  if (first == std::string_view::npos || first == 0 || first > 2) return invalid_date(text);
  const std::string_view day = text.substr(0, first);
  const std::string_view month =
      text.substr(first + 1, second == std::string_view::npos ? second : second - first - 1);
  const std::string_view year =
      second == std::string_view::npos ? std::string_view() : text.substr(second + 1);
  int y = 0, m = 0, d = 0;
  if (month.empty() || month.size() > 2 || !parse_digits(day, d) || !parse_digits(month, m)) {
    return invalid_date(text);
  }
  if (year.empty()) {
    return make_error(ErrorCode::kInvalidInput, "error.date_no_year",
                      "day and month without a year: '" + std::string(text.substr(0, 40)) + "'");
  }
  if (year.size() != 4 || !parse_digits(year, y) || y < 1000) return invalid_date(text);
  auto date = from_ymd(y, m, d);
  if (!date) return no_such_day(text);
  return date;
}

Date Date::from_unix(UnixTime t) {
  // Floor division, so times before 1970 land on the right day too.
  UnixTime days = t / 86400;
  if (t % 86400 < 0) --days;
  return Date(static_cast<std::int32_t>(days));
}

int Date::year() const { return static_cast<int>(to_ymd(days_).year()); }
unsigned Date::month() const { return static_cast<unsigned>(to_ymd(days_).month()); }
unsigned Date::day() const { return static_cast<unsigned>(to_ymd(days_).day()); }

std::string Date::str() const {
  const auto ymd = to_ymd(days_);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

std::string Date::dotted() const {
  const auto ymd = to_ymd(days_);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02u.%02u.%04d", static_cast<unsigned>(ymd.day()),
                static_cast<unsigned>(ymd.month()), static_cast<int>(ymd.year()));
  return buf;
}

Date Date::add_months(int n) const {
  const auto ymd = to_ymd(days_);
  const auto target = chr::year_month{ymd.year(), ymd.month()} + chr::months{n};
  const auto last = chr::year_month_day_last{target.year(), chr::month_day_last{target.month()}};
  const auto day = ymd.day() > last.day() ? last.day() : ymd.day();
  const chr::year_month_day out{target.year(), target.month(), day};
  return Date(static_cast<std::int32_t>(chr::sys_days{out}.time_since_epoch().count()));
}

std::string utc_timestamp(UnixTime t) {
  const Date day = Date::from_unix(t);
  const UnixTime secs = t - day.start_unix();  // 0..86399, also before 1970
  char buf[16];
  std::snprintf(buf, sizeof buf, "T%02d:%02d:%02dZ", static_cast<int>(secs / 3600),
                static_cast<int>(secs / 60 % 60), static_cast<int>(secs % 60));
  return day.str() + buf;
}

}  // namespace solipraxis::core
