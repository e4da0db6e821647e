// The reflection pages over real HTTP (issue 23): a member starts a round from
// the tool page and answers section by section; drafts survive a stale second
// tab (conflict, newer text kept, both shown), an ended session (sign in again,
// land back in the section with the text) and bad input; the introduction
// template's second part stays locked until its distance has passed (injected
// clock); the team view puts answers side by side and, in an anonymous round,
// shows nothing below three people and never a name.
#include <gtest/gtest.h>

#include <regex>
#include <string>

#include "core/tool.h"
#include "store/catalog.h"
#include "store/common.h"
#include "store/orgs.h"
#include "store/reflections.h"
#include "store/store.h"
#include "store/tools.h"
#include "web_fixture.h"

namespace solipraxis::web {
namespace {

using Fields = std::vector<std::pair<std::string, std::string>>;
constexpr const char* kUse = "m.reflection-template-use";
constexpr const char* kIntro = "m.reflection-template-introduction";

class ReflectionsWeb : public ::testing::Test {
 protected:
  void SetUp() override {
    srv_.load_catalog();
    ada_ = srv_.user("ada@example.org", "acme", store::Role::kMember);
    core::Tool t;
    t.name = "Übersetzungs-KI";
    auto tool = srv_.store().tools().create_tool(srv_.org("acme").id, t,
                                                 store::Actor{std::nullopt, "test"});
    ASSERT_TRUE(tool) << tool.error().detail;
    tool_url_ = "/o/acme/tools/" + std::to_string(tool->id.value);
  }

  // Starts a round from the tool page as `b`; returns the round's URL.
  std::string start(Browser& b, const std::string& template_id, const std::string& mode) {
    auto page = b.open(tool_url_);
    EXPECT_EQ(page.status, 200);
    EXPECT_TRUE(contains(page.body, "value=\"" + template_id + "\"")) << "offered on the tool page";
    auto r = b.post(tool_url_ + "/reflections", {{"template", template_id}, {"mode", mode}});
    EXPECT_EQ(r.status, 303) << r.body;
    const std::string to = r.header("Location");
    return to.substr(0, to.find('?'));
  }

  static std::string section(const std::string& round, const std::string& id) {
    return round + "/sections/" + id;
  }

  // Opens the section (for its CSRF token and version) and saves `fields` with `go`.
  HttpResponse save(Browser& b, const std::string& url, Fields fields,
                    const std::string& go = "next") {
    auto page = b.open(url);
    EXPECT_EQ(page.status, 200) << url;
    fields.emplace_back("version", version_in(page.body));
    fields.emplace_back("go", go);
    return b.post(url, fields);
  }

  static std::string version_in(const std::string& html) {
    static const std::regex re(R"re(name="version" value="(\d+)")re");
    std::smatch m;
    return std::regex_search(html, m, re) ? m[1].str() : "";
  }

  Browser signed_in(const std::string& email) {
    Browser b(srv_.port());
    EXPECT_EQ(b.sign_in(email).status, 303);
    return b;
  }

