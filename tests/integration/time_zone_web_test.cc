// Times on pages are the organisation's local time (issue 22, item 4): the
// audit page and a tool's history in Europe/Berlin by default, winter and
// summer time told apart by the offset, and in another zone once the org's
// time zone changes. The machine-readable <time datetime> stays UTC. Owners
// choose the zone on the settings page and by API; "today" is the org's day.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "api_client.h"
#include "register_site.h"
#include "store/common.h"
#include "store/orgs.h"
#include "store/store.h"

namespace solipraxis::web {
namespace {

TEST(TimeZoneWeb, AuditAndHistoryTimesAreTheOrgsLocalTime) {
  Register reg;  // the clock stands at 2026-01-01T00:00:00Z
  const auto id = reg.create({{"name", "Kalender"}});
  reg.srv.clock().advance(181 * 86400 + 12 * 3600);  // 2026-07-01T12:00:00Z
  ASSERT_EQ(reg.b.sign_in("ada@example.org").status, 303);  // the session of January has expired
  const std::string url = "/o/acme/tools/" + std::to_string(id);
  reg.b.open(url + "/edit");
  ASSERT_EQ(reg.b.post(url, {{"version", "1"}, {"name", "Kalender"}, {"cost", "0 Euro"},
                             {"base.name", "Kalender"}}).status, 303);
  auto audit = reg.b.get("/o/acme/audit");
  ASSERT_EQ(audit.status, 200);
  EXPECT_TRUE(contains(audit.body, R"(<time datetime="2026-01-01T00:00:00Z">01.01.2026, 01:00 (UTC+1)</time>)"))
      << audit.body;
  EXPECT_TRUE(contains(audit.body, R"(<time datetime="2026-07-01T12:00:00Z">01.07.2026, 14:00 (UTC+2)</time>)"));
  EXPECT_FALSE(contains(audit.body, " UTC<")) << "no time is shown in UTC";
  auto tool = reg.b.get(url);
  EXPECT_TRUE(contains(tool.body, R"(<time datetime="2026-07-01T12:00:00Z">01.07.2026, 14:00 (UTC+2)</time>)"))
      << tool.body;

  ASSERT_TRUE(reg.srv.store().orgs().set_org_time_zone(reg.org(), "America/New_York", store::Actor{}));
  audit = reg.b.get("/o/acme/audit");
  EXPECT_TRUE(contains(audit.body, R"(<time datetime="2026-01-01T00:00:00Z">31.12.2025, 19:00 (UTC-5)</time>)"))
      << audit.body;
  EXPECT_TRUE(contains(audit.body, R"(<time datetime="2026-07-01T12:00:00Z">01.07.2026, 08:00 (UTC-4)</time>)"));
  Browser en(reg.srv.port(), "en");
  ASSERT_EQ(en.sign_in("ada@example.org").status, 303);
  EXPECT_TRUE(contains(en.get("/o/acme/audit").body, ">2026-07-01, 08:00 (UTC-4)</time>"));
}

TEST(TimeZoneWeb, OwnersChooseTheZoneFromAGroupedListEuropeFirst) {
  Register reg;
  auto page = reg.b.open("/o/acme/settings");
  ASSERT_EQ(page.status, 200);
  const auto europe = page.body.find(R"(<optgroup label="Europa">)");
  ASSERT_NE(europe, std::string::npos) << page.body;
  EXPECT_EQ(page.body.find("<optgroup"), europe) << "Europe is the first group";
  EXPECT_TRUE(contains(page.body, R"(<option value="Europe/Berlin" selected>Berlin</option>)"));
  EXPECT_TRUE(contains(page.body, R"(<option value="Europe/Vienna">Wien</option>)"))
      << "cities as people reading German name them";
  EXPECT_TRUE(contains(page.body, R"(<optgroup label="Amerika">)"));
  EXPECT_FALSE(contains(page.body, "org_settings.region.")) << "every region has a name";
  EXPECT_TRUE(contains(page.body, "Jetzt ist es dort: 01.01.2026, 01:00 (UTC+1)"));

  auto ok = reg.b.post("/o/acme/settings", {{"name", "Acme e. V."}, {"time_zone", "Europe/Vienna"}});
  ASSERT_EQ(ok.status, 303) << ok.body;
  EXPECT_EQ(ok.header("Location"), "/o/acme/settings?saved=1");
  EXPECT_EQ(reg.srv.org("acme").time_zone, "Europe/Vienna");
  auto saved = reg.b.open("/o/acme/settings?saved=1");
  EXPECT_TRUE(contains(saved.body, "Die Einstellungen sind gespeichert."));
  EXPECT_TRUE(contains(saved.body, R"(<option value="Europe/Vienna" selected>Wien</option>)"));
  auto audit = reg.b.open("/o/acme/audit");
  EXPECT_TRUE(contains(audit.body, "Zeitzone geändert<span class=\"audit-detail\">Europe/Berlin → Europe/Vienna</span>"))
      << audit.body;

  // An unknown zone: refused with the field named, the typed name kept, nothing saved.
  auto bad = reg.b.post("/o/acme/settings", {{"name", "Anderer Name"}, {"time_zone", "Mars/Olympus"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(contains(bad.body, R"(<a href="#org-time-zone">Zeitzone</a>: Diese Zeitzone gibt es nicht.)"))
      << bad.body;
  EXPECT_TRUE(contains(bad.body, R"(value="Anderer Name")"));
  EXPECT_TRUE(contains(bad.body, R"(aria-invalid="true")"));
  EXPECT_EQ(reg.srv.org("acme").name, "Acme e. V.");
  EXPECT_EQ(reg.srv.org("acme").time_zone, "Europe/Vienna");
}

TEST(TimeZoneWeb, TheApiSetsTheZoneAndRefusesAnUnknownOneChangingNothing) {
  AuthServer srv;
  Api ada(srv.port(), srv.token(srv.user("ada@example.org", "acme", store::Role::kOwner)));
  Api eda(srv.port(), srv.token(srv.user("eda@example.org", "acme", store::Role::kEditor)));
  auto r = ada.patch("/api/v1/orgs/acme", {{"time_zone", "America/New_York"}});
  ASSERT_EQ(r.status, 200) << r.raw;
  EXPECT_EQ(r.body["time_zone"], "America/New_York");
  EXPECT_EQ(srv.org("acme").name, "Org acme") << "a field left out stays";
  auto bad = ada.patch("/api/v1/orgs/acme", {{"name", "Neu"}, {"time_zone", "Europe/Atlantis"}});
  ASSERT_EQ(bad.status, 400) << bad.raw;
  EXPECT_EQ(bad.body["error"]["code"], "invalid_input");
  EXPECT_TRUE(contains(bad.body["error"]["message"].get<std::string>(),
                       "This time zone does not exist"))
      << bad.raw;
  EXPECT_EQ(ada.patch("/api/v1/orgs/acme", {{"time_zone", 1}}).status, 400);
  EXPECT_EQ(eda.patch("/api/v1/orgs/acme", {{"time_zone", "UTC"}}).status, 403);
  EXPECT_EQ(srv.org("acme").name, "Org acme") << "nothing of a refused body is saved";
  EXPECT_EQ(srv.org("acme").time_zone, "America/New_York");
}

TEST(TimeZoneWeb, TodayIsTheOrgsDayAroundMidnight) {
  Register reg;
  const auto id = reg.create({{"name", "Kalender"}});
  reg.srv.clock().advance(23 * 3600 + 30 * 60);  // 2026-01-01T23:30Z: 00:30 on 2 January in Berlin
  ASSERT_EQ(reg.b.sign_in("ada@example.org").status, 303);  // the morning's session has expired
  const std::string url = "/o/acme/tools/" + std::to_string(id) + "/decide";
  EXPECT_TRUE(contains(reg.b.open(url).body, R"(name="decided_on" value="02.01.2026")"))
      << "the date field starts at the day in Berlin";
  const Fields today_in_berlin{{"kind", "explore"}, {"rationale", "Weil es so besser ist."},
                               {"decided_by", "Vorstand"}, {"decided_on", "02.01.2026"}};
  auto berlin = reg.decide(id, today_in_berlin);
  EXPECT_EQ(berlin.status, 303) << berlin.body;
  EXPECT_EQ(reg.tool(id).phase, core::Phase::kSelection);

  ASSERT_TRUE(reg.srv.store().orgs().set_org_time_zone(reg.org(), "America/New_York", store::Actor{}));
  const auto other = reg.create({{"name", "Zweites"}});
  auto early = reg.decide(other, today_in_berlin);
  EXPECT_EQ(early.status, 422) << "it is 18:30 on 1 January in New York";
  EXPECT_EQ(reg.tool(other).phase, core::Phase::kIdea);
}

}  // namespace
}  // namespace solipraxis::web
