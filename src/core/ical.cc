#include "core/ical.h"

#include <cstdio>

namespace solipraxis::core {

namespace {

constexpr std::size_t kMaxOctets = 75;

bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

std::string ical_date(Date d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d%02u%02u", d.year(), d.month(), d.day());
  return buf;
}

}  // namespace

std::string ical_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case ';':
        out += "\\;";
        break;
      case ',':
        out += "\\,";
        break;
      case '\r':
        if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        out += "\\n";
        break;
      case '\n':
        out += "\\n";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) break;  // other controls
        out += c;
    }
  }
  return out;
}

std::string ical_line(std::string_view name, std::string_view value) {
  const std::string line = std::string(name) + ":" + std::string(value);
  std::string out;
  std::size_t pos = 0;
  std::size_t budget = kMaxOctets;  // the first line has 75 octets, later ones 74 + the space
  while (line.size() - pos > budget) {
    std::size_t cut = pos + budget;
    while (cut > pos && is_continuation_byte(line[cut])) --cut;  // never split a code point
    if (cut == pos) cut = pos + budget;  // malformed UTF-8: still move on
    out.append(line, pos, cut - pos);
    out += "\r\n ";
    pos = cut;
    budget = kMaxOctets - 1;
  }
  out.append(line, pos, std::string::npos);
  out += "\r\n";
  return out;
}

std::string ical_unfold(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.substr(i, 2) == "\r\n" && i + 2 < text.size() &&
        (text[i + 2] == ' ' || text[i + 2] == '\t')) {
      i += 2;
      continue;
    }
    out += text[i];
  }
  return out;
}

std::string ical_utc(UnixTime t) {
  const Date d = Date::from_unix(t);
  const UnixTime secs = t - d.start_unix();
  char buf[32];
  std::snprintf(buf, sizeof buf, "%sT%02d%02d%02dZ", ical_date(d).c_str(),
                static_cast<int>(secs / 3600), static_cast<int>(secs / 60 % 60),
                static_cast<int>(secs % 60));
  return buf;
}

std::string calendar_text(const Calendar& calendar, UnixTime stamp) {
  std::string out;
  out += ical_line("BEGIN", "VCALENDAR");
  out += ical_line("VERSION", "2.0");
  out += ical_line("PRODID", ical_escape(calendar.prod_id));
  out += ical_line("CALSCALE", "GREGORIAN");
  out += ical_line("METHOD", "PUBLISH");
  if (!calendar.name.empty()) out += ical_line("X-WR-CALNAME", ical_escape(calendar.name));
  const std::string dtstamp = ical_utc(stamp);
  for (const CalendarEvent& e : calendar.events) {
    out += ical_line("BEGIN", "VEVENT");
    out += ical_line("UID", ical_escape(e.uid));
    out += ical_line("DTSTAMP", dtstamp);
    out += ical_line("DTSTART;VALUE=DATE", ical_date(e.date));
    // No DTEND: an all-day DTSTART alone lasts one day (RFC 5545 3.6.1), and
    // 9999-12-31 + 1 would not be a valid date.
    out += ical_line("SEQUENCE", std::to_string(e.sequence));
    out += ical_line("SUMMARY", ical_escape(e.summary));
    if (!e.description.empty()) out += ical_line("DESCRIPTION", ical_escape(e.description));
    if (!e.url.empty()) out += ical_line("URL", e.url);
    out += ical_line("TRANSP", "TRANSPARENT");
    out += ical_line("END", "VEVENT");
  }
  out += ical_line("END", "VCALENDAR");
  return out;
}

}  // namespace solipraxis::core
