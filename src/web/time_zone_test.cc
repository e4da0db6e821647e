#include "web/time_zone.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace solipraxis::web {
namespace {

std::string at(core::UnixTime t, const char* zone, const char* lang = "de") {
  return readable_time(t, zone, lang);
}

TEST(TimeZoneTest, BerlinSpringsForwardAtOneUtc) {
  // 2026-03-29: 02:00 CET becomes 03:00 CEST; the hour between never happens.
  EXPECT_EQ(at(1774745999, "Europe/Berlin"), "29.03.2026, 01:59 (UTC+1)");
  EXPECT_EQ(at(1774746000, "Europe/Berlin"), "29.03.2026, 03:00 (UTC+2)");
  const LocalTime before = local_time(1774745999, "Europe/Berlin");
  EXPECT_EQ(before.second, 59);
  EXPECT_EQ(before.offset_seconds, 3600);
  EXPECT_EQ(local_time(1774746000, "Europe/Berlin").offset_seconds, 7200);
}

TEST(TimeZoneTest, BerlinFallsBackAndTheRepeatedHourIsTold) {
  // 2026-10-25: 03:00 CEST becomes 02:00 CET; 02:xx happens twice, the offset tells which.
  EXPECT_EQ(at(1792889999, "Europe/Berlin"), "25.10.2026, 02:59 (UTC+2)");
  EXPECT_EQ(at(1792890000, "Europe/Berlin"), "25.10.2026, 02:00 (UTC+1)");
  EXPECT_EQ(at(1792890000 - 3600, "Europe/Berlin"), "25.10.2026, 02:00 (UTC+2)");
}

TEST(TimeZoneTest, TheLocalDayIsNotTheUtcDay) {
  const core::UnixTime new_year_eve = 1798759800;  // 2026-12-31T23:30:00Z
  EXPECT_EQ(local_time(new_year_eve, "Europe/Berlin").date.str(), "2027-01-01");
  EXPECT_EQ(local_time(new_year_eve, "America/New_York").date.str(), "2026-12-31");
  EXPECT_EQ(local_time(new_year_eve, "UTC").date.str(), "2026-12-31");
}

TEST(TimeZoneTest, OtherZonesAndTheirRules) {
  // New York changes on another Sunday (2026-03-08, 07:00 UTC).
  EXPECT_EQ(at(1772953199, "America/New_York", "en"), "2026-03-08, 01:59 (UTC-5)");
  EXPECT_EQ(at(1772953200, "America/New_York", "en"), "2026-03-08, 03:00 (UTC-4)");
  EXPECT_EQ(at(1780315200, "Asia/Kolkata", "en"), "2026-06-01, 17:30 (UTC+5:30)");
  EXPECT_EQ(at(1780315200, "UTC", "en"), "2026-06-01, 12:00 (UTC)");
}

TEST(TimeZoneTest, UnknownZonesAreRefusedAndReadAsUtc) {
  EXPECT_TRUE(is_time_zone("Europe/Berlin"));
  EXPECT_TRUE(is_time_zone("Europe/Kiev")) << "an alias is a zone too";
  EXPECT_TRUE(is_time_zone("UTC"));
  for (const char* bad : {"", "Mars/Olympus", "Etc/Unknown", "Europe/berlin ", "CET;DROP",
                          "Europe/Berlin/Mitte"}) {
    EXPECT_FALSE(is_time_zone(bad)) << bad;
  }
  EXPECT_EQ(at(1780315200, "Mars/Olympus", "en"), "2026-06-01, 12:00 (UTC)");
}

TEST(TimeZoneTest, ChoicesAreSortedLocationZones) {
  const auto& zones = time_zone_choices();
  ASSERT_GT(zones.size(), 300u);
  EXPECT_TRUE(std::is_sorted(zones.begin(), zones.end()));
  EXPECT_TRUE(std::binary_search(zones.begin(), zones.end(), "Europe/Berlin"));
  EXPECT_FALSE(std::binary_search(zones.begin(), zones.end(), "Etc/Unknown"));
  for (const auto& z : zones) EXPECT_TRUE(is_time_zone(z)) << z;
}

// The select on the settings page: every choice once, Europe first, cities as
// people reading the page name them and in their alphabetical order.
TEST(TimeZoneTest, RegionsPutEuropeFirstAndNameCitiesInTheReadersLanguage) {
  for (const char* lang : {"de", "en"}) {
    const auto& regions = time_zone_regions(lang);
    ASSERT_FALSE(regions.empty());
    EXPECT_EQ(regions.front().region, "Europe");
    std::size_t count = 0;
    for (const auto& r : regions) {
      count += r.zones.size();
      for (const auto& z : r.zones) EXPECT_TRUE(z.id.starts_with(r.region + "/")) << z.id;
    }
    EXPECT_EQ(count, time_zone_choices().size()) << "nothing lost, nothing twice";
  }
  auto city = [](const char* lang, const std::string& id) {
    for (const auto& r : time_zone_regions(lang)) {
      for (const auto& z : r.zones) {
        if (z.id == id) return z.city;
      }
    }
    return std::string();
  };
  EXPECT_EQ(city("de", "Europe/Vienna"), "Wien");
  EXPECT_EQ(city("en", "Europe/Vienna"), "Vienna");
  EXPECT_EQ(city("de", "Asia/Tokyo"), "Tokio");
  EXPECT_EQ(city("de", "America/Sao_Paulo"), "São Paulo");
  const auto& europe = time_zone_regions("de").front().zones;
  auto at = [&](const std::string& id) {
    return std::find_if(europe.begin(), europe.end(), [&](const auto& z) { return z.id == id; });
  };
  EXPECT_LT(at("Europe/Vienna"), at("Europe/Zurich")) << "Wien before Zürich";
  EXPECT_LT(at("Europe/Zurich"), europe.end());
}

TEST(TimeZoneTest, OffsetLabels) {
  EXPECT_EQ(offset_label(0), "UTC");
  EXPECT_EQ(offset_label(3600), "UTC+1");
  EXPECT_EQ(offset_label(-10800), "UTC-3");
  EXPECT_EQ(offset_label(20700), "UTC+5:45");
  EXPECT_EQ(offset_label(-34200), "UTC-9:30");
}

}  // namespace
}  // namespace solipraxis::web
