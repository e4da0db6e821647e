// iCalendar (RFC 5545) text for calendar feeds: one VCALENDAR with all-day
// VEVENTs. Guarantees: CRLF line ends; content lines folded at 75 octets
// without splitting a UTF-8 sequence (continuations start with one space);
// TEXT values escaped (\\ \; \, \n) with other control characters dropped.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.h"
#include "core/clock.h"

namespace solipraxis::core {

struct CalendarEvent {
  std::string uid;          // globally unique and stable for the same event
  Date date;                // an all-day event on this day (DTSTART;VALUE=DATE)
  std::string summary;      // plain text
  std::string description;  // plain text, may be empty
  std::string url;          // absolute URL, may be empty
  int sequence = 0;         // revision; raise it when the event changes
};

struct Calendar {
  std::string prod_id;  // e.g. "-//solipraxis//Reviews//EN"
  std::string name;     // X-WR-CALNAME, shown by calendar apps
  std::vector<CalendarEvent> events;
};

// The whole VCALENDAR; `stamp` is DTSTAMP of every event (UTC).
std::string calendar_text(const Calendar& calendar, UnixTime stamp);

// One content line "NAME:value" (or "NAME;PARAM=x:value") folded, ending in CRLF.
std::string ical_line(std::string_view name, std::string_view value);
// A TEXT value: escapes backslash, semicolon, comma and newlines; drops other
// control characters.
std::string ical_escape(std::string_view text);
// Undoes folding (RFC 5545 3.1: a CRLF followed by one space or tab joins lines).
std::string ical_unfold(std::string_view text);
// "20260101T000000Z"
std::string ical_utc(UnixTime t);

}  // namespace solipraxis::core
