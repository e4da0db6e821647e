// The tool register's JSON API over real HTTP (SQLite): roles and tenancy,
// lists with filters and pages, optimistic locking on PATCH, every (phase,
// decision kind) pair as POST .../decisions, the red-line gate and bad input
// that must change nothing.
#include <utility>

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <map>

#include <nlohmann/json.hpp>

#include "api_client.h"
#include "core/tool_phase.h"
#include "store/orgs.h"
#include "store/store.h"
#include "store/users.h"
#include "web_fixture.h"

namespace solipraxis::web {
namespace {

using core::DecisionKind;
using core::Phase;
using nlohmann::json;

const std::string kTools = "/api/v1/orgs/verein/tools";

class ToolsApi : public ::testing::Test {
 protected:
  ToolsApi()
      : editor_(srv_.port(),
                srv_.token(srv_.user("ed@example.org", "verein", store::Role::kEditor))),
        member_(srv_.port(),
                srv_.token(srv_.user("mo@example.org", "verein", store::Role::kMember))) {}

  json create(const std::string& name = "Übersetzungshilfe") {
    auto r = editor_.post(kTools, {{"name", name}, {"purpose", "Briefe verständlich machen"}});
    EXPECT_EQ(r.status, 201) << r.raw;
    return r.body;
  }
  static std::string url(const json& tool) {
    return kTools + "/" + std::to_string(tool["id"].get<std::int64_t>());
  }
  json decide(const json& tool, std::string_view kind, json extra = json::object()) {
    extra["kind"] = std::string(kind);
    if (!extra.contains("version")) extra["version"] = tool["version"];  // as read
    if (!extra.contains("rationale")) extra["rationale"] = "Im Team abgewogen.";
    if (!extra.contains("principles"))
      extra["principles"] = json::array({{{"principle", 1}, {"how", "Nutzen abgewogen"}}});
    if (!extra.contains("red_lines_confirmed")) extra["red_lines_confirmed"] = confirmed_;
    return extra;
  }
  json tool_in(Phase phase) {
    static const std::map<Phase, std::vector<const char*>> kPaths = {
        {Phase::kIdea, {}},
        {Phase::kSelection, {"explore"}},
        {Phase::kPilot, {"explore", "pilot"}},
        {Phase::kInUse, {"explore", "pilot", "adopt"}},
        {Phase::kEvaluation, {"explore", "pilot", "adopt", "evaluate"}},
        {Phase::kRetired, {"explore", "pilot", "adopt", "retire"}},
        {Phase::kRejected, {"reject"}},
    };
    json t = create(std::string("Tool in ") + core::phase_name(phase));
    for (const char* k : kPaths.at(phase)) {
      auto r = editor_.post(url(t) + "/decisions", decide(t, k));
      EXPECT_EQ(r.status, 201) << k << ": " << r.raw;
      t = r.body["tool"];
    }
    EXPECT_EQ(t["phase"], core::phase_name(phase));
    return t;
  }
  std::size_t decision_count(const json& t) {
    auto r = member_.get(url(t) + "/decisions");
    EXPECT_EQ(r.status, 200);
    return r.body["items"].size();
  }
  // The tool is stored exactly as `before` (phase, version, decisions).
  void expect_unchanged(const json& before, std::size_t decisions) {
    auto now = member_.get(url(before));
    EXPECT_EQ(now.body["phase"], before["phase"]);
    EXPECT_EQ(now.body["version"], before["version"]);
    EXPECT_EQ(decision_count(before), decisions);
  }

