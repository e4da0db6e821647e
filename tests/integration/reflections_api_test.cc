// The reflections API and exports (issue 23) with members of one org, each with
// their own token: a second tab's older draft is a 409 that keeps and returns the
// newer text; stage two is a 409 with its opening date until the follow-up days
// (injected clock) have passed; an anonymous round's team view is a 403 with two
// respondents and, from three on, answers without any name or id; exports read
// like the template filled in, render Markdown inert and name nobody in an
// anonymous round; another org's member finds nothing. Runs on both stores.
#include <utility>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "api_client.h"
#include "core/tool.h"
#include "store/orgs.h"
#include "store/tools.h"
#include "web_fixture.h"

namespace solipraxis::web {
namespace {

using nlohmann::json;

const std::string kBase = "/api/v1/orgs/verein/reflections";
const std::string kUse = "m.reflection-template-use";
const std::string kIntro = "m.reflection-template-introduction";

ApiResponse put(Api& a, const std::string& target, const json& body) {
  return a.send("PUT", target, &body);
}

class ReflectionsApi : public ::testing::Test {
 protected:
  ReflectionsApi() {
    srv_.load_catalog();
    for (const char* who : {"ada", "bea", "cem", "dan"}) {
      const auto u = srv_.user(std::string(who) + "@example.org", "verein", store::Role::kMember);
      users_.push_back(u);
      apis_.emplace_back(srv_.port(), srv_.token(u));
    }
    const auto other = srv_.user("eve@example.org", "andere", store::Role::kOwner);
    eve_ = std::make_unique<Api>(srv_.port(), srv_.token(other));
    core::Tool t;
    t.name = "Übersetzungs-KI";
    tool_ = srv_.store().tools().create_tool(srv_.org("verein").id, t, {std::nullopt, "test"})->id.value;
  }

  Api& api(std::size_t i) { return apis_[i]; }

  std::string start_round(const std::string& template_id, bool anonymous) {
    auto r = api(0).post(kBase, {{"tool", tool_}, {"template_id", template_id}, {"anonymous", anonymous}});
    EXPECT_EQ(r.status, 201) << r.raw;
    return kBase + "/" + std::to_string(r.body.value("id", 0));
  }
  // Saves one answer of the use template's first section and finishes stage one.
  void answer_and_finish(Api& a, const std::string& round, const std::string& text) {
    ASSERT_EQ(a.post(round + "/mine", json::object()).status, 200);
    const json body{{"version", 0}, {"answers", {{kUse + ".1.1", text}}}};
    auto saved = a.send("PUT", round + "/mine/sections/" + kUse + ".1", &body);
    ASSERT_EQ(saved.status, 200) << saved.raw;
    ASSERT_EQ(a.post(round + "/mine/stages/1/finish", json::object()).status, 200);
  }