  AuthServer srv_;
  store::User ada_;
  std::string tool_url_;
};

TEST_F(ReflectionsWeb, AMemberAnswersTheUseTemplateSectionBySectionAndFinishes) {
  Browser b = signed_in("ada@example.org");
  const std::string round = start(b, kUse, "named");
  auto overview = b.open(round);
  EXPECT_EQ(overview.status, 200);
  EXPECT_TRUE(contains(overview.body, "Reflexionsvorlage für die Nutzung von KI-Tools"));
  EXPECT_TRUE(contains(overview.body, "Sie haben noch nicht begonnen."));

  auto s1 = b.open(section(round, std::string(kUse) + ".1"));
  EXPECT_TRUE(contains(s1.body, "Basisdaten"));
  EXPECT_TRUE(contains(s1.body, "Abschnitt 1 von"));
  EXPECT_TRUE(contains(s1.body, "type=\"radio\"")) << "the frequency is a choice";
  auto r = save(b, section(round, std::string(kUse) + ".1"),
                {{"a.m.reflection-template-use.1.1", "DeepL"},
                 {"a.m.reflection-template-use.1.4", "m.reflection-template-use.1.4.regularly"}});
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(r.header("Location"), section(round, std::string(kUse) + ".2"))
      << "Weiter leads to the next section";
  // Back keeps the text: the saved answers are in the fields.
  auto back = save(b, section(round, std::string(kUse) + ".2"),
                   {{"a.m.reflection-template-use.2.1", "Schnell, aber *holprig*"}}, "back");
  EXPECT_EQ(back.header("Location"), section(round, std::string(kUse) + ".1"));
  auto again = b.open(section(round, std::string(kUse) + ".1"));
  EXPECT_TRUE(contains(again.body, ">DeepL</textarea>"));
  EXPECT_TRUE(contains(again.body, "value=\"m.reflection-template-use.1.4.regularly\" checked"));

  ASSERT_EQ(save(b, section(round, std::string(kUse) + ".7"),
                 {{"a.m.reflection-template-use.7.1",
                   "<script>alert(1)</script> [Klick](javascript:alert(1)) und "
                   "[Quelle](https://example.org)"}})
                .status,
            303);
  overview = b.open(round);
  EXPECT_TRUE(contains(overview.body, "Weiter ausfüllen"));
  auto dashboard = b.open("/o/acme");
  EXPECT_TRUE(contains(dashboard.body, "Ihre Reflexionen in Arbeit"));
  EXPECT_TRUE(contains(dashboard.body, "href=\"" + round + "\"")) << "in progress on the dashboard";
  EXPECT_TRUE(contains(b.open(tool_url_).body, "In Arbeit"))
      << "the tool page shows the person's state";
  auto done = b.post(round + "/finish", {{"stage", "1"}});
  ASSERT_EQ(done.status, 303);
  overview = b.follow(done);
  EXPECT_TRUE(contains(overview.body, "abgeschlossen")) << overview.body;
  EXPECT_FALSE(contains(b.open("/o/acme").body, "href=\"" + round + "\""))
      << "finished: off the dashboard";

  auto team = b.open(round + "/team");
  EXPECT_EQ(team.status, 200);
  EXPECT_TRUE(contains(team.body, "Name ada@example.org")) << "a named round names people";
  // Every view links its downloads, and each link answers.
  for (const auto& [page, base] :
       {std::pair{b.open(round).body, round + "/mine/export"}, std::pair{team.body, round + "/export"},
        std::pair{b.open(tool_url_).body, tool_url_ + "/reflections/export"}}) {
    for (const char* ext : {".md", ".html", ".json"}) {
      EXPECT_TRUE(contains(page, "href=\"" + base + ext + "\"")) << base << ext;
      EXPECT_EQ(b.get(base + ext).status, 200) << base << ext;
    }
  }
  EXPECT_TRUE(contains(team.body, "DeepL"));
  EXPECT_TRUE(contains(team.body, "<td>regelmäßig</td><td>1</td>")) << team.body;
  EXPECT_TRUE(contains(team.body, "<td>einmalig</td><td>0</td>"));
  // Answers are Markdown, rendered inert: no script, no javascript: link, safe links kept.
  for (const std::string& html : {team.body, b.open(round).body}) {
    EXPECT_FALSE(contains(html, "<script>alert")) << html;
    EXPECT_FALSE(contains(html, "javascript:"));
    EXPECT_TRUE(contains(html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
    EXPECT_TRUE(contains(html, "href=\"https://example.org\" rel=\"nofollow noopener\""));
  }
}

TEST_F(ReflectionsWeb, AStaleTabShowsBothTextsAndKeepsTheNewer) {
  Browser b = signed_in("ada@example.org");
  const std::string round = start(b, kUse, "named");
  const std::string url = section(round, std::string(kUse) + ".2");
  ASSERT_EQ(save(b, url, {{"a.m.reflection-template-use.2.1", "Erster Stand"}}).status, 303);
  // Tab A and tab B both show version 1; A saves first.
  auto page = b.open(url);
  const std::string v = version_in(page.body);
  ASSERT_EQ(v, "1");
  ASSERT_EQ(b.post(url, {{"version", v},
                         {"go", "stay"},
                         {"a.m.reflection-template-use.2.1", "Neuer Text aus Tab A"}})
                .status,
            303);
  auto stale = b.post(url, {{"version", v},
                            {"go", "next"},
                            {"a.m.reflection-template-use.2.1", "Alter Text aus Tab B"}});
  EXPECT_EQ(stale.status, 409);
  EXPECT_TRUE(contains(stale.body, "in einem anderen Fenster gespeichert")) << stale.body;
  EXPECT_TRUE(contains(stale.body, ">Neuer Text aus Tab A</textarea>"))
      << "the newer text is in the field";
  EXPECT_TRUE(contains(stale.body, ">Alter Text aus Tab B</textarea>"))
      << "this tab's text is shown";
  EXPECT_EQ(version_in(stale.body), "2") << "saving from here now overwrites knowingly";
  auto stored = b.open(url);
  EXPECT_TRUE(contains(stored.body, ">Neuer Text aus Tab A</textarea>"));
}

TEST_F(ReflectionsWeb, BadInputIsRefusedWithTheTextKept) {
  Browser b = signed_in("ada@example.org");
  const std::string round = start(b, kUse, "named");
  const std::string url = section(round, std::string(kUse) + ".2");
  const std::string too_long(20001, 'x');
  auto r = save(b, url, {{"a.m.reflection-template-use.2.1", too_long}});
  EXPECT_EQ(r.status, 400);
  EXPECT_TRUE(contains(r.body, too_long)) << "what was typed stays in the field";
  auto choice = save(b, section(round, std::string(kUse) + ".1"),
                     {{"a.m.reflection-template-use.1.4", "gelegentlich-oder-so"}});
  EXPECT_EQ(choice.status, 400);
  EXPECT_TRUE(contains(choice.body, "Bitte wählen Sie eine der angebotenen Antworten."));
  EXPECT_EQ(b.get(section(round, "m.reflection-template-use.99")).status, 404);
  EXPECT_EQ(b.post(tool_url_ + "/reflections", {{"template", "m.retro"}, {"mode", "named"}}).status,
            400);
  EXPECT_EQ(b.post(tool_url_ + "/reflections", {{"template", kUse}, {"mode", "geheim"}}).status,
            400);
  auto mine = srv_.store().reflections().rounds(
      srv_.org("acme").id, core::ToolId(std::stoll(tool_url_.substr(tool_url_.rfind('/') + 1))));
  ASSERT_TRUE(mine);
  EXPECT_EQ(mine->size(), 1u) << "refused starts create no round";
}

TEST_F(ReflectionsWeb, AnotherOrgsMemberFindsNothing) {
  Browser b = signed_in("ada@example.org");
  const std::string round = start(b, kUse, "named");
  srv_.user("eve@example.org", "other", store::Role::kOwner);
  Browser eve = signed_in("eve@example.org");
  EXPECT_EQ(eve.get(round).status, 404);
  EXPECT_EQ(eve.get(section(round, std::string(kUse) + ".1")).status, 404);
  EXPECT_EQ(eve.get(round + "/team").status, 404);
  const std::string elsewhere = std::regex_replace(round, std::regex("/o/acme/"), "/o/other/");
  EXPECT_EQ(eve.get(elsewhere).status, 404) << "a round id of another org";
}

TEST_F(ReflectionsWeb, StageTwoOpensOnlyAfterTheDistanceWithTheDateShown) {
  Browser b = signed_in("ada@example.org");
  const std::string round = start(b, kIntro, "named");
  const std::string first = section(round, std::string(kIntro) + ".1");
  ASSERT_EQ(
      save(b, first, {{"a.m.reflection-template-introduction.1.1", "Übersetzungs-KI"}}).status,
      303);
  const std::string late = section(round, std::string(kIntro) + ".5");
  auto before = b.open(late);
  EXPECT_EQ(before.status, 200);
  EXPECT_TRUE(contains(before.body, "frühestens 7 Tage")) << before.body;
  EXPECT_FALSE(contains(before.body, "id=\"reflection-form\""));

  ASSERT_EQ(b.post(round + "/finish", {{"stage", "1"}}).status, 303);
  // 2026-01-01 00:00 UTC + 7 days: opens on 08.01.2026 (Europe/Berlin).
  EXPECT_TRUE(contains(b.open("/o/acme").body, "Teil 2 ab dem 08.01.2026"))
      << "the due date on the dashboard";
  // ... and in the review calendar feed, without a name; an anonymous round stays out.
  const std::string anonymous = start(b, kIntro, "anonymous");
  ASSERT_EQ(save(b, section(anonymous, std::string(kIntro) + ".1"),
                 {{"a.m.reflection-template-introduction.1.1", "Anonym"}})
                .status,
            303);
  ASSERT_EQ(b.post(anonymous + "/finish", {{"stage", "1"}}).status, 303);
  auto feed = b.get("/o/acme/reviews.ics");
  ASSERT_EQ(feed.status, 200);
  EXPECT_TRUE(contains(feed.body, "DTSTART;VALUE=DATE:20260108")) << feed.body;
  EXPECT_TRUE(contains(feed.body, "SUMMARY:Reflexion\\, Teil 2: Reflexionsvorlage")) << feed.body;
  EXPECT_TRUE(contains(feed.body, round)) << "links the round";
  EXPECT_FALSE(contains(feed.body, anonymous)) << "no date says when someone answered anonymously";
  EXPECT_FALSE(contains(feed.body, "ada@example.org"));
  auto locked = b.open(late);
  EXPECT_TRUE(contains(locked.body, "Teil 2 können Sie ab dem 08.01.2026 beantworten."))
      << locked.body;
  auto early = b.post(
      late,
      {{"version", "0"}, {"go", "next"}, {"a.m.reflection-template-introduction.5.1", "Zu früh"}});
  EXPECT_EQ(early.status, 409);
  EXPECT_TRUE(contains(early.body, "08.01.2026"));
  EXPECT_TRUE(contains(early.body, "Zu früh")) << "the text is kept";

  srv_.clock().advance(7 * 86400);
  ASSERT_EQ(b.sign_in("ada@example.org").status, 303);
  auto open = b.open(late);
  EXPECT_TRUE(contains(open.body, "id=\"reflection-form\""));
  EXPECT_EQ(save(b, late, {{"a.m.reflection-template-introduction.5.1", "Mit Abstand"}}).status,
            303);
}

TEST_F(ReflectionsWeb, AnAnonymousTeamViewNeedsThreeAndNamesNobody) {
  Browser b = signed_in("ada@example.org");
  const std::string round = start(b, kUse, "anonymous");
  auto answer = [&](const std::string& email, const std::string& text) {
    Browser p = email == "ada@example.org" ? b : signed_in(email);
    ASSERT_EQ(save(p, section(round, std::string(kUse) + ".2"),
                   {{"a.m.reflection-template-use.2.1", text}})
                  .status,
              303);
    ASSERT_EQ(p.post(round + "/finish", {{"stage", "1"}}).status, 303);
  };
  srv_.user("ben@example.org", "acme", store::Role::kMember);
  srv_.user("cem@example.org", "acme", store::Role::kMember);
  answer("ada@example.org", "Antwort von A");
  answer("ben@example.org", "Antwort von B");
  auto two = b.open(round + "/team");
  EXPECT_EQ(two.status, 200);
  EXPECT_TRUE(contains(two.body, "mindestens 3 Personen"));
  EXPECT_FALSE(contains(two.body, "Antwort von")) << "two answers show nothing";
  EXPECT_FALSE(contains(two.body, round + "/export")) << "no download link that would be refused";
  answer("cem@example.org", "Antwort von C");
  auto three = b.open(round + "/team");
  // The page's own part (the header names whoever is signed in).
  three.body = three.body.substr(three.body.find("<main"));
  EXPECT_TRUE(contains(three.body, "Antwort von A"));
  EXPECT_TRUE(contains(three.body, "Antwort von C"));
  for (const char* who : {"ada@example.org", "ben@example.org", "cem@example.org", "Name ada",
                          "Name ben", "Name cem"}) {
    EXPECT_FALSE(contains(three.body, who)) << who << " appears in an anonymous team view";
  }
}

TEST_F(ReflectionsWeb, ADraftSurvivesAnEndedSessionAndComesBackInItsSection) {
  Browser b = signed_in("ada@example.org");
  const std::string round = start(b, kUse, "named");
  const std::string url = section(round, std::string(kUse) + ".3");
  b.open(url);
  srv_.clock().advance(9 * 3600);  // idle past the session timeout while typing
  auto r = b.post(url, {{"version", "0"},
                        {"go", "next"},
                        {"a.m.reflection-template-use.3.1", "Lange getippt, nicht verloren"}});
  EXPECT_EQ(r.status, 401);
  EXPECT_TRUE(contains(r.body, "value=\"Lange getippt, nicht verloren\"")) << r.body;
  b.set_csrf(csrf_in(r.body));
  auto resumed = b.post(
      "/login", {{"email", "ada@example.org"},
                 {"password", kPassword},
                 {"next", url},
                 {"draft.version", "0"},
                 {"draft.go", "next"},
                 {"draft.a.m.reflection-template-use.3.1", "Lange getippt, nicht verloren"}});
  ASSERT_EQ(resumed.status, 200);
  EXPECT_TRUE(contains(resumed.body, "name=\"resumed\" value=\"1\"")) << "the resume form says so";
  b.set_csrf(csrf_in(resumed.body));
  auto saved = b.post(url, {{"version", "0"},
                            {"go", "next"},
                            {"resumed", "1"},
                            {"a.m.reflection-template-use.3.1", "Lange getippt, nicht verloren"}});
  ASSERT_EQ(saved.status, 303);
  EXPECT_EQ(saved.header("Location"), url + "?saved=1") << "back in the same section";
  auto page = b.follow(saved);
  EXPECT_TRUE(contains(page.body, ">Lange getippt, nicht verloren</textarea>"));
}

TEST_F(ReflectionsWeb, AFinishedReflectionPrefillsADecisionARedLineAndTheNextReview) {
  srv_.user("eda@example.org", "acme", store::Role::kEditor);
  Browser b = signed_in("eda@example.org");
  const std::string round = start(b, kUse, "named");
  ASSERT_EQ(save(b, section(round, std::string(kUse) + ".4"),
                 {{"a.m.reflection-template-use.4.2", "Menschen ohne Smartphone & ohne Konto"}})
                .status,
            303);
  ASSERT_EQ(save(b, section(round, std::string(kUse) + ".6"),
                 {{"a.m.reflection-template-use.6.3", "Nochmal anschauen in 2 Monaten"}})
                .status,
            303);
  EXPECT_FALSE(contains(b.open(round).body, "/decide?rationale=")) << "only once finished";
  ASSERT_EQ(b.post(round + "/finish", {{"stage", "1"}}).status, 303);
  const std::string page = b.open(round).body;
  static const std::regex link(
      R"re(href="([^"]*(?:decide\?rationale|red-lines\?text|edit\?next_review)&#61;[^"]*)")re");
  std::vector<std::string> links;
  for (auto it = std::sregex_iterator(page.begin(), page.end(), link); it != std::sregex_iterator();
       ++it) {
    std::string url = (*it)[1].str();
    for (auto pos = url.find("&#61;"); pos != std::string::npos; pos = url.find("&#61;"))
      url.replace(pos, 5, "=");
    links.push_back(url.substr(0, url.find('#')));
  }
  ASSERT_EQ(links.size(), 3u) << page;  // two red lines, the decision (no review question here)
  const std::string before =
      std::to_string(srv_.store().tools().red_lines(srv_.org("acme").id)->size());
  bool decision = false, red_line = false;
  for (const auto& url : links) {
    auto r = b.open(url);
    ASSERT_EQ(r.status, 200) << url;
    if (contains(url, "/decide?")) {
      decision = contains(r.body, "Menschen ohne Smartphone &amp; ohne Konto") &&
                 contains(r.body, "Aus der Reflexion");
    } else if (contains(url, "red-lines?") &&
               contains(r.body, ">Menschen ohne Smartphone &amp; ohne Konto</textarea>")) {
      red_line = true;
    }
  }
  EXPECT_TRUE(decision) << "the decision form carries the answers as rationale";
  EXPECT_TRUE(red_line) << "the red-line form carries the answer";
  EXPECT_EQ(std::to_string(srv_.store().tools().red_lines(srv_.org("acme").id)->size()), before)
      << "opening a prefilled form saves nothing";
}

// The next review comes from the answer to "Wann findet die nächste Überprüfung
// statt?", never from another date (the start of use, say).
TEST_F(ReflectionsWeb, TheNextReviewComesFromTheReviewQuestionOnly) {
  srv_.user("eda@example.org", "acme", store::Role::kEditor);
  Browser b = signed_in("eda@example.org");
  const std::string round = start(b, kIntro, "named");
  ASSERT_EQ(save(b, section(round, std::string(kIntro) + ".1"),
                 {{"a.m.reflection-template-introduction.1.4", "Ab dem 01.02.2026"}})
                .status,
            303);
  ASSERT_EQ(b.post(round + "/finish", {{"stage", "1"}}).status, 303);
  EXPECT_FALSE(contains(b.open(round).body, "/edit?next_review"))
      << "a start date is no review date";
  srv_.clock().advance(7 * 86400);
  ASSERT_EQ(b.sign_in("eda@example.org").status, 303);
  ASSERT_EQ(save(b, section(round, std::string(kIntro) + ".6"),
                 {{"a.m.reflection-template-introduction.6.3", "In 2 Monaten"}})
                .status,
            303);
  const std::string page = b.open(round).body;
  // 2026-01-08 (a week after the start) + 2 months.
  EXPECT_TRUE(contains(page, "edit?next_review&#61;08.03.2026")) << page;
  EXPECT_TRUE(contains(page, "auf den 08.03.2026 setzen")) << page;
}

TEST_F(ReflectionsWeb, ThePhaseQuestionsAreOneScreenEachWithTheOrgsOwnQuestion) {
  store::OrgCatalogEntry own;
  own.kind = "question";
  own.phase = 1;
  own.text_de = "Wen im Stadtteil fragen wir zuerst?";
  ASSERT_TRUE(srv_.store().catalog().create_org_catalog_entry(srv_.org("acme").id, own,
                                                              store::Actor{std::nullopt, "test"}));
  Browser b = signed_in("ada@example.org");
  const std::string round = start(b, "phase.development", "named");  // a new tool is an idea
  auto overview = b.open(round);
  EXPECT_TRUE(contains(overview.body, "Wen im Stadtteil fragen wir zuerst?"));
  const std::string first = "q.development.01";
  auto page = b.open(section(round, first));
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_EQ(save(b, section(round, first), {{"a." + first, "Mit dem Beirat"}}).status, 303);
  EXPECT_TRUE(contains(b.open(section(round, first)).body, ">Mit dem Beirat</textarea>"));
}

}  // namespace
}  // namespace solipraxis::web
