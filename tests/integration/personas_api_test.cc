// The personas JSON API over real HTTP (issue 24): create with every problem
// named by field, a stale PUT refused with the current persona, a persona that
// risks name deleted only with ?detach_from_risks=true, a tool's personas with
// the coverage check, and another org's persona never attached. Errors are
// {"error":{"code","message"}} in the caller's language; bad input changes nothing.
#include <gtest/gtest.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "api_client.h"
#include "core/risk.h"
#include "core/tool.h"
#include "store/personas.h"
#include "store/risks.h"
#include "store/store.h"
#include "store/tools.h"
#include "web_fixture.h"

namespace solipraxis::web {
namespace {

using nlohmann::json;

const std::string kPersonas = "/api/v1/orgs/verein/personas";
const store::Actor kTest{std::nullopt, "test"};

class PersonasApi : public ::testing::Test {
 protected:
  PersonasApi()
      : editor_(srv_.port(), srv_.token(srv_.user("ed@example.org", "verein", store::Role::kEditor))),
        member_(srv_.port(), srv_.token(srv_.user("mo@example.org", "verein", store::Role::kMember))),
        outsider_(srv_.port(), srv_.token(srv_.user("eve@example.org", "other", store::Role::kOwner))) {
    core::Tool t;
    t.name = "Termin-Bot";
    tool_ = srv_.store().tools().create_tool(srv_.org("verein").id, t, kTest).value();
    tool_url_ = "/api/v1/orgs/verein/tools/" + std::to_string(tool_.id.value) + "/personas";
  }

  json create(json body) {
    auto r = editor_.post(kPersonas, body);
    EXPECT_EQ(r.status, 201) << r.raw;
    return r.body;
  }
  static std::string url(const json& p) { return kPersonas + "/" + std::to_string(p["id"].get<int>()); }
  std::size_t count() { return srv_.store().personas().list(srv_.org("verein").id)->size(); }

