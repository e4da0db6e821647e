// The facilitator's pages of a live session over real HTTP (issue 25): a
// member prepares a retro from the catalog (the paper's steps, durations and
// the five focus categories), edits the steps before the start, runs the
// room (steps, timer on the injected clock, reveal, clusters, notes, action
// items) and ends it: the action items land in the tool's record with the
// review date, the report stays, and bad input gets a message, not a crash.
#include <gtest/gtest.h>

#include <string>

#include "core/text_field.h"
#include "core/tool.h"
#include "live/bus.h"
#include "store/action_items.h"
#include "store/live.h"
#include "store/orgs.h"
#include "store/secrets.h"
#include "store/store.h"
#include "store/tools.h"
#include "api_client.h"
#include "http_client.h"
#include "web_fixture.h"

namespace solipraxis::web {
namespace {

class LiveFacilitateWeb : public ::testing::Test {
 protected:
  void SetUp() override {
    srv_.load_catalog();
    ada_ = srv_.user("ada@example.org", "acme", store::Role::kMember);
    core::Tool t;
    t.name = "Übersetzungs-KI";
    auto tool = srv_.store().tools().create_tool(srv_.org("acme").id, t,
                                                 store::Actor{std::nullopt, "test"});
    ASSERT_TRUE(tool) << tool.error().detail;
    tool_ = tool->id;
    ASSERT_EQ(browser_.sign_in("ada@example.org").status, 303);
  }

  // Prepares a retro on the tool from the sessions page; returns its URL.
  std::string prepare_retro() {
    auto page = browser_.open("/o/acme/sessions");
    EXPECT_EQ(page.status, 200);
    auto r = browser_.post("/o/acme/sessions",
                           {{"kind", "retro"}, {"tool", std::to_string(tool_.value)}});
    EXPECT_EQ(r.status, 303) << r.body;
    const std::string to = r.header("Location");
    return to.substr(0, to.find('?'));
  }

  std::int64_t id_of(const std::string& url) { return std::stoll(url.substr(url.rfind('/') + 1)); }

  store::LiveSession session(const std::string& url) {
    return srv_.store().live().session(srv_.org("acme").id, id_of(url)).value();
  }

  AuthServer srv_;
  store::User ada_;
  core::ToolId tool_;
  Browser browser_{srv_.port()};
};

TEST_F(LiveFacilitateWeb, ARetroIsPreparedWithThePapersStepsAndCanBeEditedBeforeTheStart) {
  const std::string url = prepare_retro();
  auto page = browser_.open(url);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "Kurze Vorstellung des Tools")) << "step 1 of the paper";
  EXPECT_TRUE(contains(page.body, "Bias &amp; Diskriminierung")) << "a focus category as a column";
  const store::LiveSession s = session(url);
  ASSERT_EQ(s.steps.size(), 4u);
  EXPECT_EQ(s.steps[2].columns.size(), 5u) << "the five focus categories";
  EXPECT_EQ(s.steps[1].duration_seconds, 15 * 60);
  EXPECT_TRUE(contains(page.body, core::display_join_code(s.join_code)));

  // Shorten step 2, drop step 4; a non-number in a minutes field is named.
  std::vector<std::pair<std::string, std::string>> form = {
      {"title", "Retro im Januar"}, {"budget", "5"}, {"hide_cards", "1"}, {"step_count", "4"}};
  for (std::size_t i = 0; i < s.steps.size(); ++i) {
    const std::string at = "step" + std::to_string(i) + "_";
    std::string labels;
    for (const auto& c : s.steps[i].columns) labels += c.label + "\n";
    form.push_back({at + "title", s.steps[i].title});
    form.push_back({at + "minutes", i == 1 ? "zehn" : std::to_string(s.steps[i].duration_seconds / 60)});
    form.push_back({at + "columns", labels});
  }
  form.push_back({"step3_remove", "1"});
  auto bad = browser_.post(url + "/setup", form);
  EXPECT_EQ(bad.status, 400);
  EXPECT_TRUE(contains(bad.body, "ganze Zahl"));
  EXPECT_EQ(session(url).steps.size(), 4u) << "nothing saved";
  for (auto& [k, v] : form)
    if (k == "step1_minutes") v = "10";
  auto ok = browser_.post(url + "/setup", form);
  ASSERT_EQ(ok.status, 303) << ok.body;
  const store::LiveSession saved = session(url);
  EXPECT_EQ(saved.title, "Retro im Januar");
  EXPECT_EQ(saved.vote_budget, 5);
  ASSERT_EQ(saved.steps.size(), 3u);
  EXPECT_EQ(saved.steps[1].duration_seconds, 600);
  EXPECT_EQ(saved.steps[2].columns[3].id, "m.team-retro.focus.bias") << "unchanged columns keep their ids";
}