  AuthServer srv_;
  Api editor_;
  Api member_;
  json confirmed_ = json::array();
};

TEST_F(ToolsApi, MembersReadEditorsWriteOthersGetNothing) {
  const json t = create();
  EXPECT_EQ(t["phase"], "idea");
  EXPECT_EQ(t["version"], 1);
  EXPECT_EQ(member_.get(kTools).status, 200);
  EXPECT_EQ(member_.get(url(t)).body["name"], "Übersetzungshilfe");
  auto denied = member_.post(kTools, {{"name", "Nope"}});
  EXPECT_EQ(denied.status, 403);
  EXPECT_EQ(denied.body["error"]["code"], "forbidden");
  EXPECT_EQ(member_.patch(url(t), {{"version", 1}, {"name", "x"}}).status, 403);
  EXPECT_EQ(member_.post(url(t) + "/decisions", decide(t, "explore")).status, 403);
  EXPECT_EQ(member_.post("/api/v1/orgs/verein/red-lines", {{"text", "x"}}).status, 403);

  Api anonymous(srv_.port(), "");
  EXPECT_EQ(anonymous.get(kTools).status, 401);
  Api stranger(srv_.port(), srv_.token(srv_.user("x@example.org", "andere", store::Role::kOwner)));
  EXPECT_EQ(stranger.get(kTools).status, 404);
  EXPECT_EQ(stranger.get(url(t)).status, 404);
  // A tool id of another org is not found, even for its members' own org path.
  auto other = stranger.post("/api/v1/orgs/andere/tools", {{"name", "Fremd"}});
  ASSERT_EQ(other.status, 201);
  EXPECT_EQ(editor_.get(kTools + "/" + std::to_string(other.body["id"].get<int>())).status, 404);
  EXPECT_EQ(editor_.get(kTools + "/abc").status, 404);
  EXPECT_EQ(member_.get(kTools).body["items"].size(), 1u);
}

TEST_F(ToolsApi, ListFiltersAndPages) {
  for (int i = 0; i < 5; ++i) create("Tool " + std::to_string(i));
  tool_in(Phase::kRejected);
  json pub = create("Öffentlich");
  ASSERT_EQ(editor_.patch(url(pub), {{"version", 1}, {"public", true}, {"public_summary", "Kurz."}})
                .status,
            200);

  std::vector<std::int64_t> seen;
  std::string target = kTools + "?limit=3";
  for (int guard = 0; guard < 10; ++guard) {
    auto r = member_.get(target);
    ASSERT_EQ(r.status, 200) << r.raw;
    EXPECT_LE(r.body["items"].size(), 3u);
    for (const auto& t : r.body["items"]) seen.push_back(t["id"]);
    if (r.body["next"].is_null()) break;
    target = kTools + "?limit=3&cursor=" + percent_encode(r.body["next"].get<std::string>());
  }
  EXPECT_EQ(seen.size(), 7u);
  EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));

  auto rejected = member_.get(kTools + "?phase=rejected");
  ASSERT_EQ(rejected.body["items"].size(), 1u);
  auto only_public = member_.get(kTools + "?public=true");
  ASSERT_EQ(only_public.body["items"].size(), 1u);
  EXPECT_EQ(only_public.body["items"][0]["name"], "Öffentlich");
  EXPECT_EQ(member_.get(kTools + "?public=false").body["items"].size(), 6u);
  for (const char* bad : {"?phase=paused", "?public=yes", "?limit=0", "?limit=201", "?limit=x",
                          "?cursor=not-a-cursor"}) {
    auto r = member_.get(kTools + bad);
    EXPECT_EQ(r.status, 400) << bad << " " << r.raw;
    EXPECT_EQ(r.body["error"]["code"], "invalid_input") << bad;
  }
}

// Walks a list page by page (at most `limit` items each); the ids seen, and
// the number of pages.
std::pair<std::vector<std::int64_t>, int> walk(Api& api, const std::string& list, int limit) {
  std::vector<std::int64_t> seen;
  const std::string first = list + "?limit=" + std::to_string(limit);
  std::string target = first;
  int pages = 0;
  for (; pages < 20; ++pages) {
    auto r = api.get(target);
    EXPECT_EQ(r.status, 200) << target << " " << r.raw;
    if (r.status != 200) break;
    EXPECT_LE(r.body["items"].size(), static_cast<std::size_t>(limit));
    for (const auto& item : r.body["items"]) seen.push_back(item["id"]);
    if (r.body["next"].is_null()) return {seen, pages + 1};
    target = first + "&cursor=" + percent_encode(r.body["next"].get<std::string>());
  }
  ADD_FAILURE() << list << ": no last page";
  return {seen, pages};
}

void expect_bad_paging_is_400(Api& api, const std::string& list) {
  for (const char* bad : {"?limit=0", "?limit=201", "?limit=x", "?cursor=not-a-cursor",
                          "?cursor=-1", "?limit=2&cursor=0"}) {
    auto r = api.get(list + bad);
    EXPECT_EQ(r.status, 400) << list << bad << " " << r.raw;
    EXPECT_EQ(r.body["error"]["code"], "invalid_input") << list << bad;
  }
}

