// The review dashboard and the iCalendar feed over HTTP: overdue and upcoming
// reviews with links to the tool pages, the empty state, the .ics format
// (RFC 5545: CRLF, folding at 75 octets, escaping, one VEVENT per reviewed
// tool), who may read it, and the secret subscription URL and its rotation.
#include <utility>

#include <gtest/gtest.h>

#include <regex>

#include "core/ical.h"
#include "core/transition.h"
#include "store/common.h"
#include "store/orgs.h"
#include "store/store.h"
#include "store/tools.h"
#include "store/users.h"
#include "web_fixture.h"

namespace solipraxis::web {
namespace {

const store::Actor kActor{std::nullopt, "test"};

class ReviewSite {
 public:
  ReviewSite() : org_(srv_.org("verein")) {
    srv_.user("mo@example.org", "verein", store::Role::kMember);
    browser_.sign_in("mo@example.org");
  }
  // A tool walked to pilot with the given next review date.
  core::Tool piloted(const std::string& name, const std::string& review) {
    core::Tool t;
    t.name = name;
    t = *srv_.store().tools().create_tool(org_.id, t, kActor);
    for (auto kind : {core::DecisionKind::kExplore, core::DecisionKind::kPilot}) {
      core::TransitionRequest r;
      r.kind = kind;
      r.rationale = "Abgewogen.";
      r.decided_by = "Team";
      r.decided_on = core::Date::today(srv_.clock());
      if (kind == core::DecisionKind::kPilot) r.next_review = *core::Date::parse(review);
      auto moved = srv_.store().tools().transition_tool(org_.id, t.id, r, std::nullopt, kActor);
      EXPECT_TRUE(moved) << (moved ? "" : moved.error().detail);
      t = moved->tool;
    }
    return t;
  }
  AuthServer& server() { return srv_; }
  Browser& browser() { return browser_; }

 private:
  AuthServer srv_;
  store::Org org_;
  Browser browser_{srv_.port()};
};

TEST(ReviewsHttp, DashboardListsOverdueAndUpcomingWithLinks) {
  ReviewSite site;
  auto empty = site.browser().get("/o/verein/reviews");
  ASSERT_EQ(empty.status, 200) << empty.body;
  EXPECT_TRUE(contains(empty.body, "Keine Überprüfung ist überfällig"));

  const core::Tool soon = site.piloted("Chatbot <b>", "2026-01-20");
  const core::Tool later = site.piloted("Übersetzer", "2026-06-01");
  const core::Tool overdue = site.piloted("Alt", "2026-01-05");
  site.server().clock().advance(10 * 86400);  // 2026-01-11: "Alt" is overdue now
  site.browser().sign_in("mo@example.org");   // the old session has expired

  auto page = site.browser().get("/o/verein/reviews");
  ASSERT_EQ(page.status, 200);
  const auto overdue_at = page.body.find("Überfällig");
  const auto upcoming_at = page.body.find("In den nächsten 30 Tagen");
  ASSERT_NE(overdue_at, std::string::npos);
  ASSERT_NE(upcoming_at, std::string::npos);
  const auto alt =
      page.body.find("href=\"/o/verein/tools/" + std::to_string(overdue.id.value) + "\"");
  const auto chat =
      page.body.find("href=\"/o/verein/tools/" + std::to_string(soon.id.value) + "\"");
  EXPECT_TRUE(overdue_at < alt && alt < upcoming_at) << "the overdue tool is in the overdue list";
  EXPECT_GT(chat, upcoming_at);
  EXPECT_TRUE(contains(page.body, "Chatbot &lt;b&gt;"));
  EXPECT_FALSE(contains(page.body, "Übersetzer")) << "more than 30 days ahead";
  EXPECT_FALSE(contains(page.body, "Keine Überprüfung ist überfällig"));
  EXPECT_TRUE(contains(page.body, "href=\"/o/verein/reviews.ics\""));
  (void)later;

  auto dash = site.browser().get("/o/verein");
  EXPECT_TRUE(contains(dash.body, "href=\"/o/verein/reviews\""));
}

TEST(ReviewsHttp, OrgDashboardCountsDueReviewsInWords) {
  ReviewSite site;
  auto empty = site.browser().get("/o/verein");
  ASSERT_EQ(empty.status, 200) << empty.body;
  EXPECT_TRUE(contains(empty.body, "Zurzeit ist keine Überprüfung fällig."));

  site.piloted("Chatbot", "2026-01-20");
  site.piloted("Übersetzer", "2026-01-25");
  site.piloted("Später", "2026-06-01");
  site.piloted("Alt", "2026-01-05");
  site.server().clock().advance(10 * 86400);  // 2026-01-11: "Alt" is overdue now
  site.browser().sign_in("mo@example.org");

  auto page = site.browser().get("/o/verein");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "Überfällige Überprüfungen: 1")) << page.body;
  EXPECT_TRUE(contains(page.body, "In den nächsten 30 Tagen fällig: 2")) << page.body;
  EXPECT_FALSE(contains(page.body, "Zurzeit ist keine Überprüfung fällig."));
  EXPECT_TRUE(contains(page.body, "href=\"/o/verein/reviews\""));
}

