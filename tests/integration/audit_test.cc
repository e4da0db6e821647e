// The change log over real HTTP (SQLite): GET /api/v1/orgs/{org}/audit and the
// page /o/{org}/audit. Only owners read it (403 for editors and members, 404
// outside the org); pages walk every row once, newest first; a bad cursor,
// limit or kind is 400; another org's rows never appear; no e-mail address is
// ever shown. A tool's page shows its own changes beside its decisions.
#include <utility>

#include <gtest/gtest.h>

#include <regex>
#include <set>

#include <nlohmann/json.hpp>

#include "api_client.h"
#include "store/audit_facts.h"
#include "store/common.h"
#include "store/orgs.h"
#include "store/store.h"
#include "store/users.h"
#include "web_fixture.h"

namespace solipraxis::web {
namespace {

using nlohmann::json;

const std::string kAudit = "/api/v1/orgs/verein/audit";

class AuditLog : public ::testing::Test {
 protected:
  AuditLog()
      : owner_user_(srv_.user("ada@example.org", "verein", store::Role::kOwner)),
        owner_(srv_.port(), srv_.token(owner_user_)),
        editor_(srv_.port(), srv_.token(srv_.user("ed@example.org", "verein",
                                                  store::Role::kEditor))),
        member_(srv_.port(), srv_.token(srv_.user("mo@example.org", "verein",
                                                  store::Role::kMember))),
        outsider_(srv_.port(), srv_.token(srv_.user("x@example.org", "andere",
                                                    store::Role::kOwner))) {}

  json create_tool(Api& api, const std::string& org, const std::string& name) {
    auto r = api.post("/api/v1/orgs/" + org + "/tools", {{"name", name}});
    EXPECT_EQ(r.status, 201) << r.raw;
    return r.body;
  }

  // Every item of the log, following `next` with `limit` items per page.
  std::vector<json> walk(const std::string& query, int limit) {
    std::vector<json> out;
    std::string target = kAudit + "?limit=" + std::to_string(limit) + query;
    for (int guard = 0; guard < 100; ++guard) {
      auto r = owner_.get(target);
      EXPECT_EQ(r.status, 200) << r.raw;
      if (r.status != 200) break;
      EXPECT_LE(r.body["items"].size(), static_cast<std::size_t>(limit));
      for (const auto& item : r.body["items"]) out.push_back(item);
      if (r.body["next"].is_null()) break;
      target = kAudit + "?limit=" + std::to_string(limit) + query +
               "&cursor=" + percent_encode(r.body["next"].get<std::string>());
    }
    return out;
  }

  std::size_t rows_in_store(const std::string& slug) {
    auto trail = store::audit_trail(srv_.store().audit(), srv_.org(slug).id, {});
    EXPECT_TRUE(trail.has_value());
    return trail.has_value() ? trail->size() : 0;
  }

  AuthServer srv_;
  store::User owner_user_;
  Api owner_;
  Api editor_;
  Api member_;
  Api outsider_;
};

TEST_F(AuditLog, OnlyOwnersReadIt) {
  EXPECT_EQ(owner_.get(kAudit).status, 200);
  auto denied = member_.get(kAudit);
  EXPECT_EQ(denied.status, 403);
  EXPECT_EQ(denied.body["error"]["code"], "forbidden");
  EXPECT_EQ(editor_.get(kAudit).status, 403);
  EXPECT_EQ(outsider_.get(kAudit).status, 404);  // no hint the org exists
  EXPECT_EQ(Api(srv_.port(), "").get(kAudit).status, 401);

  Browser owner(srv_.port());
  ASSERT_EQ(owner.sign_in("ada@example.org").status, 303);
  auto page = owner.get("/o/verein/audit");
  EXPECT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "<h1>Änderungsprotokoll</h1>"));
  EXPECT_TRUE(contains(owner.get("/o/verein").body, "/o/verein/audit"));
  Browser member(srv_.port());
  ASSERT_EQ(member.sign_in("mo@example.org").status, 303);
  EXPECT_EQ(member.get("/o/verein/audit").status, 403);
  EXPECT_FALSE(contains(member.get("/o/verein").body, "/o/verein/audit"));
  Browser outsider(srv_.port());
  ASSERT_EQ(outsider.sign_in("x@example.org").status, 303);
  EXPECT_EQ(outsider.get("/o/verein/audit").status, 404);
}

