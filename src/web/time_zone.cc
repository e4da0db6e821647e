#include "web/time_zone.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>

#include <unicode/strenum.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>

namespace solipraxis::web {
namespace {

icu::UnicodeString ustr(std::string_view s) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

// The rules of a known zone, or null. Loaded once per thread and zone (at most
// the few hundred ids ICU knows): creating an icu::TimeZone reads ICU's zone
// data, and a tool page's history did that for every line (issue 20).
const icu::TimeZone* zone_rules(std::string_view zone) {
  thread_local std::map<std::string, std::unique_ptr<icu::TimeZone>, std::less<>> loaded;
  auto it = loaded.find(zone);
  if (it == loaded.end()) {
    if (!is_time_zone(zone)) return nullptr;
    std::unique_ptr<icu::TimeZone> tz(icu::TimeZone::createTimeZone(ustr(zone)));
    it = loaded.emplace(std::string(zone), std::move(tz)).first;
  }
  return it->second.get();
}

// The UTC offset of `zone` at `t` in seconds, or 0 for an unknown zone.
int offset_at(core::UnixTime t, std::string_view zone) {
  const icu::TimeZone* tz = zone_rules(zone);
  if (tz == nullptr) return 0;
  int32_t raw = 0, dst = 0;
  UErrorCode status = U_ZERO_ERROR;
  tz->getOffset(static_cast<UDate>(t) * 1000.0, false, raw, dst, status);
  if (U_FAILURE(status)) return 0;
  return (raw + dst) / 1000;
}

}  // namespace

bool is_time_zone(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  icu::UnicodeString canonical;
  UBool system = false;
  UErrorCode status = U_ZERO_ERROR;
  icu::TimeZone::getCanonicalID(ustr(id), canonical, system, status);
  return U_SUCCESS(status) && system && canonical != icu::UnicodeString(u"Etc/Unknown");
}

const std::vector<std::string>& time_zone_choices() {
  static const std::vector<std::string> zones = [] {
    std::vector<std::string> out;
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::StringEnumeration> ids(icu::TimeZone::createTimeZoneIDEnumeration(
        UCAL_ZONE_TYPE_CANONICAL_LOCATION, nullptr, nullptr, status));
    if (U_FAILURE(status) || !ids) return out;
    while (const char* id = ids->next(nullptr, status)) {
      if (U_FAILURE(status)) break;
      out.emplace_back(id);
    }
    std::sort(out.begin(), out.end());
    return out;
  }();
  return zones;
}

LocalTime local_time(core::UnixTime t, std::string_view zone) {
  const int offset = offset_at(t, zone);
  const core::UnixTime local = t + offset;
  const core::Date day = core::Date::from_unix(local);
  const core::UnixTime secs = local - day.start_unix();  // 0..86399
  return LocalTime{day, static_cast<int>(secs / 3600), static_cast<int>(secs / 60 % 60),
                   static_cast<int>(secs % 60), offset};
}

std::string offset_label(int offset_seconds) {
  if (offset_seconds == 0) return "UTC";
  const char sign = offset_seconds < 0 ? '-' : '+';
  const int minutes = std::abs(offset_seconds) / 60;
  char buf[24];
  if (minutes % 60 == 0) {
    std::snprintf(buf, sizeof buf, "UTC%c%d", sign, minutes / 60);
  } else {
    std::snprintf(buf, sizeof buf, "UTC%c%d:%02d", sign, minutes / 60, minutes % 60);
  }
  return buf;
}

std::string readable_time(core::UnixTime t, std::string_view zone, std::string_view lang) {
  const LocalTime lt = local_time(t, zone);
  char clock[8];
  std::snprintf(clock, sizeof clock, "%02d:%02d", lt.hour, lt.minute);
  const std::string day = lang == "de" ? lt.date.dotted() : lt.date.str();
  return day + ", " + clock + " (" + offset_label(lt.offset_seconds) + ")";
}

}  // namespace solipraxis::web
