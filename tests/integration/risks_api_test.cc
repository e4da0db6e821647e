// The risk matrix's JSON API (issue 24): create, read, re-assess with a
// reason, stale versions, history, delete; bad input is a 4xx with
// {"error":{"code","message"}} in the caller's language and nothing stored.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "api_client.h"
#include "risks_site.h"

namespace solipraxis::web {
namespace {

using nlohmann::json;

class RisksApi : public RisksSite {
 protected:
  void SetUp() override {
    RisksSite::SetUp();
    editor_token_ = srv_.token(editor_);
    member_token_ = srv_.token(member_);
  }
  json body() const {
    return {{"tool_id", tool_.id.value},
            {"description", "Wer nicht liest, versteht den Bescheid nicht"},
            {"personas", {karl_.id.value}},
            {"affected", "non_users"},
            {"likelihood", "medium"},
            {"impact", "high"}};
  }
  // A German caller (Accept-Language: de) with the editor's token.
  HttpResponse german(std::string_view method, const std::string& target, const json& b) {
    Browser de(srv_.port(), "de");
    return de.send(method, target, b.dump(), "application/json",
                   "Authorization: Bearer " + editor_token_ + "\r\n");
  }
  std::string editor_token_, member_token_;
  const std::string base_ = "/api/v1/orgs/acme/risks";
};

TEST_F(RisksApi, CreateReadReassessAndDelete) {
  Api api(srv_.port(), editor_token_);
  auto created = api.post(base_, body());
  ASSERT_EQ(created.status, 201) << created.raw;
  const std::string url = base_ + "/" + std::to_string(created.body["id"].get<std::int64_t>());
  EXPECT_EQ(created.body["personas"], json::array({karl_.id.value}));
  EXPECT_EQ(created.body["unmitigated_high"], true);
  auto list = api.get(base_ + "?tool=" + std::to_string(tool_.id.value));
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.body["items"].size(), 1u);
  EXPECT_EQ(api.get(base_ + "?state=mitigated").body["items"].size(), 0u);
  EXPECT_EQ(api.get(base_ + "?persona=" + std::to_string(karl_.id.value)).body["items"].size(), 1u);

  json move{{"version", 1}, {"likelihood", "high"}};
  auto no_reason = api.send("PUT", url, &move);
  ASSERT_EQ(no_reason.status, 400) << no_reason.raw;
  EXPECT_EQ(no_reason.body["error"]["fields"][0]["field"], "reason");
  move["reason"] = "Neue Beschwerden";
  auto moved = api.send("PUT", url, &move);
  ASSERT_EQ(moved.status, 200) << moved.raw;
  EXPECT_EQ(moved.body["version"], 2);
  auto stale = api.send("PUT", url, &move);
  ASSERT_EQ(stale.status, 409);
  EXPECT_EQ(stale.body["error"]["code"], "conflict");
  EXPECT_EQ(stale.body["error"]["current"]["version"], 2);
  auto history = api.get(url + "/history");
  ASSERT_EQ(history.status, 200);
  ASSERT_EQ(history.body["items"].size(), 2u);
  EXPECT_EQ(history.body["items"][1]["reason"], "Neue Beschwerden");
  EXPECT_EQ(history.body["items"][1]["by"], editor_.id.value);

  Api member(srv_.port(), member_token_);
  EXPECT_EQ(member.get(url).status, 200);
  EXPECT_EQ(member.del(url).status, 403);
  EXPECT_EQ(api.del(url).status, 204);
  EXPECT_EQ(api.get(url).status, 404);
}

TEST_F(RisksApi, BadInputIsRefusedInTheCallersLanguageWithNothingStored) {
  json off_scale = body();
  off_scale["likelihood"] = "very high";
  auto r = german("POST", base_, off_scale);
  ASSERT_EQ(r.status, 400) << r.body;
  json e = json::parse(r.body)["error"];
  EXPECT_EQ(e["code"], "invalid_input");
  EXPECT_EQ(e["message"], "Bitte wählen Sie niedrig, mittel oder hoch. Die Matrix kennt nur diese drei Stufen.");
  EXPECT_EQ(e["field"], "likelihood");

  json empty = body();
  empty["description"] = " ";
  auto r2 = german("POST", base_, empty);
  ASSERT_EQ(r2.status, 400);
  EXPECT_EQ(json::parse(r2.body)["error"]["fields"][0]["field"], "description");

  json foreign = body();
  foreign["personas"] = {foreign_.id.value};
  Api api(srv_.port(), editor_token_);
  auto r3 = api.post(base_, foreign);
  ASSERT_EQ(r3.status, 400) << r3.raw;
  EXPECT_EQ(r3.body["error"]["field"], "personas");
  EXPECT_FALSE(r3.body["error"]["message"].get<std::string>().empty());

  json other_tool = body();
  other_tool["tool_id"] = 999999;
  EXPECT_EQ(api.post(base_, other_tool).status, 404);
  json unknown = body();
  unknown["colour"] = "red";
  EXPECT_EQ(api.post(base_, unknown).status, 400);
  EXPECT_EQ(stored_risks(), 0u);
}

TEST_F(RisksApi, EveryRisksRouteIsDocumentedInOpenApi) {
  const auto c = openapi_coverage(srv_.port(), srv_.app().router(), "/api/v1/orgs/{org}/risks");
  EXPECT_EQ(c.missing, std::vector<std::string>{});
  EXPECT_EQ(c.documented.size(), 6u);
}

}  // namespace
}  // namespace solipraxis::web
