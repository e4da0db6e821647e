#include "store/time_zone.h"

#include <map>
#include <memory>
#include <string>

#include <unicode/timezone.h>
#include <unicode/unistr.h>

namespace solipraxis::store {
namespace {

icu::UnicodeString ustr(std::string_view s) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
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

// The rules of a known zone, or null. Loaded once per thread and zone (at most
// the few hundred ids ICU knows): creating an icu::TimeZone reads ICU's zone
// data, and a tool page's history did that for every line (issue 20).
static const icu::TimeZone* zone_rules(std::string_view zone) {
  thread_local std::map<std::string, std::unique_ptr<icu::TimeZone>, std::less<>> loaded;
  auto it = loaded.find(zone);
  if (it == loaded.end()) {
    if (!is_time_zone(zone)) return nullptr;
    std::unique_ptr<icu::TimeZone> tz(icu::TimeZone::createTimeZone(ustr(zone)));
    it = loaded.emplace(std::string(zone), std::move(tz)).first;
  }
  return it->second.get();
}

int utc_offset(core::UnixTime t, std::string_view zone) {
  const icu::TimeZone* tz = zone_rules(zone);
  if (tz == nullptr) return 0;
  int32_t raw = 0, dst = 0;
  UErrorCode status = U_ZERO_ERROR;
  tz->getOffset(static_cast<UDate>(t) * 1000.0, false, raw, dst, status);
  if (U_FAILURE(status)) return 0;
  return (raw + dst) / 1000;
}

core::Date local_date(core::UnixTime t, std::string_view zone) {
  return core::Date::from_unix(t + utc_offset(t, zone));
}

}  // namespace solipraxis::store
