// Wall-clock time in an organisation's time zone (IANA ids such as
// "Europe/Berlin"), read from ICU's zone database: GCC 12's libstdc++ has no
// std::chrono time-zone support, and setenv("TZ") + localtime would race
// between the server's threads. Pages show times people read in their own
// zone; the API and the audit's machine fields stay in UTC.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.h"
#include "core/clock.h"
#include "store/time_zone.h"

namespace solipraxis::web {

// Whether a zone id exists and which day it is there: store/time_zone.h.
using store::is_time_zone;
using store::today_in;

// The zone ids people choose from: every canonical location zone, sorted.
const std::vector<std::string>& time_zone_choices();

// The same choices grouped for a select that works on a phone and with a
// screen reader: one region per group ("Europe", "America", ...), Europe first
// (nearly every org is there), then the others by id; inside a region the
// zones by the city as people reading `lang` name it ("Wien", "Zürich").
struct ZoneChoice {
  std::string id;    // "Europe/Vienna"
  std::string city;  // "Wien" in German, "Vienna" in English
};
struct ZoneRegion {
  std::string region;  // the id's first part: "Europe"
  std::vector<ZoneChoice> zones;
};
const std::vector<ZoneRegion>& time_zone_regions(std::string_view lang);

struct LocalTime {
  core::Date date;
  int hour = 0;
  int minute = 0;
  int second = 0;
  int offset_seconds = 0;  // from UTC at that instant, daylight saving included
};

// The wall-clock time of `t` in `zone`; an unknown zone reads as UTC.
LocalTime local_time(core::UnixTime t, std::string_view zone);

// "UTC", "UTC+1", "UTC+2", "UTC+5:30", "UTC-3".
std::string offset_label(int offset_seconds);

// The day as people reading `lang` write it: German "30.03.2026", else "2026-03-30";
// for an instant, its day in `zone`.
std::string readable_date(core::Date date, std::string_view lang);
std::string readable_date(core::UnixTime t, std::string_view zone, std::string_view lang);

// `t` as people read it, with its offset so nobody has to guess:
// German "30.03.2026, 14:05 (UTC+2)", English "2026-03-30, 14:05 (UTC+2)".
std::string readable_time(core::UnixTime t, std::string_view zone, std::string_view lang);

}  // namespace solipraxis::web