TEST(ReviewsHttp, IcsFeedFollowsRfc5545) {
  ReviewSite site;
  const std::string long_name =
      "Sehr langer Werkzeugname mit Umlauten äöü, Kommas; Semikolons und noch mehr Text dahinter";
  const core::Tool a = site.piloted(long_name, "2026-03-01");
  site.piloted("Zweites", "2026-02-01");
  core::Tool idea;
  idea.name = "Nur eine Idee";
  ASSERT_TRUE(site.server().store().tools().create_tool(site.server().store().orgs().org_by_slug("verein")->id,
                                                idea, kActor));

  auto r = site.browser().get("/o/verein/reviews.ics");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.header("Content-Type"), "text/calendar; charset=utf-8");
  const std::string& ics = r.body;
  // Every line ends in CRLF and has at most 75 octets; no bare LF.
  std::size_t pos = 0, lines = 0;
  while (pos < ics.size()) {
    const auto end = ics.find("\r\n", pos);
    ASSERT_NE(end, std::string::npos) << "unterminated line at " << pos;
    EXPECT_LE(end - pos, 75u) << ics.substr(pos, end - pos);
    EXPECT_EQ(ics.substr(pos, end - pos).find('\n'), std::string::npos);
    pos = end + 2;
    ++lines;
  }
  EXPECT_GT(lines, 10u);
  const std::string u = core::ical_unfold(ics);
  EXPECT_TRUE(u.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"));
  EXPECT_TRUE(u.ends_with("END:VCALENDAR\r\n"));
  auto count = [&](const std::string& needle) {
    std::size_t n = 0;
    for (auto at = u.find(needle); at != std::string::npos; at = u.find(needle, at + 1)) ++n;
    return n;
  };
  EXPECT_EQ(count("BEGIN:VEVENT\r\n"), 2u) << "one event per tool with a review date";
  EXPECT_EQ(count("END:VEVENT\r\n"), 2u);
  EXPECT_EQ(count("DTSTAMP:20260101T000000Z\r\n"), 2u);
  EXPECT_TRUE(
      contains(u, "UID:review-tool-" + std::to_string(a.id.value) + "-verein@solipraxis\r\n"));
  EXPECT_TRUE(contains(u, "DTSTART;VALUE=DATE:20260301\r\n"));
  EXPECT_TRUE(contains(u, "DTSTART;VALUE=DATE:20260201\r\n"));
  EXPECT_TRUE(
      contains(u,
               "SUMMARY:Überprüfung: Sehr langer Werkzeugname mit Umlauten äöü\\, Kommas\\; "
               "Semikolons und noch mehr Text dahinter\r\n"));
  EXPECT_TRUE(contains(u, "URL:http://127.0.0.1/o/verein/tools/"));
  EXPECT_TRUE(contains(u, "/o/verein/tools/" + std::to_string(a.id.value) + "\r\n"));
  EXPECT_FALSE(contains(u, "Nur eine Idee"));
}

TEST(ReviewsHttp, OnlyMembersSeeReviewsBearerTokensUseTheApiPath) {
  ReviewSite site;
  site.piloted("Chatbot", "2026-03-01");
  auto anon = testing::get(site.server().port(), "/o/verein/reviews.ics");
  ASSERT_TRUE(anon);
  EXPECT_EQ(anon->status, 303) << "to the sign-in page";
  auto stranger = site.server().user("x@example.org", "andere", store::Role::kOwner);
  Browser other(site.server().port());
  other.sign_in("x@example.org");
  EXPECT_EQ(other.get("/o/verein/reviews").status, 404);
  EXPECT_EQ(other.get("/o/verein/reviews.ics").status, 404);

  auto member = site.server().store().users().user_by_email("mo@example.org");
  const std::string token = site.server().token(*member);
  auto api = testing::get(site.server().port(), "/api/v1/orgs/verein/reviews.ics",
                          "Authorization: Bearer " + token + "\r\n");
  ASSERT_TRUE(api);
  EXPECT_EQ(api->status, 200);
  EXPECT_TRUE(contains(api->body, "BEGIN:VEVENT"));
  auto foreign = testing::get(site.server().port(), "/api/v1/orgs/verein/reviews.ics",
                              "Authorization: Bearer " + site.server().token(stranger) + "\r\n");
  ASSERT_TRUE(foreign);
  EXPECT_EQ(foreign->status, 404);
}

