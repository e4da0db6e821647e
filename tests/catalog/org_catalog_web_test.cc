// An org's own catalog through WebApp::handle in process (real templates, messages, catalog
// and a throwaway SQLite store): the member page, the editor's forms (add, edit, delete with
// confirmation, hide, move), the JSON API, and that nothing of one org reaches another or
// the public catalog. The store contract (tests/store) runs the same rules on PostgreSQL.
#include <filesystem>
#include <regex>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "catalog/load.h"
#include "core/clock.h"
#include "store/audit.h"
#include "store/catalog.h"
#include "store/common.h"
#include "store/orgs.h"
#include "store/secrets.h"
#include "store/store.h"
#include "store/users.h"
#include "test_database.h"
#include "web/app.h"
#include "web/auth/session.h"
#include "web/http.h"

namespace solipraxis {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const store::Actor kTest{std::nullopt, "test"};

// One signed-in person: a session cookie with its CSRF token, and an API token.
struct Person {
  std::string cookie;
  std::string csrf;
  std::string token;
};

class OrgCatalogWeb : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("solipraxis-org-catalog-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
    auto st = store::open_store(testing::test_store_config(dir_.string()), clock_);
    ASSERT_TRUE(st.has_value()) << st.error().detail;
    store_ = std::move(st).value();
    auto set = catalog::load_catalog_dir(std::string(SOLIPRAXIS_SOURCE_DIR) + "/data/catalog");
    ASSERT_TRUE(set.has_value()) << set.error().detail;
    set_ = std::make_unique<catalog::CatalogSet>(std::move(set).value());
    auto app = web::WebApp::create(std::string(SOLIPRAXIS_SOURCE_DIR) + "/web", *store_, clock_);
    ASSERT_TRUE(app.has_value()) << app.error().detail;
    app_ = std::move(app).value();
    app_->services().catalog = set_.get();
    a_ = store_->orgs().create_org("verein-a", "Verein A", kTest).value();
    b_ = store_->orgs().create_org("verein-b", "Verein B", kTest).value();
    editor_ = person("editor@a.example", a_, store::Role::kEditor);
    member_ = person("member@a.example", a_, store::Role::kMember);
    other_ = person("editor@b.example", b_, store::Role::kEditor);
  }
  void TearDown() override {
    app_.reset();
    store_.reset();
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  Person person(const std::string& email, const store::Org& org, store::Role role) {
    auto u = store_->users().create_user({email, "Name", "$argon2id$fake", ""});
    EXPECT_TRUE(u.has_value());
    EXPECT_TRUE(store_->orgs().add_member(org.id, u->id, role, kTest).has_value());
    Person p;
    p.cookie = store::random_token();
    p.csrf = store::random_token();
    store::LoginSession s;
    s.id_hash = store::hash_token(p.cookie);
    s.user_id = u->id;
    s.csrf_token = p.csrf;
    s.expires_at = clock_.now() + 3600;
    EXPECT_TRUE(store_->users().create_session(s).has_value());
    p.token = store::random_token();
    EXPECT_TRUE(store_->users().create_token(u->id, "t", store::hash_token(p.token)).has_value());
    return p;
  }

  web::Response send(const std::string& method, const std::string& target, const Person* who,
                     const std::string& body = "", bool api = false) {
    web::Request req;
    req.method = method;
    req.target = target;
    const size_t q = target.find('?');
    req.path = target.substr(0, q);
    if (q != std::string::npos) req.query = *web::parse_urlencoded(target.substr(q + 1));
    req.headers.set("Accept-Language", "de");
    req.remote_addr = "127.0.0.1";
    if (who && api) req.headers.set("Authorization", "Bearer " + who->token);
    if (who && !api) req.cookies[web::auth::kSessionCookie] = who->cookie;
    if (!body.empty() || method != "GET") {
      req.headers.set("Content-Type", api ? "application/json" : "application/x-www-form-urlencoded");
      req.body = body;
    }
    return app_->handle(req);
  }
  web::Response page(const std::string& target, const Person* who) { return send("GET", target, who); }
  web::Response form(const std::string& target, const Person& who,
                     std::vector<std::pair<std::string, std::string>> fields, bool csrf = true) {
    if (csrf) fields.emplace_back("csrf_token", who.csrf);
    std::string body;
    for (const auto& [k, v] : fields)
      body += (body.empty() ? "" : "&") + web::percent_encode(k) + "=" + web::percent_encode(v);
    return send("POST", target, &who, body);
  }
  web::Response api(const std::string& method, const std::string& target, const Person& who,
                    const json& body = nullptr) {
    return send(method, target, &who, body.is_null() ? "" : body.dump(), true);
  }

  static bool has(const web::Response& r, const std::string& s) {
    return r.body.find(s) != std::string::npos;
  }
  static size_t pos(const web::Response& r, const std::string& s) { return r.body.find(s); }

  fs::path dir_;
  core::FakeClock clock_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<catalog::CatalogSet> set_;
  std::unique_ptr<web::WebApp> app_;
  store::Org a_, b_;
  Person editor_, member_, other_;
};

TEST_F(OrgCatalogWeb, MembersSeeTheOrgCatalogOthersDoNot) {
  auto r = page("/o/verein-a/praxis", &member_);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(has(r, "<li id=\"q.development.01\">"));
  EXPECT_TRUE(has(r, "<li id=\"r.selection.model-cards\">"));
  EXPECT_FALSE(has(r, "/o/verein-a/praxis/edit")) << "members do not get the edit link";
  EXPECT_EQ(page("/o/verein-a/praxis", &other_).status, 404);
  auto anon = page("/o/verein-a/praxis", nullptr);
  EXPECT_EQ(anon.status, 303);
  EXPECT_EQ(page("/o/verein-a/praxis/edit", &member_).status, 403);
  EXPECT_EQ(page("/o/verein-a/praxis/edit", &editor_).status, 200);
  EXPECT_TRUE(has(page("/o/verein-a", &member_), "href=\"/o/verein-a/praxis\""));
  EXPECT_TRUE(has(page("/o/verein-a/praxis", &editor_), "/o/verein-a/praxis/edit"));
}

TEST_F(OrgCatalogWeb, EditorsAddEditAndDeleteOwnEntriesOnlyForTheirOrg) {
  auto made = form("/o/verein-a/praxis/entries", editor_,
                   {{"kind", "question"}, {"phase", "2"},
                    {"text_de", "Wie beteiligen wir den Quartiersrat?"}, {"text_en", ""}});
  ASSERT_EQ(made.status, 303) << made.body;
  EXPECT_EQ(made.headers.value("Location").rfind("/o/verein-a/praxis/edit?saved=created", 0), 0u);
  auto own = store_->catalog().org_catalog(a_.id)->entries;
  ASSERT_EQ(own.size(), 1u);
  const std::string id = std::to_string(own[0].id);

  auto mine = page("/o/verein-a/praxis", &member_);
  EXPECT_TRUE(has(mine, "Wie beteiligen wir den Quartiersrat?"));
  EXPECT_TRUE(has(mine, "Eigener Eintrag"));
  auto found = page("/o/verein-a/praxis?q=quartiersrat", &member_);
  EXPECT_TRUE(has(found, "<mark>Quartiersrat</mark>")) << found.body;
  // Invisible to the other org and to the public.
  EXPECT_FALSE(has(page("/o/verein-b/praxis", &other_), "Quartiersrat"));
  EXPECT_FALSE(has(page("/o/verein-b/praxis?q=Quartiersrat", &other_), "<mark>"));
  EXPECT_FALSE(has(page("/praxis/search?q=Quartiersrat", nullptr), "<mark>"));
  EXPECT_EQ(page("/o/verein-b/praxis/entries/" + id + "/edit", &other_).status, 404);
  EXPECT_EQ(form("/o/verein-b/praxis/entries/" + id + "/delete", other_, {}).status, 404);

  // Edit.
  auto edit = page("/o/verein-a/praxis/entries/" + id + "/edit", &editor_);
  ASSERT_EQ(edit.status, 200);
  EXPECT_TRUE(has(edit, "Wie beteiligen wir den Quartiersrat?</textarea>"));
  auto saved = form("/o/verein-a/praxis/entries/" + id, editor_,
                    {{"kind", "question"}, {"phase", "2"},
                     {"text_de", "Wen fragen wir im Stadtteilbeirat?"}, {"text_en", "Whom do we ask?"}});
  EXPECT_EQ(saved.status, 303) << saved.body;
  EXPECT_TRUE(has(page("/o/verein-a/praxis", &member_), "Stadtteilbeirat"));

  // Delete asks first, then deletes.
  auto confirm = page("/o/verein-a/praxis/entries/" + id + "/delete", &editor_);
  ASSERT_EQ(confirm.status, 200);
  EXPECT_TRUE(has(confirm, "action=\"/o/verein-a/praxis/entries/" + id + "/delete\""));
  EXPECT_TRUE(has(confirm, "Stadtteilbeirat"));
  EXPECT_FALSE(store_->catalog().org_catalog(a_.id)->entries.empty()) << "the confirmation page deletes nothing";
  EXPECT_EQ(form("/o/verein-a/praxis/entries/" + id + "/delete", editor_, {}).status, 303);
  EXPECT_TRUE(store_->catalog().org_catalog(a_.id)->entries.empty());
  EXPECT_FALSE(has(page("/o/verein-a/praxis", &member_), "Stadtteilbeirat"));

  // Members cannot change anything; without the CSRF token nobody can.
  EXPECT_EQ(form("/o/verein-a/praxis/entries", member_,
                 {{"kind", "question"}, {"phase", "1"}, {"text_de", "x"}}).status, 403);
  EXPECT_EQ(form("/o/verein-a/praxis/entries", editor_,
                 {{"kind", "question"}, {"phase", "1"}, {"text_de", "x"}}, false).status, 403);
  EXPECT_TRUE(store_->catalog().org_catalog(a_.id)->entries.empty());
}

TEST_F(OrgCatalogWeb, InvalidEntriesAreRefusedWithAClearMessageAndKeptValues) {
  auto r = form("/o/verein-a/praxis/entries", editor_,
                {{"kind", "question"}, {"phase", "3"}, {"text_de", "  "}, {"text_en", "Only English"}});
  EXPECT_EQ(r.status, 400);
  EXPECT_TRUE(has(r, "Der deutsche Text fehlt.")) << r.body;
  EXPECT_TRUE(has(r, "Only English</textarea>"));
  EXPECT_TRUE(has(r, "<option value=\"3\" selected>"));
  auto url = form("/o/verein-a/praxis/entries", editor_,
                  {{"kind", "resource"}, {"phase", "2"}, {"text_de", "Leitfaden"},
                   {"title_de", "Leitfaden"}, {"url", "javascript:alert(1)"}});
  EXPECT_EQ(url.status, 400);
  EXPECT_TRUE(has(url, "https://"));
  EXPECT_TRUE(store_->catalog().org_catalog(a_.id)->entries.empty());
}

TEST_F(OrgCatalogWeb, HideAndMoveChangeOnlyThisOrgsCatalog) {
  auto hide = form("/o/verein-a/praxis/hide", editor_, {{"entry_id", "q.development.01"}, {"hidden", "1"}});
  EXPECT_EQ(hide.status, 303);
  EXPECT_FALSE(has(page("/o/verein-a/praxis", &member_), "id=\"q.development.01\""));
  EXPECT_FALSE(has(page("/o/verein-a/praxis?q=Perspektive", &member_), "q.development.01"));
  EXPECT_TRUE(has(page("/o/verein-b/praxis", &other_), "id=\"q.development.01\""));
  EXPECT_TRUE(has(page("/praxis/phase/1", nullptr), "id=\"q.development.01\""));
  // The editor still sees it, marked, with a button to show it again.
  auto edit = page("/o/verein-a/praxis/edit", &editor_);
  EXPECT_TRUE(has(edit, "Ausgeblendet"));
  EXPECT_TRUE(has(edit, "Einblenden"));
  EXPECT_EQ(form("/o/verein-a/praxis/hide", editor_, {{"entry_id", "q.development.01"}, {"hidden", "0"}}).status, 303);
  EXPECT_TRUE(has(page("/o/verein-a/praxis", &member_), "id=\"q.development.01\""));
  // Unknown ids are refused.
  EXPECT_EQ(form("/o/verein-a/praxis/hide", editor_, {{"entry_id", "q.nowhere.01"}, {"hidden", "1"}}).status, 404);

  // Move q.development.02 above q.development.01.
  auto before = page("/o/verein-a/praxis", &member_);
  EXPECT_LT(pos(before, "id=\"q.development.01\""), pos(before, "id=\"q.development.02\""));
  EXPECT_EQ(form("/o/verein-a/praxis/move", editor_, {{"entry_id", "q.development.02"}, {"dir", "up"}}).status, 303);
  auto after = page("/o/verein-a/praxis", &member_);
  EXPECT_GT(pos(after, "id=\"q.development.01\""), pos(after, "id=\"q.development.02\""));
  auto other = page("/o/verein-b/praxis", &other_);
  EXPECT_LT(pos(other, "id=\"q.development.01\""), pos(other, "id=\"q.development.02\""));
  // The first cannot move further up; nothing breaks.
  EXPECT_EQ(form("/o/verein-a/praxis/move", editor_, {{"entry_id", "q.development.02"}, {"dir", "up"}}).status, 303);
  EXPECT_EQ(form("/o/verein-a/praxis/move", editor_, {{"entry_id", "q.development.02"}, {"dir", "sideways"}}).status, 400);

  std::vector<std::string> actions;
  auto log = store_->audit().audit_log(a_.id, {200, ""});
  ASSERT_TRUE(log.has_value());
  for (const auto& e : log->items)
    if (e.action.starts_with("catalog.")) actions.push_back(e.action);
  EXPECT_EQ(actions, (std::vector<std::string>{"catalog.order", "catalog.unhide", "catalog.hide"}));
}

TEST_F(OrgCatalogWeb, ApiListsPagesCreatesHidesAndOrders) {
  auto list = api("GET", "/api/v1/orgs/verein-a/catalog?limit=5&kind=question&phase=1", editor_);
  ASSERT_EQ(list.status, 200) << list.body;
  auto j = json::parse(list.body);
  ASSERT_EQ(j["items"].size(), 5u);
  EXPECT_EQ(j["items"][0]["id"], "q.development.01");
  EXPECT_EQ(j["next"], "5");
  auto rest = json::parse(api("GET", "/api/v1/orgs/verein-a/catalog?limit=5&kind=question&phase=1&cursor=5", editor_).body);
  EXPECT_EQ(rest["items"].size(), 4u);  // phase I has 9 questions
  EXPECT_TRUE(rest["next"].is_null());

  auto made = api("POST", "/api/v1/orgs/verein-a/catalog/entries", editor_,
                  {{"kind", "resource"}, {"phase", 2}, {"title", {{"de", "Leitfaden Beteiligung"}}},
                   {"text", {{"de", "Wie wir Betroffene fragen"}}}, {"url", "https://example.org/l"}});
  ASSERT_EQ(made.status, 201) << made.body;
  auto e = json::parse(made.body);
  EXPECT_TRUE(e["own"].get<bool>());
  const std::string id = e["id"];
  EXPECT_EQ(id.rfind("own.", 0), 0u);
  EXPECT_EQ(api("GET", "/api/v1/orgs/verein-a/catalog/entries/" + id, member_).status, 200);
  EXPECT_EQ(api("GET", "/api/v1/orgs/verein-b/catalog/entries/" + id, other_).status, 404);
  EXPECT_EQ(api("GET", "/api/v1/orgs/verein-a/catalog/entries/" + id, other_).status, 404);
  auto search = json::parse(api("GET", "/api/v1/orgs/verein-a/catalog/search?q=Beteiligung", member_).body);
  ASSERT_FALSE(search["items"].empty());
  EXPECT_EQ(search["items"][0]["id"], id);
  EXPECT_TRUE(search["items"][0]["own"].get<bool>());
  const json in_b = json::parse(api("GET", "/api/v1/orgs/verein-b/catalog/search?q=Beteiligung", other_).body);
  for (const auto& it : in_b["items"])
    EXPECT_NE(it["id"], id) << "another org's entry";

  // Validation errors have the error shape; members may read but not write.
  auto bad = api("POST", "/api/v1/orgs/verein-a/catalog/entries", editor_,
                 {{"kind", "question"}, {"phase", 9}, {"text", {{"de", "x"}}}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(json::parse(bad.body)["error"]["message"], "Wählen Sie eine der vier Phasen.");
  EXPECT_EQ(api("POST", "/api/v1/orgs/verein-a/catalog/entries", editor_, json::array()).status, 400);
  // A misspelt field is refused, not dropped; a read entry can be sent back as it is.
  auto typo = api("POST", "/api/v1/orgs/verein-a/catalog/entries", editor_,
                  {{"kind", "question"}, {"phase", 1}, {"text_de", "Eine Frage"}});
  EXPECT_EQ(typo.status, 400);
  EXPECT_EQ(json::parse(typo.body)["error"]["message"], "Dieses Feld gibt es nicht.");
  json read_back = json::parse(api("GET", "/api/v1/orgs/verein-a/catalog/entries/" + id, member_).body);
  EXPECT_EQ(api("PUT", "/api/v1/orgs/verein-a/catalog/entries/" + id, editor_, read_back).status, 200);
  EXPECT_EQ(api("POST", "/api/v1/orgs/verein-a/catalog/entries", member_,
                {{"kind", "question"}, {"phase", 1}, {"text", {{"de", "x"}}}}).status, 403);
  EXPECT_EQ(api("PUT", "/api/v1/orgs/verein-a/catalog/entries/" + id, editor_,
                {{"kind", "question"}, {"phase", 1}, {"text", {{"de", "Jetzt eine Frage"}}}}).status, 200);

  // Hide and show.
  EXPECT_EQ(api("PUT", "/api/v1/orgs/verein-a/catalog/hidden/q.development.01", editor_).status, 204);
  EXPECT_EQ(json::parse(api("GET", "/api/v1/orgs/verein-a/catalog/hidden", member_).body)["items"],
            json::array({"q.development.01"}));
  EXPECT_EQ(json::parse(api("GET", "/api/v1/orgs/verein-a/catalog?limit=1&kind=question&phase=1", member_).body)["items"][0]["id"],
            "q.development.02");
  EXPECT_EQ(api("PUT", "/api/v1/orgs/verein-a/catalog/hidden/p.1", editor_).status, 404);
  EXPECT_EQ(api("DELETE", "/api/v1/orgs/verein-a/catalog/hidden/q.development.01", editor_).status, 204);

  // Order: the whole list, each entry once.
  std::vector<std::string> ids;
  auto group = api("GET", "/api/v1/orgs/verein-a/catalog?kind=question&phase=1", member_);
  ASSERT_EQ(group.status, 200) << group.body;
  const json group_json = json::parse(group.body);
  for (const auto& it : group_json["items"])
    ids.push_back(it["id"]);
  ASSERT_EQ(ids.size(), 10u);  // 9 from the paper + the own entry moved to phase I
  std::reverse(ids.begin(), ids.end());
  EXPECT_EQ(api("PUT", "/api/v1/orgs/verein-a/catalog/order", editor_,
                {{"phase", 1}, {"kind", "question"}, {"ids", ids}}).status, 200);
  EXPECT_EQ(json::parse(api("GET", "/api/v1/orgs/verein-a/catalog?limit=1&kind=question&phase=1", member_).body)["items"][0]["id"],
            ids.front());
  auto partial = std::vector<std::string>(ids.begin(), ids.begin() + 3);
  EXPECT_EQ(api("PUT", "/api/v1/orgs/verein-a/catalog/order", editor_,
                {{"phase", 1}, {"kind", "question"}, {"ids", partial}}).status, 400);
  EXPECT_EQ(api("PUT", "/api/v1/orgs/verein-a/catalog/order", editor_,
                {{"phase", 1}, {"kind", "box"}, {"ids", ids}}).status, 400);

  EXPECT_EQ(api("DELETE", "/api/v1/orgs/verein-a/catalog/entries/" + id, other_).status, 404);
  EXPECT_EQ(api("DELETE", "/api/v1/orgs/verein-a/catalog/entries/" + id, editor_).status, 204);
  EXPECT_TRUE(json::parse(api("GET", "/api/v1/orgs/verein-a/catalog/entries", member_).body)["items"].empty());
}

TEST_F(OrgCatalogWeb, EveryCatalogApiRouteIsInTheOpenApiDocument) {
  auto r = page("/api/openapi.json", nullptr);
  ASSERT_EQ(r.status, 200);
  const json paths = json::parse(r.body)["paths"];
  const std::pair<const char*, const char*> routes[] = {
      {"/api/v1/catalog", "get"},
      {"/api/v1/catalog/search", "get"},
      {"/api/v1/orgs/{org}/catalog", "get"},
      {"/api/v1/orgs/{org}/catalog/search", "get"},
      {"/api/v1/orgs/{org}/catalog/entries", "get"},
      {"/api/v1/orgs/{org}/catalog/entries", "post"},
      {"/api/v1/orgs/{org}/catalog/entries/{id}", "get"},
      {"/api/v1/orgs/{org}/catalog/entries/{id}", "put"},
      {"/api/v1/orgs/{org}/catalog/entries/{id}", "delete"},
      {"/api/v1/orgs/{org}/catalog/hidden", "get"},
      {"/api/v1/orgs/{org}/catalog/hidden/{entry}", "put"},
      {"/api/v1/orgs/{org}/catalog/hidden/{entry}", "delete"},
      {"/api/v1/orgs/{org}/catalog/order", "put"},
  };
  for (const auto& [path, method] : routes)
    EXPECT_TRUE(paths.contains(path) && paths[path].contains(method)) << method << " " << path;
}

}  // namespace
}  // namespace solipraxis