// The German persona prompt of the perspective step has 210 characters, more
// than a column label may hold: preparing the workshop in German failed with
// "Bitte prüfen Sie die Schritte" until its column got a short label.
TEST_F(LiveFacilitateWeb, AWorkshopIsPreparedInGermanWithEveryPromptAsAColumn) {
  ASSERT_EQ(browser_.open("/o/acme/sessions").status, 200);
  auto r = browser_.post("/o/acme/sessions", {{"kind", "workshop"}, {"tool", std::to_string(tool_.value)}});
  ASSERT_EQ(r.status, 303) << r.body;
  const std::string to = r.header("Location");
  const store::LiveSession x = session(to.substr(0, to.find('?')));
  ASSERT_EQ(x.steps.size(), 5u);
  const core::LiveStep& perspective = x.steps[2];
  ASSERT_EQ(perspective.columns.size(), perspective.prompts.size());
  EXPECT_GT(core::utf8_length(perspective.prompts[0]), core::kMaxLiveTitleChars);
  EXPECT_EQ(perspective.columns[0].label,
            "Erstellung realistischer aber diverser Nutzer:innenprofile bzw. Personas");
  EXPECT_EQ(perspective.columns[1].label, perspective.prompts[1]) << "a short prompt is its own label";
  // Step 4 refers to the selection phase's reflection questions ("s.o."): it shows them, in one column.
  const core::LiveStep& reflect = x.steps[3];
  EXPECT_EQ(reflect.prompts.size(), srv_.app().services().catalog->current().questions_of(2).size());
  EXPECT_GE(reflect.prompts.size(), 5u);
  EXPECT_EQ(reflect.columns.size(), 1u);
}