std::string feed_url_in(const std::string& html) {
  static const std::regex re(
      R"re(id="reviews-feed-url" class="secret" type="text" readonly value="([^"]*)")re");
  std::smatch m;
  return std::regex_search(html, m, re) ? m[1].str() : std::string();
}

TEST(ReviewsHttp, CalendarSubscriptionWorksWithoutLoginAndRotationEndsTheOldUrl) {
  ReviewSite site;
  site.piloted("Chatbot", "2026-03-01");
  AuthServer& srv = site.server();
  srv.user("ed@example.org", "verein", store::Role::kEditor);
  Browser editor(srv.port());
  editor.sign_in("ed@example.org");

  auto page = editor.open("/o/verein/reviews");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "Es gibt noch keine Abo-Adresse."));
  EXPECT_TRUE(contains(page.body, "action=\"/o/verein/reviews/feed\""));
  auto member_page = site.browser().open("/o/verein/reviews");
  EXPECT_FALSE(contains(member_page.body, "action=\"/o/verein/reviews/feed\""))
      << "members only read";
  EXPECT_EQ(site.browser().post("/o/verein/reviews/feed", {}).status, 403);

  auto created = editor.post("/o/verein/reviews/feed", {});
  ASSERT_EQ(created.status, 200) << created.body;
  const std::string url = feed_url_in(created.body);
  const std::string prefix = "http://127.0.0.1/p/verein/reviews/";
  ASSERT_TRUE(url.starts_with(prefix) && url.ends_with(".ics")) << url;
  const std::string secret = url.substr(prefix.size(), url.size() - prefix.size() - 4);
  EXPECT_EQ(secret.size(), 43u);
  const std::string path = url.substr(std::string("http://127.0.0.1").size());
  const auto org = *srv.store().orgs().org_by_slug("verein");
  EXPECT_EQ(srv.store().tools().review_feed(org.id)->secret_hash, store::hash_token(secret))
      << "only the hash is stored";

  auto feed = testing::get(srv.port(), path);  // no cookie, no token
  ASSERT_TRUE(feed);
  EXPECT_EQ(feed->status, 200);
  EXPECT_EQ(feed->header("Content-Type"), "text/calendar; charset=utf-8");
  EXPECT_TRUE(contains(feed->body, "SUMMARY:Überprüfung: Chatbot\r\n"));
  for (const std::string& bad : std::vector<std::string>{
           "/p/verein/reviews/" + secret, "/p/verein/reviews/x" + secret + ".ics",
           "/p/andere/reviews/" + secret + ".ics", std::string("/p/verein/reviews/.ics")}) {
    auto r = testing::get(srv.port(), bad);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 404) << bad;
  }
  auto again = editor.open("/o/verein/reviews");
  EXPECT_TRUE(contains(again.body, "Eine Abo-Adresse ist aktiv seit"));
  EXPECT_EQ(feed_url_in(again.body), "") << "the URL is shown once";

  auto rotated = editor.post("/o/verein/reviews/feed", {});
  ASSERT_EQ(rotated.status, 200);
  const std::string new_url = feed_url_in(rotated.body);
  ASSERT_FALSE(new_url.empty());
  EXPECT_NE(new_url, url);
  const std::string new_path = new_url.substr(std::string("http://127.0.0.1").size());
  EXPECT_EQ(testing::get(srv.port(), path)->status, 404) << "the old URL stops working";
  EXPECT_EQ(testing::get(srv.port(), new_path)->status, 200);

  editor.open("/o/verein/reviews");
  auto off = editor.post("/o/verein/reviews/feed/delete", {});
  EXPECT_EQ(off.status, 303);
  EXPECT_EQ(off.header("Location"), "/o/verein/reviews?saved=feed_off");
  EXPECT_TRUE(contains(editor.get("/o/verein/reviews?saved=feed_off").body, "abgeschaltet"));
  EXPECT_EQ(testing::get(srv.port(), new_path)->status, 404);
}

}  // namespace
}  // namespace solipraxis::web