TEST_F(AuditLog, PagesWalkEveryRowOnceNewestFirstAndNeverAnotherOrgs) {
  for (int i = 0; i < 7; ++i) {
    create_tool(editor_, "verein", "Werkzeug " + std::to_string(i));
    create_tool(outsider_, "andere", "Fremd " + std::to_string(i));
  }
  const auto items = walk("", 3);
  ASSERT_EQ(items.size(), rows_in_store("verein"));
  std::set<std::int64_t> ids;
  for (std::size_t i = 0; i < items.size(); ++i) {
    ids.insert(items[i]["id"].get<std::int64_t>());
    if (i > 0) {
      EXPECT_GT(items[i - 1]["id"], items[i]["id"]);
    }
    EXPECT_FALSE(contains(items[i]["object"]["name"].get<std::string>(), "Fremd"));
  }
  EXPECT_EQ(ids.size(), items.size());
  auto trail = store::audit_trail(srv_.store().audit(), srv_.org("andere").id, {});
  ASSERT_TRUE(trail.has_value());
  for (const auto& e : *trail) EXPECT_EQ(ids.count(e.id), 0u) << e.action;

  const auto tools = walk("&kind=tools", 4);
  ASSERT_EQ(tools.size(), 7u);
  EXPECT_EQ(tools[0]["action"], "tool.create");
  EXPECT_EQ(tools[0]["message"], "Tool recorded");
  EXPECT_EQ(tools[0]["object"]["name"], "Werkzeug 6");
  EXPECT_EQ(tools[0]["actor"]["name"], "Name ed@example.org");
  EXPECT_EQ(tools[0]["via"], "api");
  for (const auto& t : tools) EXPECT_EQ(t["kind"], "tools");
  const auto members = walk("&kind=members", 50);
  EXPECT_EQ(members.size(), 3u);  // three member.add (x@ is in the other org)
}

TEST_F(AuditLog, BadInputIs400) {
  for (const std::string q : {"?cursor=kaputt", "?cursor=-1", "?limit=0", "?limit=201",
                              "?limit=zwei", "?kind=passwords"}) {
    auto r = owner_.get(kAudit + q);
    EXPECT_EQ(r.status, 400) << q << " " << r.raw;
    EXPECT_EQ(r.body["error"]["code"], "invalid_input") << q;
  }
  Browser owner(srv_.port());
  ASSERT_EQ(owner.sign_in("ada@example.org").status, 303);
  EXPECT_EQ(owner.get("/o/verein/audit?cursor=kaputt").status, 400);
  EXPECT_EQ(owner.get("/o/verein/audit?kind=passwords").status, 400);
}

TEST_F(AuditLog, ShowsDisplayNamesNeverAddresses) {
  store::Store& st = srv_.store();
  ASSERT_TRUE(st.users().set_user_name(owner_user_.id, "Ada"));
  ASSERT_TRUE(st.users().set_user_name(st.users().user_by_email("ed@example.org")->id, "Ed"));
  ASSERT_TRUE(st.users().set_user_name(st.users().user_by_email("mo@example.org")->id, "Mo Beispiel"));
  auto tool = create_tool(owner_, "verein", "Übersetzungshilfe");
  ASSERT_TRUE(srv_.store().orgs().set_member_role(srv_.org("verein").id,
                                           srv_.store().users().user_by_email("mo@example.org")->id,
                                           store::Role::kEditor,
                                           store::Actor{owner_user_.id, "web"}));
  auto r = owner_.get(kAudit);
  ASSERT_EQ(r.status, 200);
  EXPECT_FALSE(contains(r.raw, "@")) << r.raw;  // member.add rows hold addresses in the store
  for (const auto& item : r.body["items"]) {
    EXPECT_FALSE(item.contains("before"));
    EXPECT_FALSE(item.contains("after"));
  }
  const json& role = r.body["items"][0];
  EXPECT_EQ(role["action"], "member.role");
  EXPECT_EQ(role["object"]["name"], "Mo Beispiel");
  EXPECT_EQ(role["actor"]["name"], "Ada");
  EXPECT_EQ(role["from"], "member");
  EXPECT_EQ(role["to"], "editor");

  Browser owner(srv_.port(), "de");
  ASSERT_EQ(owner.sign_in("ada@example.org").status, 303);
  auto page = owner.get("/o/verein/audit");
  EXPECT_FALSE(contains(page.body, "@example.org"));
  EXPECT_TRUE(contains(page.body, "Rolle geändert")) << page.body;
  EXPECT_TRUE(contains(page.body, "Mitglied → Redaktion"));
  EXPECT_TRUE(contains(page.body, "<a href=\"/o/verein/tools/" +
                                      std::to_string(tool["id"].get<std::int64_t>()) +
                                      "\">Übersetzungshilfe</a>"));
  EXPECT_TRUE(contains(page.body, "<time datetime=\"2026-01-01T00:00:00Z\">01.01.2026, 01:00 (UTC+1)</time>"))
      << "in the org's time zone (Europe/Berlin by default)";
  EXPECT_TRUE(contains(page.body, "(über die API)"));
}

