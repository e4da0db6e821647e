// A calendar day without time or zone ("YYYY-MM-DD"), as used for decision dates
// and review dates. Stored as days since 1970-01-01, so dates compare and subtract
// as integers; parsing accepts only valid proleptic Gregorian dates, years 1000-9999.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/result.h"

namespace solipraxis::core {

class Date {
 public:
  constexpr Date() = default;  // 1970-01-01
  static constexpr Date from_days(std::int32_t days_since_epoch) { return Date(days_since_epoch); }
  // Valid calendar date only; month is 1-12, day 1-31.
  static Result<Date> from_ymd(int year, int month, int day);
  // Strictly "YYYY-MM-DD" (the API's and the store's form). Error keys
  // (kInvalidInput): "error.date_invalid" when the text is not of that shape,
  // "error.date_no_such_day" when it is but the day does not exist (2026-02-30).
  static Result<Date> parse(std::string_view text);
  // What a person types into a date field: "TT.MM.JJJJ" (also "T.M.JJJJ") or
  // "JJJJ-MM-TT", spaces around ignored. Besides the two keys of parse():
  // "error.date_no_year" for a day and month without a year ("31.04.").
  // Never guesses: a two-digit year or any other shape is error.date_invalid.
  static Result<Date> parse_typed(std::string_view text);
  // The UTC calendar day a Unix time falls on (what "today" means for a Clock).
  static Date from_unix(UnixTime t);
  static Date today(const Clock& clock) { return from_unix(clock.now()); }

  std::int32_t days() const { return days_; }
  int year() const;
  unsigned month() const;
  unsigned day() const;
  std::string str() const;     // "YYYY-MM-DD"
  std::string dotted() const;  // "DD.MM.YYYY", as German readers write it

  Date add_days(std::int32_t n) const { return Date(days_ + n); }
  // Same day n months later; a day beyond the target month's end becomes its
  // last day (2026-01-31 + 1 month = 2026-02-28).
  Date add_months(int n) const;
  UnixTime start_unix() const { return static_cast<UnixTime>(days_) * 86400; }

  friend constexpr auto operator<=>(Date, Date) = default;
  friend constexpr std::int32_t operator-(Date a, Date b) { return a.days_ - b.days_; }

 private:
  constexpr explicit Date(std::int32_t days) : days_(days) {}
  std::int32_t days_ = 0;
};

// The Unix time as ISO 8601 in UTC, to the second: "2026-01-01T09:05:00Z".
std::string utc_timestamp(UnixTime t);

}  // namespace solipraxis::core