TEST_F(ToolsApi, DecisionsArePagedLikeTheToolList) {
  // explore, pilot, adopt, evaluate, continue, evaluate: six decisions.
  json t = tool_in(Phase::kEvaluation);
  for (const char* k : {"continue", "evaluate"}) {
    auto r = editor_.post(url(t) + "/decisions", decide(t, k));
    ASSERT_EQ(r.status, 201) << k << ": " << r.raw;
    t = r.body["tool"];
  }
  const std::string list = url(t) + "/decisions";
  auto all = member_.get(list);
  ASSERT_EQ(all.body["items"].size(), 6u);
  EXPECT_TRUE(all.body["next"].is_null());
  const auto [seen, pages] = walk(member_, list, 2);
  EXPECT_EQ(pages, 3);
  ASSERT_EQ(seen.size(), 6u);
  for (std::size_t i = 0; i < seen.size(); ++i) {
    EXPECT_EQ(seen[i], all.body["items"][i]["id"]) << "oldest first, each once";
  }
  expect_bad_paging_is_400(member_, list);
}

TEST_F(ToolsApi, RedLinesArePagedLikeTheToolList) {
  const std::string lines = "/api/v1/orgs/verein/red-lines";
  std::vector<std::int64_t> created;
  for (int i = 0; i < 7; ++i) {
    auto r = editor_.post(lines, {{"text", "Rote Linie " + std::to_string(i)}});
    ASSERT_EQ(r.status, 201) << r.raw;
    created.push_back(r.body["id"]);
  }
  // Another org's lines never show up on any page.
  Api stranger(srv_.port(), srv_.token(srv_.user("x@example.org", "andere", store::Role::kOwner)));
  ASSERT_EQ(stranger.post("/api/v1/orgs/andere/red-lines", {{"text", "Fremd"}}).status, 201);
  const auto [seen, pages] = walk(member_, lines, 3);
  EXPECT_EQ(pages, 3);
  EXPECT_EQ(seen, created);
  EXPECT_EQ(member_.get(lines).body["items"].size(), 7u) << "default limit 50: one page";
  expect_bad_paging_is_400(member_, lines);
}

TEST_F(ToolsApi, PatchNeedsTheVersionAndAStaleOneIs409WithNothingChanged) {
  const json t = create();
  auto no_version = editor_.patch(url(t), {{"cost", "50 Euro"}});
  EXPECT_EQ(no_version.status, 400);
  auto alice = editor_.patch(url(t), {{"version", 1}, {"purpose", "Alices Fassung"}});
  ASSERT_EQ(alice.status, 200) << alice.raw;
  EXPECT_EQ(alice.body["version"], 2);
  auto bob = editor_.patch(url(t), {{"version", 1}, {"cost", "50 Euro"}});
  EXPECT_EQ(bob.status, 409);
  EXPECT_EQ(bob.body["error"]["code"], "conflict");
  EXPECT_EQ(bob.body["error"]["message"],
            "Someone changed this tool in the meantime. Your input is still here. Please check the "
            "new state and save again.");
  auto stored = member_.get(url(t)).body;
  EXPECT_EQ(stored["purpose"], "Alices Fassung");
  EXPECT_EQ(stored["cost"], "");
  EXPECT_EQ(stored["version"], 2);

  // Bad input: 400, a field named, nothing stored.
  auto phase = editor_.patch(url(t), {{"version", 2}, {"phase", "in_use"}});
  EXPECT_EQ(phase.status, 400);
  EXPECT_EQ(phase.body["error"]["message"], "The phase changes only through a decision.");
  auto typo = editor_.patch(url(t), {{"version", 2}, {"nmae", "x"}});
  EXPECT_EQ(typo.status, 400);
  EXPECT_EQ(typo.body["error"]["detail"], "nmae: unknown field");
  auto type = editor_.patch(url(t), {{"version", 2}, {"personal_data", "ja"}});
  EXPECT_EQ(type.status, 400);
  auto long_name = editor_.patch(url(t), {{"version", 2},
                                          {"name", std::string(101, 'x')},
                                          {"links", json::array({"javascript:alert(1)"})}});
  EXPECT_EQ(long_name.status, 400);
  ASSERT_EQ(long_name.body["error"]["fields"].size(), 2u) << long_name.raw;
  EXPECT_EQ(long_name.body["error"]["fields"][0]["field"], "name");
  EXPECT_EQ(long_name.body["error"]["fields"][1]["field"], "links");
  auto past = editor_.patch(url(t), {{"version", 2}, {"next_review", "2025-12-31"}});
  EXPECT_EQ(past.status, 400);
  EXPECT_EQ(past.body["error"]["message"], "The next review cannot be in the past.");
  auto bad_date = editor_.patch(url(t), {{"version", 2}, {"next_review", "2026-02-30"}});
  EXPECT_EQ(bad_date.status, 400);
  auto raw =
      testing::request(srv_.port(), "PATCH", url(t),
                       "Authorization: Bearer " +
                           srv_.token(srv_.user("e2@example.org", "verein", store::Role::kEditor)) +
                           "\r\nContent-Type: text/plain\r\n",
                       "name=x");
  ASSERT_TRUE(raw);
  EXPECT_EQ(raw->status, 415);
  EXPECT_EQ(member_.get(url(t)).body, stored);

  // Text with HTML is stored as written; JSON carries it as a string.
  auto html = editor_.patch(url(t), {{"version", 2}, {"name", "<script>alert(1)</script>"}});
  ASSERT_EQ(html.status, 200);
  EXPECT_EQ(member_.get(url(t)).body["name"], "<script>alert(1)</script>");
}