TEST_F(AuditLog, ThePageLinksToOlderEntriesAndFilters) {
  for (int i = 0; i < 55; ++i) create_tool(editor_, "verein", "Werkzeug " + std::to_string(i));
  Browser owner(srv_.port(), "en");
  ASSERT_EQ(owner.sign_in("ada@example.org").status, 303);
  auto first = owner.get("/o/verein/audit");
  ASSERT_EQ(first.status, 200);
  // mstch escapes "=" in attributes as &#61;.
  static const std::regex older(R"re(<a href="/o/verein/audit\?cursor&#61;(\d+)" rel="next">Older entries</a>)re");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(first.body, m, older)) << first.body;
  auto second = owner.get("/o/verein/audit?cursor=" + m[1].str());
  EXPECT_EQ(second.status, 200);
  EXPECT_TRUE(contains(second.body, "Organisation created"));  // the oldest row
  EXPECT_TRUE(contains(second.body, "Newest entries"));
  EXPECT_FALSE(contains(second.body, "rel=\"next\""));

  auto filtered = owner.get("/o/verein/audit?kind=members");
  EXPECT_TRUE(contains(filtered.body, "Person added"));
  EXPECT_FALSE(contains(filtered.body, "Tool recorded"));
  EXPECT_TRUE(contains(filtered.body, "<option value=\"members\" selected>"));
  auto none = owner.get("/o/verein/audit?kind=catalog");
  EXPECT_TRUE(contains(none.body, "No entries of this kind."));
}

TEST_F(AuditLog, AToolsTimelineShowsItsChangesBesideItsDecisions) {
  auto tool = create_tool(editor_, "verein", "Übersetzungshilfe");
  const std::string url = "/api/v1/orgs/verein/tools/" + std::to_string(tool["id"].get<int>());
  srv_.clock().advance(3600);
  auto edited = editor_.patch(url, {{"version", tool["version"]}, {"purpose", "Briefe"},
                                    {"cost", "0 €"}});
  ASSERT_EQ(edited.status, 200) << edited.raw;
  srv_.clock().advance(86400);
  auto moved = editor_.post(url + "/decisions", {{"kind", "explore"}, {"rationale", "Ansehen"},
                                                 {"principles", json::array({{{"principle", 1}, {"how", "abgewogen"}}})}});
  ASSERT_EQ(moved.status, 201) << moved.raw;

  Browser member(srv_.port(), "de");
  ASSERT_EQ(member.sign_in("mo@example.org").status, 303);
  auto page = member.get("/o/verein/tools/" + std::to_string(tool["id"].get<int>()));
  ASSERT_EQ(page.status, 200);
  const auto created = page.body.find("Werkzeug erfasst");
  const auto changed = page.body.find("Werkzeug bearbeitet");
  const auto decided = page.body.find("Entscheidung</span> 2026-01-02");
  ASSERT_NE(created, std::string::npos) << page.body;
  ASSERT_NE(changed, std::string::npos);
  ASSERT_NE(decided, std::string::npos);
  EXPECT_LT(created, changed);
  EXPECT_LT(changed, decided);
  EXPECT_TRUE(contains(page.body, "Geändert: Zweck, Kosten"));
  EXPECT_TRUE(contains(page.body, "Von: Name ed@example.org (über die API)"));
  EXPECT_FALSE(contains(page.body, "Entscheidung festgehalten"));  // the decision tells it
}

TEST_F(AuditLog, TheOpenApiDocumentDescribesTheRouteAndItsItems) {
  auto spec = testing::get(srv_.port(), "/api/openapi.json");
  ASSERT_TRUE(spec);
  const json doc = json::parse(spec->body);
  ASSERT_TRUE(doc["paths"].contains("/api/v1/orgs/{org}/audit"));
  EXPECT_TRUE(doc["paths"]["/api/v1/orgs/{org}/audit"].contains("get"));
  const json& schema = doc["components"]["schemas"]["AuditEntry"];
  create_tool(editor_, "verein", "Übersetzungshilfe");
  auto r = owner_.get(kAudit);
  ASSERT_EQ(r.status, 200);
  ASSERT_FALSE(r.body["items"].empty());
  for (const auto& item : r.body["items"]) {
    for (const auto& field : schema["required"]) {
      EXPECT_TRUE(item.contains(field.get<std::string>())) << field << " in " << item.dump();
    }
    for (const auto& [key, value] : item.items()) {
      EXPECT_TRUE(schema["properties"].contains(key)) << key << " is not documented";
    }
  }
}

}  // namespace
}  // namespace solipraxis::web
