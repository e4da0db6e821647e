// Times on pages are the organisation's local time (issue 22, item 4): the
// audit page and a tool's history in Europe/Berlin by default, winter and
// summer time told apart by the offset, and in another zone once the org's
// time zone changes. The machine-readable <time datetime> stays UTC.
#include <gtest/gtest.h>

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

}  // namespace
}  // namespace solipraxis::web
