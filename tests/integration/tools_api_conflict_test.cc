// The tool API after a save conflict and with impossible dates (issue 22,
// items 4 and 5), two clients signed in with their own tokens: a PATCH of an
// older version is never stored; its 409 carries the three-way merge against
// the "base" the client read, so a client can save again without wiping a
// colleague's change. An impossible date is a 400 that names the field.
#include <utility>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "api_client.h"
#include "store/orgs.h"
#include "web_fixture.h"

namespace solipraxis::web {
namespace {

using nlohmann::json;

const std::string kTools = "/api/v1/orgs/verein/tools";

class ToolsApiConflict : public ::testing::Test {
 protected:
  ToolsApiConflict()
      : ada_(srv_.port(), srv_.token(srv_.user("ada@example.org", "verein", store::Role::kEditor))),
        bea_(srv_.port(), srv_.token(srv_.user("bea@example.org", "verein", store::Role::kEditor))) {}

  json create() {
    auto r = ada_.post(kTools, {{"name", "Übersetzung"}, {"purpose", "Briefe"}, {"cost", "0 Euro"}});
    EXPECT_EQ(r.status, 201) << r.raw;
    return r.body;
  }
  static std::string url(const json& tool) {
    return kTools + "/" + std::to_string(tool["id"].get<std::int64_t>());
  }

  AuthServer srv_;
  Api ada_;
  Api bea_;
};

TEST_F(ToolsApiConflict, AStalePatchWithItsBaseAnswersTheMerge) {
  const json read = create();  // both read version 1
  ASSERT_EQ(bea_.patch(url(read), {{"version", 1}, {"cost", "5 Euro"}, {"contact", "Bea"}}).status,
            200);
  // Ada changes purpose (only hers) and cost (Bea's too), sending what she read.
  auto r = ada_.patch(url(read),
                      {{"version", 1}, {"base", read}, {"purpose", "Briefe erklären"}, {"cost", "7 Euro"}});
  ASSERT_EQ(r.status, 409) << r.raw;
  const json& e = r.body["error"];
  EXPECT_EQ(e["code"], "conflict");
  ASSERT_EQ(e["conflicts"].size(), 1u) << r.raw;
  EXPECT_EQ(e["conflicts"][0],
            (json{{"field", "cost"}, {"base", "0 Euro"}, {"mine", "7 Euro"}, {"theirs", "5 Euro"}}));
  EXPECT_EQ(e["theirs"], json::array({"contact"}));
  EXPECT_EQ(e["current"]["version"], 2);
  const json merged = e["merged"];
  EXPECT_EQ(merged["version"], 2);
  EXPECT_EQ(merged["purpose"], "Briefe erklären");
  EXPECT_EQ(merged["contact"], "Bea");
  EXPECT_EQ(merged["cost"], "7 Euro") << "a conflict holds the client's value until decided";
  auto stored = bea_.get(url(read)).body;
  EXPECT_EQ(stored["cost"], "5 Euro") << "nothing stored from a stale version";
  EXPECT_EQ(stored["purpose"], "Briefe");
  // Ada decides for Bea's cost and sends the merge back: both changes stay.
  json again = merged;
  again["cost"] = "5 Euro";
  auto saved = ada_.patch(url(read), again);
  ASSERT_EQ(saved.status, 200) << saved.raw;
  EXPECT_EQ(saved.body["purpose"], "Briefe erklären");
  EXPECT_EQ(saved.body["contact"], "Bea");
  EXPECT_EQ(saved.body["cost"], "5 Euro");
}

TEST_F(ToolsApiConflict, AStalePatchWithoutBaseListsEveryDifferenceAsAConflict) {
  const json read = create();
  ASSERT_EQ(bea_.patch(url(read), {{"version", 1}, {"contact", "Bea"}}).status, 200);
  auto r = ada_.patch(url(read), {{"version", 1}, {"purpose", "Neu"}, {"contact", "Ada"}});
  ASSERT_EQ(r.status, 409);
  const json& c = r.body["error"]["conflicts"];
  ASSERT_EQ(c.size(), 2u) << r.raw;
  EXPECT_EQ(c[0], (json{{"field", "purpose"}, {"mine", "Neu"}, {"theirs", "Briefe"}}));
  EXPECT_EQ(c[1], (json{{"field", "contact"}, {"mine", "Ada"}, {"theirs", "Bea"}}));
  EXPECT_FALSE(r.body["error"].contains("merged"));
  EXPECT_EQ(bea_.get(url(read)).body["contact"], "Bea");
  // A current PATCH may carry its base too; it is not a field.
  auto ok = ada_.patch(url(read), {{"version", 2}, {"base", read}, {"purpose", "Neu"}});
  EXPECT_EQ(ok.status, 200) << ok.raw;
  auto bad_base = ada_.patch(url(read), {{"version", 1}, {"base", {{"nme", "x"}}}});
  EXPECT_EQ(bad_base.status, 400);
  EXPECT_EQ(bad_base.body["error"]["field"], "base.nme");
}

TEST_F(ToolsApiConflict, AnImpossibleDateIs400NamingTheField) {
  const json t = create();
  for (const char* day : {"2026-02-30", "2026-04-31", "2027-02-29"}) {
    auto r = ada_.patch(url(t), {{"version", 1}, {"next_review", day}});
    ASSERT_EQ(r.status, 400) << day;
    EXPECT_EQ(r.body["error"]["field"], "next_review") << r.raw;
    EXPECT_EQ(r.body["error"]["fields"][0]["field"], "next_review");
    EXPECT_EQ(r.body["error"]["message"],
              "This day does not exist in the calendar. Please check day and month: February has "
              "28 days, 29 in leap years; April, June, September and November have 30.");
  }
  auto created = ada_.post(kTools, {{"name", "X"}, {"next_review", "2026-13-01"}});
  EXPECT_EQ(created.status, 400);
  EXPECT_EQ(created.body["error"]["field"], "next_review");
  auto decided = ada_.post(url(t) + "/decisions",
                           {{"kind", "explore"}, {"rationale", "Prüfen"}, {"decided_on", "2026-02-30"}});
  EXPECT_EQ(decided.status, 400) << decided.raw;
  EXPECT_EQ(decided.body["error"]["field"], "decided_on");
  auto stored = ada_.get(url(t)).body;
  EXPECT_EQ(stored["version"], 1) << "nothing stored";
  EXPECT_TRUE(stored["next_review"].is_null());
}

}  // namespace
}  // namespace solipraxis::web