TEST_F(LiveFacilitateWeb, TheFacilitatorRunsTheRoomAndTheEndLandsInTheToolsRecord) {
  const std::string url = prepare_retro();
  const std::int64_t id = id_of(url);
  const store::OrgId org = srv_.org("acme").id;
  browser_.open(url);
  ASSERT_EQ(browser_.post(url + "/step", {{"step", "0"}}).status, 303);
  EXPECT_EQ(browser_.post(url + "/step", {{"step", "0"}}).status, 303) << "a double click moves once";
  auto events = srv_.store().live().events(org, id, 0, 100);
  ASSERT_TRUE(events);
  EXPECT_EQ(events->size(), 1u);
  ASSERT_EQ(browser_.post(url + "/step", {{"step", "2"}}).status, 303);
  auto page = browser_.open(url);
  EXPECT_TRUE(contains(page.body, "In Kleingruppen reflektieren")) << "the current step";
  EXPECT_TRUE(contains(page.body, "Noch 15 Min. 0 Sek."));

  ASSERT_EQ(browser_.post(url + "/timer", {{"action", "pause"}}).status, 303);
  EXPECT_TRUE(contains(browser_.open(url).body, "(angehalten)"));
  EXPECT_EQ(browser_.post(url + "/timer", {{"action", "viel"}}).status, 400);

  // Two cards from the room, hidden until revealed.
  const store::ParticipantKey key{store::random_token()};
  auto a = srv_.store().live().add_card(org, id, 2, "m.team-retro.focus.bias", "Übersetzt Namen falsch", key);
  auto b = srv_.store().live().add_card(org, id, 2, "m.team-retro.focus.bias", "Fehler bei Dialekten", key);
  ASSERT_TRUE(a && b);
  page = browser_.open(url);
  EXPECT_FALSE(contains(page.body, "Übersetzt Namen falsch")) << "hidden from the facilitator too";
  EXPECT_TRUE(contains(page.body, "2 weitere Karten, noch verdeckt"));
  ASSERT_EQ(browser_.post(url + "/reveal", {{"step", "2"}}).status, 303);
  page = browser_.open(url);
  EXPECT_TRUE(contains(page.body, "Übersetzt Namen falsch"));

  auto board = srv_.store().live().board(org, id, std::nullopt).value();
  std::vector<std::pair<std::string, std::string>> group = {{"cluster_name", "Sprache"}};
  for (const auto& c : board.cards) group.push_back({"cards", std::to_string(c.id)});
  ASSERT_EQ(browser_.post(url + "/group", group).status, 303);
  EXPECT_TRUE(contains(browser_.open(url).body, "Gruppe: Sprache"));
  EXPECT_EQ(browser_.post(url + "/group", {{"cluster_name", "Leer"}}).status, 400)
      << "no card chosen: a message";

  ASSERT_EQ(browser_.post(url + "/notes", {{"step", "2"}, {"notes", "Namen prüfen lassen"}}).status, 303);
  ASSERT_EQ(browser_.post(url + "/actions", {{"text", "Glossar für Namen anlegen"},
                                             {"responsible", std::to_string(ada_.id.value)},
                                             {"due", "31.03.2026"}})
                .status,
            303);
  EXPECT_EQ(browser_.post(url + "/actions", {{"text", "Datum"}, {"due", "morgen"}}).status, 400);

  EXPECT_EQ(browser_.post(url + "/end", {{"review_date", "30.06.2026"}}).status, 400)
      << "ending needs the confirmation";
  ASSERT_EQ(browser_.post(url + "/end", {{"review_date", "30.06.2026"}, {"confirm", "1"}}).status, 303);
  auto items = srv_.store().action_items().items(org, tool_, true);
  ASSERT_TRUE(items);
  ASSERT_EQ(items->size(), 1u);
  EXPECT_EQ(items->front().text, "Glossar für Namen anlegen");
  EXPECT_EQ(items->front().responsible, ada_.id);
  EXPECT_EQ(srv_.store().tools().tool(org, tool_)->next_review->str(), "2026-06-30");
  page = browser_.open(url);
  EXPECT_TRUE(contains(page.body, "Ergebnis"));
  EXPECT_TRUE(contains(page.body, "Namen prüfen lassen"));
  EXPECT_TRUE(contains(page.body, "Fehler bei Dialekten"));
  EXPECT_EQ(browser_.post(url + "/step", {{"step", "0"}}).status, 409) << "ended";

  // The next retro of the same tool carries the open item over: in its
  // preparation already (to plan the time for it), and while it runs.
  const std::string next = prepare_retro();
  page = browser_.open(next);
  EXPECT_TRUE(contains(page.body, "Offene Schritte aus früheren Sitzungen")) << "in the draft";
  EXPECT_TRUE(contains(page.body, "Glossar für Namen anlegen"));
  ASSERT_EQ(browser_.post(next + "/step", {{"step", "0"}}).status, 303);
  page = browser_.open(next);
  EXPECT_TRUE(contains(page.body, "Offene Schritte aus früheren Sitzungen"));
  EXPECT_TRUE(contains(page.body, "Glossar für Namen anlegen"));
}

TEST_F(LiveFacilitateWeb, AnotherOrgsMemberCannotOpenTheSession) {
  const std::string url = prepare_retro();
  srv_.user("eve@example.org", "other", store::Role::kOwner);
  Browser eve(srv_.port());
  ASSERT_EQ(eve.sign_in("eve@example.org").status, 303);
  EXPECT_EQ(eve.open(url).status, 404);
  EXPECT_EQ(eve.open("/o/other/sessions/" + std::to_string(id_of(url))).status, 404);
}