TEST_F(ToolsApi, EveryPhaseAndDecisionKindPair) {
  int allowed = 0;
  for (Phase from : core::kAllPhases) {
    for (DecisionKind kind : core::kAllDecisionKinds) {
      const std::string k = core::decision_kind_name(kind);
      SCOPED_TRACE(std::string(core::phase_name(from)) + " / " + k);
      const json before = tool_in(from);
      const std::size_t decisions = decision_count(before);
      auto r = editor_.post(url(before) + "/decisions", decide(before, k));
      auto expected = core::transition(from, kind);
      if (!expected) {
        EXPECT_EQ(r.status, 409) << r.raw;
        EXPECT_EQ(r.body["error"]["code"], "conflict");
        EXPECT_EQ(r.body["error"]["message"], "This step is not possible from the current phase.");
        expect_unchanged(before, decisions);
        continue;
      }
      ++allowed;
      ASSERT_EQ(r.status, 201) << r.raw;
      EXPECT_EQ(r.body["tool"]["phase"], core::phase_name(*expected));
      EXPECT_EQ(r.body["tool"]["version"], before["version"].get<int>() + 1);
      EXPECT_EQ(r.body["decision"]["kind"], k);
      EXPECT_EQ(r.body["decision"]["from"], core::phase_name(from));
      EXPECT_EQ(r.body["decision"]["to"], core::phase_name(*expected));
      EXPECT_EQ(r.body["decision"]["decided_by"], "Name ed@example.org")
          << "defaults to the caller";
      EXPECT_EQ(r.body["decision"]["decided_on"], "2026-01-01");
      EXPECT_EQ(r.body["tool"]["next_review"].is_null(), !core::requires_review(*expected));
      auto stored = member_.get(url(before));
      EXPECT_EQ(stored.body["phase"], core::phase_name(*expected));
      auto history = member_.get(url(before) + "/decisions");
      ASSERT_EQ(history.body["items"].size(), decisions + 1);
      EXPECT_EQ(history.body["items"].back()["rationale"], "Im Team abgewogen.");
      EXPECT_EQ(history.body["items"].back()["principles"][0]["how"], "Nutzen abgewogen");
    }
  }
  EXPECT_EQ(allowed, 10);
}

TEST_F(ToolsApi, TargetPhaseInsteadOfKind) {
  json t = tool_in(Phase::kPilot);
  json body = decide(t, "adopt");
  body.erase("kind");
  body["to"] = "in_use";
  auto r = editor_.post(url(t) + "/decisions", body);
  ASSERT_EQ(r.status, 201) << r.raw;
  EXPECT_EQ(r.body["decision"]["kind"], "adopt");
  // "to" a phase that cannot be reached, or disagreeing with "kind": refused.
  t = r.body["tool"];
  body["to"] = "selection";
  EXPECT_EQ(editor_.post(url(t) + "/decisions", body).status, 409);
  body["to"] = "retired";
  body["kind"] = "evaluate";
  EXPECT_EQ(editor_.post(url(t) + "/decisions", body).status, 409);
  expect_unchanged(t, 3);
}