  AuthServer srv_;
  Api editor_, member_, outsider_;
  core::Tool tool_;
  std::string tool_url_;
};

TEST_F(PersonasApi, CreateReadListAndEveryProblemNamedByField) {
  const json erika = create({{"name", "Erika, 78"}, {"age", 78}, {"place", "rural"},
                             {"device", "none"}, {"use", "cannot"}, {"languages", {"de"}}});
  EXPECT_EQ(erika["version"], 1);
  EXPECT_EQ(erika["non_user"], true);
  EXPECT_EQ(erika["gender"], "") << "not said";
  EXPECT_EQ(member_.get(url(erika)).body["name"], "Erika, 78");
  auto list = member_.get(kPersonas);
  ASSERT_EQ(list.status, 200);
  ASSERT_EQ(list.body["items"].size(), 1u);
  EXPECT_TRUE(list.body["next"].is_null());

  auto bad = editor_.post(kPersonas, {{"name", ""}, {"age", 130}, {"languages", {"Deutsch"}}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.body["error"]["code"], "invalid_input");
  EXPECT_EQ(bad.body["error"]["message"], "Please give the persona a name.");
  ASSERT_EQ(bad.body["error"]["fields"].size(), 3u) << bad.raw;
  EXPECT_EQ(bad.body["error"]["fields"][1]["field"], "languages");
  auto value = editor_.post(kPersonas, {{"name", "X"}, {"use", "very_likely"}});
  EXPECT_EQ(value.status, 400);
  EXPECT_EQ(value.body["error"]["field"], "use");
  auto unknown = editor_.post(kPersonas, {{"name", "X"}, {"colour", "blue"}});
  EXPECT_EQ(unknown.status, 400);
  EXPECT_EQ(unknown.body["error"]["field"], "colour");
  auto type = editor_.post(kPersonas, {{"name", "X"}, {"age", "78"}});
  EXPECT_EQ(type.status, 400);
  EXPECT_EQ(member_.post(kPersonas, {{"name", "X"}}).status, 403);
  EXPECT_EQ(count(), 1u) << "no refused write stored anything";
  EXPECT_EQ(outsider_.get(url(erika)).status, 404) << "another org's persona does not exist";

  // The same refusal in German for a caller who reads German.
  const std::string token = srv_.token(srv_.user("de@example.org", "verein", store::Role::kEditor));
  auto de = testing::request(srv_.port(), "POST", kPersonas,
                             "Accept-Language: de\r\nAuthorization: Bearer " + token +
                                 "\r\nContent-Type: application/json\r\n",
                             R"({"name": ""})");
  ASSERT_TRUE(de);
  EXPECT_EQ(de->status, 400);
  EXPECT_EQ(json::parse(de->body)["error"]["message"], "Bitte geben Sie der Persona einen Namen.");
}

TEST_F(PersonasApi, PutReplacesFromTheVersionReadAndAStaleOneGetsTheCurrentPersona) {
  json p = create({{"name", "Aylin, 34"}, {"place", "city"}, {"use", "likely"}});
  auto first = editor_.put(url(p), {{"version", 1}, {"name", "Aylin, 35"}, {"use", "maybe"}});
  ASSERT_EQ(first.status, 200) << first.raw;
  EXPECT_EQ(first.body["version"], 2);
  EXPECT_EQ(first.body["place"], "") << "PUT replaces: a field not sent is not said";
  auto stale = editor_.put(url(p), {{"version", 1}, {"name", "Aylin, 99"}});
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(stale.body["error"]["code"], "conflict");
  EXPECT_EQ(stale.body["error"]["current"]["name"], "Aylin, 35");
  auto no_version = editor_.put(url(p), {{"name", "Aylin"}});
  EXPECT_EQ(no_version.status, 400);
  EXPECT_EQ(member_.put(url(p), {{"version", 2}, {"name", "M"}}).status, 403);
  EXPECT_EQ(editor_.get(url(p)).body["name"], "Aylin, 35");
}

TEST_F(PersonasApi, DeletingAPersonaThatRisksNameNeedsDetachFromRisks) {
  const json erika = create({{"name", "Erika, 78"}, {"use", "cannot"}});
  core::Risk risk;
  risk.tool = tool_.id;
  risk.description = "Erika erreicht niemanden mehr.";
  risk.personas = {core::PersonaId(erika["id"].get<int>())};
  const auto r = srv_.store().risks().create(srv_.org("verein").id, risk, kTest);
  ASSERT_TRUE(r) << r.error().detail;

  auto refused = editor_.del(url(erika));
  EXPECT_EQ(refused.status, 409);
  EXPECT_EQ(refused.body["error"]["risks"], json::array({r->id.value}));
  EXPECT_EQ(editor_.del(url(erika) + "?detach_from_risks=maybe").status, 400);
  EXPECT_EQ(count(), 1u);
  EXPECT_EQ(editor_.del(url(erika) + "?detach_from_risks=true").status, 204);
  EXPECT_EQ(count(), 0u);
  EXPECT_EQ(editor_.get(url(erika)).status, 404);
}

TEST_F(PersonasApi, AToolsPersonasCarryTheCoverageGapsAndAnotherOrgsPersonaIsNotAttached) {
  auto empty = member_.get(tool_url_);
  ASSERT_EQ(empty.status, 200);
  EXPECT_EQ(empty.body["coverage_gaps"][0]["key"], "no_personas");
  EXPECT_EQ(empty.body["coverage_gaps"][0]["message"], "No persona is attached to this tool yet.");

  const json jonas = create({{"name", "Jonas, 19"}, {"age", 19}, {"use", "likely"}});
  auto attached = editor_.post(tool_url_, {{"persona", jonas["id"]}});
  ASSERT_EQ(attached.status, 200) << attached.raw;
  ASSERT_EQ(attached.body["items"].size(), 1u);
  std::vector<std::string> keys;
  for (const auto& g : attached.body["coverage_gaps"]) keys.push_back(g["key"]);
  EXPECT_NE(std::find(keys.begin(), keys.end(), "no_cannot_use"), keys.end());
  EXPECT_EQ(std::find(keys.begin(), keys.end(), "no_under_25"), keys.end()) << "Jonas is 19";

  core::Persona foreign;
  foreign.name = "Fremd";
  const auto theirs = srv_.store().personas().create(srv_.org("other").id, foreign, kTest).value();
  auto refused = editor_.post(tool_url_, {{"persona", theirs.id.value}});
  EXPECT_EQ(refused.status, 404);
  EXPECT_EQ(refused.body["error"]["message"], "This persona does not exist in your organisation (any more).");
  EXPECT_EQ(editor_.post(tool_url_, {{"persona", "Jonas"}}).status, 400);
  EXPECT_EQ(member_.post(tool_url_, {{"persona", jonas["id"]}}).status, 403);
  EXPECT_EQ(member_.get(tool_url_).body["items"].size(), 1u);

  EXPECT_EQ(editor_.del(tool_url_ + "/" + std::to_string(jonas["id"].get<int>())).status, 204);
  EXPECT_EQ(member_.get(tool_url_).body["items"].size(), 0u);
}

TEST_F(PersonasApi, EveryPersonasRouteIsDocumentedInOpenApi) {
  const auto c = openapi_coverage(srv_.port(), srv_.app().router(), "personas");
  EXPECT_EQ(c.missing, std::vector<std::string>{});
  EXPECT_EQ(c.documented.size(), 8u);
}

}  // namespace
}  // namespace solipraxis::web