  AuthServer srv_;
  std::vector<store::User> users_;
  std::vector<Api> apis_;
  std::unique_ptr<Api> eve_;
  std::int64_t tool_ = 0;
};

TEST_F(ReflectionsApi, AStaleDraftIsAConflictThatKeepsAndReturnsTheNewerText) {
  const std::string round = start_round(kUse, false);
  auto form = api(0).get(round);
  ASSERT_EQ(form.status, 200) << form.raw;
  EXPECT_EQ(form.body["form"]["sections"].size(), 7u);
  EXPECT_EQ(api(0).get(round + "/mine").status, 404) << "reading begins nothing";
  ASSERT_EQ(api(0).post(round + "/mine", json::object()).status, 200);

  const std::string section = round + "/mine/sections/" + kUse + ".2";
  auto first = put(api(0), section, {{"version", 0}, {"answers", {{kUse + ".2.1", "Tab A"}}}});
  ASSERT_EQ(first.status, 200) << first.raw;
  EXPECT_EQ(first.body["version"], 1);
  auto stale = put(api(0), section, {{"version", 0}, {"answers", {{kUse + ".2.1", "Tab B, älter"}}}});
  ASSERT_EQ(stale.status, 409) << stale.raw;
  EXPECT_EQ(stale.body["error"]["code"], "conflict");
  EXPECT_NE(stale.body["error"]["message"].get<std::string>().find("newer text is kept"),
            std::string::npos);
  EXPECT_EQ(stale.body["error"]["current"]["answers"][kUse + ".2.1"], "Tab A");
  EXPECT_EQ(api(0).get(round + "/mine").body["sections"][0]["answers"][kUse + ".2.1"], "Tab A");

  // Bad input: a prompt of another section, too long, wrong types, unknown section.
  EXPECT_EQ(put(api(0), section, {{"version", 1}, {"answers", {{kUse + ".1.1", "x"}}}}).status, 400);
  auto too_long = put(api(0), section,
                      {{"version", 1}, {"answers", {{kUse + ".2.1", std::string(20001, 'a')}}}});
  EXPECT_EQ(too_long.status, 400);
  EXPECT_NE(too_long.raw.find("at most 20,000 characters"), std::string::npos) << too_long.raw;
  EXPECT_EQ(put(api(0), section, {{"version", "1"}, {"answers", json::object()}}).status, 400);
  EXPECT_EQ(put(api(0), round + "/mine/sections/gibt-es-nicht",
                {{"version", 0}, {"answers", json::object()}}).status, 404);
  EXPECT_EQ(api(0).get(round + "/mine").body["sections"][0]["version"], 1) << "nothing stored";
}

TEST_F(ReflectionsApi, StageTwoIsLockedWithItsDateUntilTheFollowUpDaysHavePassed) {
  const std::string round = start_round(kIntro, false);
  ASSERT_EQ(api(0).post(round + "/mine", json::object()).status, 200);
  auto early = api(0).post(round + "/mine/stages/2/finish", json::object());
  EXPECT_EQ(early.status, 409);
  EXPECT_NE(early.raw.find("finish the first part first"), std::string::npos) << early.raw;
  auto done = api(0).post(round + "/mine/stages/1/finish", json::object());
  ASSERT_EQ(done.status, 200) << done.raw;
  const auto opens = done.body["stage_two_opens_at"].get<std::int64_t>();
  EXPECT_EQ(opens, srv_.clock().now() + 7 * 86400);

  const std::string stage_two = round + "/mine/sections/" + kIntro + ".5";
  auto locked = put(api(0), stage_two, {{"version", 0}, {"answers", {{kIntro + ".5.1", "Zu früh"}}}});
  ASSERT_EQ(locked.status, 409) << locked.raw;
  EXPECT_EQ(locked.body["error"]["opens_at"], opens);
  EXPECT_NE(locked.body["error"]["message"].get<std::string>().find("2026-01-08"), std::string::npos)
      << locked.raw;
  EXPECT_EQ(api(0).post(round + "/mine/stages/2/finish", json::object()).status, 409);

  srv_.clock().advance(7 * 86400);
  EXPECT_EQ(put(api(0), stage_two, {{"version", 0}, {"answers", {{kIntro + ".5.1", "Mit Abstand"}}}}).status,
            200);
  auto finished = api(0).post(round + "/mine/stages/2/finish", json::object());
  ASSERT_EQ(finished.status, 200) << finished.raw;
  EXPECT_FALSE(finished.body["finished_at"].is_null());
}

TEST_F(ReflectionsApi, AnAnonymousTeamViewNeedsThreeAndNamesNobody) {
  const std::string round = start_round(kUse, true);
  answer_and_finish(api(0), round, "Spart Zeit");
  answer_and_finish(api(1), round, "Fehler bei Dialekten");
  auto two = api(2).get(round + "/team");
  ASSERT_EQ(two.status, 403) << two.raw;
  EXPECT_NE(two.raw.find("at least three people"), std::string::npos);
  Browser cem(srv_.port(), "en");
  ASSERT_EQ(cem.sign_in("cem@example.org").status, 303);
  EXPECT_EQ(cem.get("/o/verein/reflections/" + round.substr(kBase.size() + 1) + "/export.md").status,
            403);
  answer_and_finish(api(2), round, "Gut für Briefe");

  auto three = api(3).get(round + "/team");
  ASSERT_EQ(three.status, 200) << three.raw;
  EXPECT_EQ(three.body["respondents"], 3);
  const json& answers = three.body["sections"][0]["prompts"][0]["answers"];
  ASSERT_EQ(answers.size(), 3u);
  for (const json& a : answers) EXPECT_FALSE(a.contains("author")) << a;
  EXPECT_FALSE(three.body.contains("created_by"));
  auto mine = api(0).get(round + "/mine");
  EXPECT_FALSE(mine.body.contains("id")) << "no reflection id in an anonymous round";
  for (const ApiResponse* r : {&three, &mine}) {
    for (const auto& u : users_) {
      EXPECT_EQ(r->raw.find(u.name), std::string::npos) << r->raw;
      EXPECT_EQ(r->raw.find(u.email), std::string::npos) << r->raw;
    }
  }
}

TEST_F(ReflectionsApi, AnotherOrgFindsNothingAndBadRequestsChangeNothing) {
  const std::string round = start_round(kUse, false);
  EXPECT_EQ(eve_->get("/api/v1/orgs/andere/reflections/" + round.substr(kBase.size() + 1)).status, 404);
  EXPECT_EQ(eve_->get(round).status, 404);
  EXPECT_EQ(api(0).get(kBase + "/99999").status, 404);
  EXPECT_EQ(api(0).get(kBase).body["items"].size(), 1u) << "without ?tool: every tool's rounds";
  EXPECT_EQ(api(0).get(kBase + "?tool=x").status, 400);
  EXPECT_EQ(api(0).get(kBase + "?tool=99999").status, 404);
  EXPECT_EQ(api(0).post(kBase, {{"tool", tool_}, {"template_id", "m.gibt-es-nicht"}}).status, 400);
  EXPECT_EQ(api(0).post(kBase, {{"tool", 99999}, {"template_id", kUse}}).status, 404);
  EXPECT_EQ(api(0).post(kBase, {{"tool", tool_}, {"template_id", kUse}, {"anonymous", "ja"}}).status, 400);
  auto list = api(0).get(kBase + "?tool=" + std::to_string(tool_));
  ASSERT_EQ(list.status, 200) << list.raw;
  ASSERT_EQ(list.body["items"].size(), 1u);
  EXPECT_EQ(list.body["items"][0]["template_id"], kUse);
}

TEST_F(ReflectionsApi, ExportsReadLikeTheTemplateFilledInAndRenderAnswersInert) {
  const std::string round = start_round(kUse, false);
  const std::string id = round.substr(kBase.size() + 1);
  const json form = api(0).get(round).body["form"];
  const std::string evil = "Hallo <script>alert(1)</script> [klick](javascript:alert(1)) **fett**";
  answer_and_finish(api(0), round, evil);
  Browser ada(srv_.port(), "en");
  ASSERT_EQ(ada.sign_in("ada@example.org").status, 303);

  auto md = ada.get("/o/verein/reflections/" + id + "/mine/export.md");
  ASSERT_EQ(md.status, 200) << md.body;
  EXPECT_NE(md.header("Content-Type").find("text/markdown"), std::string::npos);
  EXPECT_NE(md.header("Content-Disposition").find("attachment"), std::string::npos);
  EXPECT_EQ(md.body.find("# " + form["title"].get<std::string>() + "\n"), md.body.find("# "))
      << "the template's title comes first: " << md.body;
  EXPECT_NE(md.body.find("\n## " + form["sections"][0]["title"].get<std::string>()), std::string::npos)
      << md.body;
  EXPECT_NE(md.body.find("> Hallo &lt;script>alert(1)&lt;/script>"), std::string::npos) << md.body;
  EXPECT_NE(md.body.find("[klick]\\(javascript:alert(1))"), std::string::npos)
      << "no Markdown reader makes the javascript: link a link: " << md.body;
  EXPECT_NE(md.body.find("No answer yet."), std::string::npos) << "unanswered questions are shown";

  auto html = ada.get("/o/verein/reflections/" + id + "/mine/export.html");
  ASSERT_EQ(html.status, 200) << html.body;
  EXPECT_EQ(html.body.find("<script"), std::string::npos) << html.body;
  EXPECT_EQ(html.body.find("javascript:"), std::string::npos) << html.body;
  EXPECT_EQ(html.body.find("<nav"), std::string::npos) << "printable: no navigation";
  EXPECT_NE(html.body.find("<strong>fett</strong>"), std::string::npos) << html.body;
  EXPECT_NE(html.body.find("&lt;script&gt;"), std::string::npos);
  EXPECT_NE(html.body.find("/static/print.css"), std::string::npos);

  auto js = json::parse(ada.get("/o/verein/reflections/" + id + "/mine/export.json").body, nullptr, false);
  ASSERT_TRUE(js.is_object());
  EXPECT_EQ(js["rounds"][0]["sections"][0]["prompts"][0]["answers"][0]["text"], evil);

  // The tool's collection: the named round with Ada's name, an anonymous round of two withheld.
  const std::string anonymous = start_round(kUse, true);
  answer_and_finish(api(1), anonymous, "Geheime Antwort eins");
  answer_and_finish(api(2), anonymous, "Geheime Antwort zwei");
  const std::string tool_export = "/o/verein/tools/" + std::to_string(tool_) + "/reflections/export";
  auto all = ada.get(tool_export + ".md");
  ASSERT_EQ(all.status, 200) << all.body;
  EXPECT_EQ(all.body.rfind("# Reflections on Übersetzungs-KI", 0), 0u) << all.body;
  EXPECT_NE(all.body.find("— " + users_[0].name), std::string::npos) << all.body;
  EXPECT_EQ(all.body.find("Geheime Antwort"), std::string::npos) << all.body;
  EXPECT_NE(all.body.find("at least three people"), std::string::npos);
  for (const char* ext : {".html", ".json"}) {
    auto r = ada.get(tool_export + ext);
    ASSERT_EQ(r.status, 200) << ext;
    EXPECT_EQ(r.body.find("Geheime Antwort"), std::string::npos) << ext;
    EXPECT_EQ(r.body.find(users_[1].name), std::string::npos) << ext;
    EXPECT_EQ(r.body.find(users_[2].name), std::string::npos) << ext;
  }
  // With a third person the anonymous answers appear, still without names.
  answer_and_finish(api(3), anonymous, "Geheime Antwort drei");
  auto three = ada.get("/o/verein/reflections/" + anonymous.substr(kBase.size() + 1) + "/export.json");
  ASSERT_EQ(three.status, 200) << three.body;
  EXPECT_NE(three.body.find("Geheime Antwort drei"), std::string::npos);
  for (std::size_t i = 1; i < users_.size(); ++i) {
    EXPECT_EQ(three.body.find(users_[i].name), std::string::npos) << three.body;
  }
  EXPECT_EQ(three.body.find("author"), std::string::npos) << three.body;

  Browser eve(srv_.port(), "en");
  ASSERT_EQ(eve.sign_in("eve@example.org").status, 303);
  EXPECT_EQ(eve.get("/o/verein/reflections/" + id + "/export.md").status, 404);
  EXPECT_EQ(eve.get("/o/andere/reflections/" + id + "/export.md").status, 404);
}

TEST_F(ReflectionsApi, EveryReflectionsRouteIsDocumentedInOpenApi) {
  const auto c = openapi_coverage(srv_.port(), srv_.app().router(), "/api/v1/orgs/{org}/reflections");
  EXPECT_EQ(c.missing, std::vector<std::string>{});
  EXPECT_GE(c.documented.size(), 8u);
}

}  // namespace
}  // namespace solipraxis::web