TEST_F(ToolsApi, ABackdatedDecisionIsNotOverdueAndTheTimelineFollowsTheDecisionDays) {
  // Today is 2026-01-01 (TestClock). A decision recorded now for an old day
  // gets its default review from today, not from the old day.
  json t = create("Altes Werkzeug");
  auto explore = editor_.post(url(t) + "/decisions", decide(t, "explore", {{"decided_on", "2025-06-01"}}));
  ASSERT_EQ(explore.status, 201) << explore.raw;
  t = explore.body["tool"];
  auto pilot = editor_.post(url(t) + "/decisions",
                            decide(t, "pilot", {{"to", "pilot"}, {"decided_on", "2001-01-01"}}));
  ASSERT_EQ(pilot.status, 201) << pilot.raw;
  EXPECT_EQ(pilot.body["decision"]["decided_on"], "2001-01-01");
  EXPECT_EQ(pilot.body["tool"]["next_review"], "2026-07-01");
  EXPECT_EQ(member_.get(url(t)).body["next_review"], "2026-07-01");
  // The timeline lists decisions by the day they were taken, then as recorded.
  auto list = member_.get(url(t) + "/decisions");
  ASSERT_EQ(list.status, 200);
  ASSERT_EQ(list.body["items"].size(), 2u);
  EXPECT_EQ(list.body["items"][0]["kind"], "pilot");
  EXPECT_EQ(list.body["items"][1]["kind"], "explore");
}

TEST_F(ToolsApi, BadDecisionsAre4xxAndChangeNothing) {
  const json t = tool_in(Phase::kSelection);
  const std::string d = url(t) + "/decisions";
  struct Case {
    const char* what;
    json body;
    int status;
    const char* message;
  };
  json no_rationale = decide(t, "pilot", {{"rationale", "  "}});
  json unknown_principle =
      decide(t, "pilot", {{"principles", json::array({{{"principle", 9}, {"how", "x"}}})}});
  json no_how = decide(t, "pilot", {{"principles", json::array({{{"principle", 2}}})}});
  json past_review = decide(t, "pilot", {{"next_review", "2025-12-31"}});
  json future_decision = decide(t, "pilot", {{"decided_on", "2026-01-02"}});
  json no_kind = decide(t, "pilot");
  no_kind.erase("kind");
  json unknown_kind = decide(t, "pause");
  json stale = decide(t, "pilot", {{"version", 1}});
  json typo = decide(t, "pilot", {{"rationle", "x"}});
  // An explanation that names no principle, or a principle marked as not
  // chosen: refused instead of silently dropping the text.
  json how_without_principle =
      decide(t, "pilot", {{"principles", json::array({{{"how", "Daten bleiben bei uns"}}})}});
  json unticked = decide(t, "pilot", {{"principles", json::array({{{"principle", 3},
                                                                  {"selected", false},
                                                                  {"how", "Text"}}})}});
  const std::vector<Case> cases = {
      {"no rationale", no_rationale, 400, "Please give the reasons for the decision."},
      {"unknown principle", unknown_principle, 400, "There are only principles 1 to 8."},
      {"principle without how", no_how, 400,
       "Please describe how the decision touches the principle."},
      {"next review in the past", past_review, 400, "The next review cannot be in the past."},
      {"decided in the future", future_decision, 400, "The decision date cannot be in the future."},
      {"no kind", no_kind, 400, "Please name the decision (kind) or the target phase (to)."},
      {"unknown kind", unknown_kind, 400, "Please choose a decision from the list."},
      {"stale version", stale, 409, nullptr},
      {"unknown field", typo, 400, "There is no such field."},
      {"how without a principle", how_without_principle, 400,
       "You wrote an explanation but did not tick the principle. Tick the principle or clear the "
       "text."},
      {"unknown key in a principle", unticked, 400, "There is no such field."},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.what);
    auto r = editor_.post(d, c.body);
    EXPECT_EQ(r.status, c.status) << r.raw;
    if (c.message) {
      EXPECT_EQ(r.body["error"]["message"], c.message) << r.raw;
    }
    expect_unchanged(t, 1);
  }
  auto not_json = editor_.send("POST", d);
  EXPECT_EQ(not_json.status, 415);
  expect_unchanged(t, 1);
}

