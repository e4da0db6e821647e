// The organisation's calendar: which zone ids exist (ICU's zone database) and
// which day it is in a zone. The store checks dates ("not before today") on
// the org's day, not the UTC day, so a decision typed at 00:30 in Berlin is
// not "after today"; pages read the same day through these functions.
#pragma once

#include <string_view>

#include "core/civil_date.h"
#include "core/clock.h"

namespace solipraxis::store {

// An id ICU knows as a zone (canonical or an alias such as "Europe/Kiev");
// "Etc/Unknown", "" and anything else is false.
bool is_time_zone(std::string_view id);

// The offset of `zone` from UTC at `t` in seconds, daylight saving included;
// 0 for an unknown zone (it reads as UTC).
int utc_offset(core::UnixTime t, std::string_view zone);

// The calendar day at `t` in `zone`.
core::Date local_date(core::UnixTime t, std::string_view zone);

// Today in `zone` by `clock`: what "today" means for an org.
inline core::Date today_in(const core::Clock& clock, std::string_view zone) {
  return local_date(clock.now(), zone);
}

}  // namespace solipraxis::store