TEST_F(LiveFacilitateWeb, ProgramsPrepareAndReadSessionsAndTheReportDownloads) {
  Api api(srv_.port(), srv_.token(ada_));
  auto bad = api.post("/api/v1/orgs/acme/sessions", {{"kind", "retro"}});
  EXPECT_EQ(bad.status, 400) << "a retro needs its tool";
  EXPECT_EQ(api.post("/api/v1/orgs/acme/sessions", {{"kind", "party"}}).status, 400);
  EXPECT_EQ(api.post("/api/v1/orgs/acme/sessions", {{"kind", "retro"}, {"tools", "1"}}).status, 400);
  auto made = api.post("/api/v1/orgs/acme/sessions",
                       {{"kind", "workshop"}, {"tools", nlohmann::json::array()}});
  ASSERT_EQ(made.status, 201) << made.raw;
  EXPECT_EQ(made.body["kind"], "workshop");
  EXPECT_EQ(made.body["steps"].size(), 5u) << "the workshop's five steps";
  const std::string id = std::to_string(made.body["id"].get<std::int64_t>());
  auto list = api.get("/api/v1/orgs/acme/sessions");
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.body["items"].size(), 1u);
  auto one = api.get("/api/v1/orgs/acme/sessions/" + id);
  ASSERT_EQ(one.status, 200);
  EXPECT_TRUE(one.body["cards"].is_array());
  EXPECT_EQ(api.get("/api/v1/orgs/acme/action-items?tool=x").status, 400);
  EXPECT_EQ(api.get("/api/v1/orgs/acme/action-items").status, 200);

  auto md = browser_.open("/o/acme/sessions/" + id + "/report.md");
  EXPECT_EQ(md.status, 200);
  EXPECT_TRUE(contains(md.body, "# Workshop")) << md.body;
  EXPECT_EQ(browser_.open("/o/acme/sessions/" + id + "/report.json").status, 200);
}

// The facilitator's screen follows the room live: the events stream sends the
// start that happened before it opened (backlog), then a card posted while it is
// open; and the join link comes as a QR code image.
TEST_F(LiveFacilitateWeb, TheFacilitatorsStreamCarriesTheRoomsChangesAndTheQrCodeShows) {
  const std::string url = prepare_retro();
  const std::int64_t id = id_of(url);
  browser_.open(url);
  ASSERT_EQ(browser_.post(url + "/step", {{"step", "0"}}).status, 303);
  auto qr = browser_.open(url + "/qr.svg");
  EXPECT_EQ(qr.status, 200);
  EXPECT_TRUE(contains(qr.header("Content-Type"), "image/svg+xml"));
  EXPECT_TRUE(contains(qr.body, "<title id=\"join-qr-title\">"));

  ::solipraxis::testing::Connection c(srv_.port());
  ASSERT_TRUE(c.send("GET " + url + "/events HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: solipraxis_session=" +
                     browser_.cookie("solipraxis_session") + "\r\n\r\n"));
  auto start = c.read_until("event: step");
  ASSERT_TRUE(start) << "the start, from the store";
  const store::ParticipantKey key{store::random_token()};
  auto card = srv_.store().live().add_card(srv_.org("acme").id, id, 0, session(url).steps[0].columns[0].id,
                                           "Live dabei", key);
  ASSERT_TRUE(card);
  // The room's handler publishes what it wrote; here the test does, as it wrote directly.
  srv_.app().services().live_bus->publish(
      {card->event.id, card->event.session, card->event.type, card->event.data});
  auto live = c.read_until("event: card");
  ASSERT_TRUE(live) << "the card, live";
}

TEST_F(LiveFacilitateWeb, EverySessionsRouteIsDocumentedInOpenApi) {
  for (const char* part : {"/api/v1/orgs/{org}/sessions", "/api/v1/orgs/{org}/action-items"}) {
    const auto c = openapi_coverage(srv_.port(), srv_.app().router(), part);
    EXPECT_EQ(c.missing, std::vector<std::string>{});
    EXPECT_GE(c.documented.size(), 1u);
  }
}

}  // namespace
}  // namespace solipraxis::web