// An e-mail address never goes into a decision: without a display name the caller
// says who decided, and nothing is stored until then.
TEST_F(ToolsApi, DecidedByNeverDefaultsToTheEmailAddress) {
  const store::User nameless = srv_.user("ohne-name@example.org", "verein", store::Role::kEditor);
  ASSERT_TRUE(srv_.store().users().set_user_name(nameless.id, ""));
  Api client(srv_.port(), srv_.token(nameless));
  const json t = create("Ohne Namen");
  auto r = client.post(url(t) + "/decisions", decide(t, "explore"));
  EXPECT_EQ(r.status, 400) << r.raw;
  EXPECT_EQ(r.raw.find("ohne-name@example.org"), std::string::npos) << r.raw;
  EXPECT_EQ(decision_count(t), 0u);
  r = client.post(url(t) + "/decisions", decide(t, "explore", {{"decided_by", "Vorstand"}}));
  ASSERT_EQ(r.status, 201) << r.raw;
  EXPECT_EQ(r.body["decision"]["decided_by"], "Vorstand");
}

TEST_F(ToolsApi, RedLineGate) {
  const std::string lines = "/api/v1/orgs/verein/red-lines";
  auto a = editor_.post(lines, {{"text", "Kein Tool, das mit Beratungsgesprächen trainiert."}});
  ASSERT_EQ(a.status, 201) << a.raw;
  auto b = editor_.post(lines, {{"text", "Keine automatisierten Entscheidungen über Menschen."}});
  ASSERT_EQ(b.status, 201);
  auto c = editor_.post(lines, {{"text", "Früher: nur Anbieter aus der EU."}});
  ASSERT_EQ(
      editor_.patch(lines + "/" + std::to_string(c.body["id"].get<int>()), {{"active", false}})
          .status,
      200);
  EXPECT_EQ(editor_.post(lines, {{"text", "  "}}).status, 400);
  EXPECT_EQ(member_.get(lines).body["items"].size(), 3u);

  const json t = tool_in(Phase::kSelection);
  const std::string d = url(t) + "/decisions";
  // Nothing confirmed, then only the first line: 409 naming the missing line.
  for (const json& confirmed : {json::array(), json::array({a.body["id"]})}) {
    auto r = editor_.post(d, decide(t, "pilot", {{"red_lines_confirmed", confirmed}}));
    EXPECT_EQ(r.status, 409) << r.raw;
    EXPECT_EQ(r.body["error"]["message"],
              "Please confirm every red line before the tool goes into a pilot or into use.");
    const std::string missing = confirmed.empty() ? a.body["text"] : b.body["text"];
    EXPECT_NE(r.body["error"]["detail"].get<std::string>().find(missing), std::string::npos)
        << r.raw;
    expect_unchanged(t, 1);
  }
  // A red line of another org cannot be confirmed.
  Api stranger(srv_.port(), srv_.token(srv_.user("x@example.org", "andere", store::Role::kOwner)));
  auto foreign = stranger.post("/api/v1/orgs/andere/red-lines", {{"text", "Fremd"}});
  ASSERT_EQ(foreign.status, 201);
  auto r =
      editor_.post(d, decide(t, "pilot",
                             {{"red_lines_confirmed",
                               json::array({a.body["id"], b.body["id"], foreign.body["id"]})}}));
  EXPECT_EQ(r.status, 400) << r.raw;
  EXPECT_EQ(r.body["error"]["message"], "Your organisation has no such red line.");
  expect_unchanged(t, 1);

  // Both active lines confirmed (the inactive one need not be): the pilot starts.
  confirmed_ = json::array({a.body["id"], b.body["id"]});
  auto pilot = editor_.post(d, decide(t, "pilot"));
  ASSERT_EQ(pilot.status, 201) << pilot.raw;
  EXPECT_EQ(pilot.body["decision"]["red_lines_confirmed"].size(), 2u);
  // Adopting is gated as well; deciding against the tool never is.
  const json in_pilot = pilot.body["tool"];
  auto adopt = editor_.post(d, decide(in_pilot, "adopt", {{"red_lines_confirmed", json::array()}}));
  EXPECT_EQ(adopt.status, 409);
  expect_unchanged(in_pilot, 2);
  auto reject =
      editor_.post(d, decide(in_pilot, "reject", {{"red_lines_confirmed", json::array()}}));
  ASSERT_EQ(reject.status, 201) << reject.raw;
  EXPECT_TRUE(reject.body["decision"]["red_lines_confirmed"].empty());

  // A confirmed line is history: DELETE is refused, an unused one can go.
  const std::string a_url = lines + "/" + std::to_string(a.body["id"].get<int>());
  auto del = editor_.del(a_url);
  EXPECT_EQ(del.status, 409);
  EXPECT_EQ(del.body["error"]["code"], "conflict");
  // Its text cannot change either (alone or with active), and nothing changes;
  // the message says what to do instead. Deactivating it keeps working.
  for (const json& edit : {json{{"text", "Training nur mit Einwilligung."}},
                           json{{"text", "Training nur mit Einwilligung."}, {"active", false}}}) {
    auto reword = editor_.patch(a_url, edit);
    EXPECT_EQ(reword.status, 409) << reword.raw;
    EXPECT_EQ(reword.body["error"]["code"], "conflict");
    EXPECT_NE(reword.body["error"]["message"].get<std::string>().find("write a new red line"),
              std::string::npos)
        << reword.raw;
  }
  const json stored_a = member_.get(lines).body["items"][0];
  EXPECT_EQ(stored_a["text"], a.body["text"]);
  EXPECT_EQ(stored_a["active"], true);
  EXPECT_EQ(stored_a["updated_at"], a.body["updated_at"]);
  auto off = editor_.patch(a_url, {{"text", a.body["text"]}, {"active", false}});
  EXPECT_EQ(off.status, 200) << off.raw;
  EXPECT_EQ(off.body["active"], false);
  EXPECT_EQ(editor_.patch(a_url, {{"active", true}}).status, 200);
  EXPECT_EQ(editor_.del(lines + "/" + std::to_string(c.body["id"].get<int>())).status, 204);
  EXPECT_EQ(editor_.del(lines + "/" + std::to_string(c.body["id"].get<int>())).status, 404);
  EXPECT_EQ(member_.get(lines).body["items"].size(), 2u);
}

