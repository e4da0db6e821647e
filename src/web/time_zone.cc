#include "web/time_zone.h"

#include <algorithm>
#include <cstdio>
#include <memory>

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/strenum.h>
#include <unicode/timezone.h>
#include <unicode/tznames.h>
#include <unicode/unistr.h>

namespace solipraxis::web {

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

namespace {

// The city ICU's names for `locale` give a zone, else the id's last part.
std::string city_of(const icu::TimeZoneNames* names, const std::string& id) {
  if (names) {
    icu::UnicodeString city;
    names->getExemplarLocationName(icu::UnicodeString::fromUTF8(id), city);
    if (!city.isBogus() && !city.isEmpty()) {
      std::string out;
      return city.toUTF8String(out);
    }
  }
  std::string last = id.substr(id.rfind('/') + 1);
  std::replace(last.begin(), last.end(), '_', ' ');
  return last;
}

std::vector<ZoneRegion> build_regions(const char* locale_id) {
  const icu::Locale locale(locale_id);
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::TimeZoneNames> names(icu::TimeZoneNames::createInstance(locale, status));
  if (U_FAILURE(status)) names.reset();
  status = U_ZERO_ERROR;
  std::unique_ptr<icu::Collator> collator(icu::Collator::createInstance(locale, status));
  if (U_FAILURE(status)) collator.reset();
  std::vector<ZoneRegion> out;
  for (const auto& id : time_zone_choices()) {  // sorted, so each region's ids are together
    const std::string region = id.substr(0, id.find('/'));
    if (out.empty() || out.back().region != region) out.push_back({region, {}});
    out.back().zones.push_back({id, city_of(names.get(), id)});
  }
  for (auto& r : out) {
    std::sort(r.zones.begin(), r.zones.end(), [&](const ZoneChoice& a, const ZoneChoice& b) {
      if (!collator) return a.city < b.city;
      UErrorCode st = U_ZERO_ERROR;
      return collator->compareUTF8(a.city, b.city, st) == UCOL_LESS;
    });
  }
  std::stable_partition(out.begin(), out.end(),
                        [](const ZoneRegion& r) { return r.region == "Europe"; });
  return out;
}

}  // namespace

const std::vector<ZoneRegion>& time_zone_regions(std::string_view lang) {
  static const std::vector<ZoneRegion> de = build_regions("de");
  static const std::vector<ZoneRegion> en = build_regions("en");
  return lang == "de" ? de : en;
}

LocalTime local_time(core::UnixTime t, std::string_view zone) {
  const int offset = store::utc_offset(t, zone);
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

std::string readable_date(core::Date date, std::string_view lang) {
  return lang == "de" ? date.dotted() : date.str();
}

std::string readable_date(core::UnixTime t, std::string_view zone, std::string_view lang) {
  return readable_date(local_time(t, zone).date, lang);
}

std::string readable_time(core::UnixTime t, std::string_view zone, std::string_view lang) {
  const LocalTime lt = local_time(t, zone);
  char clock[8];
  std::snprintf(clock, sizeof clock, "%02d:%02d", lt.hour, lt.minute);
  return readable_date(lt.date, lang) + ", " + clock + " (" + offset_label(lt.offset_seconds) + ")";
}

}  // namespace solipraxis::web