TEST_F(ToolsApi, SessionCallersNeedTheCsrfHeaderToWrite) {
  srv_.user("web@example.org", "verein", store::Role::kEditor);
  Browser b(srv_.port());
  ASSERT_EQ(b.sign_in("web@example.org").status, 303);
  b.open("/o/verein");  // the session's CSRF token
  const std::string body = json{{"name", "Im Browser"}}.dump();
  auto without = b.send("POST", kTools, body, "application/json");
  EXPECT_EQ(without.status, 403);
  auto with =
      b.send("POST", kTools, body, "application/json", "X-CSRF-Token: " + b.csrf() + "\r\n");
  EXPECT_EQ(with.status, 201) << with.body;
  EXPECT_EQ(member_.get(kTools).body["items"].size(), 1u);
}

// "Processes personal data" is "yes", "no" or "unknown" (not answered yet), in
// and out; a new tool has not answered. Old clients may send true/false. Any
// other value is 400 with a message and leaves the tool exactly as it was.
TEST_F(ToolsApi, PersonalDataRoundTripsAllThreeAnswers) {
  json t = create();
  EXPECT_EQ(t["personal_data"], "unknown");
  EXPECT_EQ(t["special_categories"], false);
  for (const char* answer : {"yes", "no", "unknown"}) {
    auto r = editor_.patch(url(t), {{"version", t["version"]}, {"personal_data", answer}});
    ASSERT_EQ(r.status, 200) << r.raw;
    EXPECT_EQ(r.body["personal_data"], answer);
    EXPECT_EQ(member_.get(url(t)).body["personal_data"], answer);
    t = r.body;
  }
  auto listed = member_.get(kTools);
  EXPECT_EQ(listed.body["items"][0]["personal_data"], "unknown");
  auto created = editor_.post(kTools, {{"name", "Ohne Personenbezug"}, {"personal_data", "no"}});
  ASSERT_EQ(created.status, 201) << created.raw;
  EXPECT_EQ(created.body["personal_data"], "no");

  // Older clients: booleans are answers, and the response is always the string.
  auto yes = editor_.patch(url(t), {{"version", t["version"]}, {"personal_data", true}});
  ASSERT_EQ(yes.status, 200) << yes.raw;
  EXPECT_EQ(yes.body["personal_data"], "yes");
  auto no = editor_.patch(url(t), {{"version", yes.body["version"]}, {"personal_data", false}});
  ASSERT_EQ(no.status, 200) << no.raw;
  EXPECT_EQ(no.body["personal_data"], "no");
  t = no.body;

  // Bad values: 400 with a message, nothing stored, not even the version.
  for (const json& bad : {json("ja"), json("Yes"), json(""), json("maybe")}) {
    auto r = editor_.patch(url(t), {{"version", t["version"]}, {"personal_data", bad}});
    EXPECT_EQ(r.status, 400) << bad;
    EXPECT_EQ(r.body["error"]["code"], "invalid_input") << r.raw;
    EXPECT_EQ(r.body["error"]["message"], "Please choose “Yes”, “No” or “Not answered yet”.");
    EXPECT_TRUE(r.body["error"]["detail"].get<std::string>().starts_with("personal_data: "));
  }
  for (const json& bad : {json(1), json(nullptr), json::array({"yes"})}) {
    auto r = editor_.patch(url(t), {{"version", t["version"]}, {"personal_data", bad}});
    EXPECT_EQ(r.status, 400) << bad;
    EXPECT_EQ(r.body["error"]["detail"], R"(personal_data: must be "yes", "no" or "unknown")");
  }
  auto refused = editor_.post(kTools, {{"name", "Falsch"}, {"personal_data", "vielleicht"}});
  EXPECT_EQ(refused.status, 400);
  // Special categories with "no" contradict each other; with "unknown" they answer "yes".
  auto contradiction =
      editor_.patch(url(t), {{"version", t["version"]}, {"special_categories", true}});
  EXPECT_EQ(contradiction.status, 400) << contradiction.raw;
  EXPECT_EQ(contradiction.body["error"]["fields"][0]["field"], "special_categories");
  EXPECT_EQ(contradiction.body["error"]["message"],
            "Special categories are always personal data. Choose “Yes” for personal data, or "
            "untick special categories.");
  const json after = member_.get(url(t)).body;
  EXPECT_EQ(after["personal_data"], "no");
  EXPECT_EQ(after["special_categories"], false);
  EXPECT_EQ(after["version"], t["version"]);
  EXPECT_EQ(member_.get(kTools).body["items"].size(), 2u) << "no tool created by a bad POST";
  auto answered = editor_.patch(url(t), {{"version", t["version"]},
                                         {"personal_data", "unknown"},
                                         {"special_categories", true}});
  ASSERT_EQ(answered.status, 200) << answered.raw;
  EXPECT_EQ(answered.body["personal_data"], "yes");
  EXPECT_EQ(answered.body["special_categories"], true);
}

TEST_F(ToolsApi, EveryRegisterRouteIsDocumentedInOpenApi) {
  auto spec = testing::get(srv_.port(), "/api/openapi.json");
  ASSERT_TRUE(spec);
  const json doc = json::parse(spec->body);
  int checked = 0;
  for (const auto& route : srv_.app().router().routes()) {
    const std::string& p = route.pattern;
    const bool mine = p.starts_with("/api/v1/orgs/{org}/tools") ||
                      p.starts_with("/api/v1/orgs/{org}/red-lines") ||
                      p.starts_with("/api/v1/orgs/{org}/reviews") ||
                      p.starts_with("/p/{org}/register.");
    if (!mine) continue;
    std::string method = route.method;
    for (auto& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    EXPECT_TRUE(doc["paths"].contains(p) && doc["paths"][p].contains(method))
        << route.method << " " << p;
    ++checked;
  }
  EXPECT_GE(checked, 13);
}

// The spreadsheet exports under the API, for tokens: ?lang= picks the language.
TEST_F(ToolsApi, RegisterExportsAsSpreadsheets) {
  create("Übersetzungshilfe; Beta");
  auto xlsx = member_.get(kTools + "/export.xlsx?lang=de");
  EXPECT_EQ(xlsx.status, 200);
  EXPECT_TRUE(xlsx.raw.starts_with("PK")) << "a zip container";
  auto en = member_.get(kTools + "/export.csv");  // the client speaks English
  EXPECT_EQ(en.status, 200);
  EXPECT_TRUE(en.raw.starts_with("\xEF\xBB\xBFNo.,Name,")) << en.raw;
  auto de = member_.get(kTools + "/export.csv?lang=de");
  EXPECT_TRUE(de.raw.starts_with("\xEF\xBB\xBFNr.;Name;")) << de.raw;
  EXPECT_NE(de.raw.find(";\"Übersetzungshilfe; Beta\";"), std::string::npos) << de.raw;
  auto bad = member_.get(kTools + "/export.xlsx?lang=fr");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.body["error"]["code"], "invalid_input") << bad.raw;
  Api stranger(srv_.port(), srv_.token(srv_.user("x@example.org", "andere", store::Role::kOwner)));
  EXPECT_EQ(stranger.get(kTools + "/export.xlsx").status, 404);
}

}  // namespace
}  // namespace solipraxis::web
