// Organisations and people have names from the start (issue 22): the first
// sign-in of an account without a display name asks for one (and the change
// log then names the person), owners rename the organisation in its settings
// and by API while the slug stays, and the header leads members to the org's
// areas.
#include <utility>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "store/common.h"
#include "store/orgs.h"
#include "store/store.h"
#include "store/users.h"
#include "web_fixture.h"

namespace solipraxis::web {
namespace {

// An owner as `user create --email --org` without --name makes one.
store::User nameless_owner(AuthServer& srv, const std::string& email, const std::string& org) {
  auto u = srv.store().users().create_user({email, "", store::hash_password(kPassword).value(), ""});
  EXPECT_TRUE(u);
  EXPECT_TRUE(srv.store().orgs().add_member(srv.org(org).id, u->id, store::Role::kOwner,
                                     store::Actor{std::nullopt, "cli"}));
  return *u;
}

TEST(Names, TheFirstSignInWithoutANameAsksForOneThenGoesOn) {
  AuthServer srv;
  auto ada = nameless_owner(srv, "ada@example.org", "acme");
  Browser b(srv.port());
  auto r = b.sign_in("ada@example.org");
  ASSERT_EQ(r.status, 303);
  EXPECT_EQ(r.header("Location"), "/welcome?next=/o/acme");
  auto page = b.open(r.header("Location"));
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "Wie heißen Sie?"));
  EXPECT_TRUE(contains(page.body, "name=\"next\" value=\"/o/acme\""));

  auto empty = b.post("/welcome", {{"name", "   "}, {"next", "/o/acme"}});
  EXPECT_EQ(empty.status, 422);
  EXPECT_TRUE(contains(empty.body, "Bitte geben Sie einen Namen ein."));
  auto saved = b.post("/welcome", {{"name", "Ada Lovelace"}, {"next", "/o/acme"}});
  ASSERT_EQ(saved.status, 303);
  EXPECT_EQ(saved.header("Location"), "/o/acme");
  EXPECT_EQ(srv.store().users().user(ada.id)->name, "Ada Lovelace");
  EXPECT_EQ(b.get("/welcome?next=%2Fo%2Facme").header("Location"), "/o/acme") << "asked once";
  auto log = b.open("/o/acme/audit");
  EXPECT_TRUE(contains(log.body, "Ada Lovelace"));
  EXPECT_FALSE(contains(log.body, "Konto ohne Anzeigenamen"));

  // Named accounts go straight on.
  srv.user("bo@example.org", "acme", store::Role::kMember);
  Browser bo(srv.port());
  EXPECT_EQ(bo.sign_in("bo@example.org").header("Location"), "/o/acme");
  // An outside target is never followed.
  EXPECT_EQ(b.post("/welcome", {{"name", "Ada"}, {"next", "https://evil.example/"}})
                .header("Location"),
            "/account");
}

TEST(Names, OwnersRenameTheOrgInTheSettingsAndTheSlugStays) {
  AuthServer srv;
  srv.user("ada@example.org", "acme", store::Role::kOwner);
  srv.user("eda@example.org", "acme", store::Role::kEditor);
  Browser b(srv.port());
  ASSERT_EQ(b.sign_in("ada@example.org").status, 303);
  EXPECT_TRUE(contains(b.open("/o/acme").body, "href=\"/o/acme/settings\""));
  auto page = b.open("/o/acme/settings");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "value=\"Org acme\""));
  auto bad = b.post("/o/acme/settings", {{"name", ""}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(srv.org("acme").name, "Org acme") << "a refused name changes nothing";
  auto ok = b.post("/o/acme/settings", {{"name", "Nachbarschaftshilfe Süd e. V."}});
  ASSERT_EQ(ok.status, 303);
  EXPECT_EQ(ok.header("Location"), "/o/acme/settings?saved=1");
  EXPECT_EQ(srv.store().orgs().org_by_slug("acme")->name, "Nachbarschaftshilfe Süd e. V.");
  auto dash = b.open("/o/acme");
  EXPECT_TRUE(contains(dash.body, "<h1>Nachbarschaftshilfe Süd e. V.</h1>"));
  EXPECT_TRUE(contains(b.open("/o/acme/audit").body, "Org acme → Nachbarschaftshilfe Süd e. V."));

  Browser editor(srv.port());
  ASSERT_EQ(editor.sign_in("eda@example.org").status, 303);
  EXPECT_EQ(editor.get("/o/acme/settings").status, 403);
  editor.open("/o/acme");
  EXPECT_EQ(editor.post("/o/acme/settings", {{"name", "Gekapert"}}).status, 403);
  EXPECT_EQ(srv.store().orgs().org_by_slug("acme")->name, "Nachbarschaftshilfe Süd e. V.");
}

TEST(Names, TheApiRenamesTheOrgForOwnersOnly) {
  AuthServer srv;
  auto ada = srv.user("ada@example.org", "acme", store::Role::kOwner);
  auto eda = srv.user("eda@example.org", "acme", store::Role::kEditor);
  auto patch = [&](const store::User& who, const nlohmann::json& body) {
    return testing::request(srv.port(), "PATCH", "/api/v1/orgs/acme",
                            "Authorization: Bearer " + srv.token(who) +
                                "\r\nContent-Type: application/json\r\n",
                            body.dump())
        .value();
  };
  auto r = patch(ada, {{"name", "Acme e. V."}});
  ASSERT_EQ(r.status, 200) << r.body;
  auto j = nlohmann::json::parse(r.body);
  EXPECT_EQ(j["name"], "Acme e. V.");
  EXPECT_EQ(j["slug"], "acme");
  EXPECT_EQ(patch(ada, {{"slug", "neu"}}).status, 400);
  EXPECT_EQ(patch(ada, {{"name", std::string(101, 'x')}}).status, 400);
  EXPECT_EQ(patch(eda, {{"name", "Gekapert"}}).status, 403);
  EXPECT_EQ(srv.store().orgs().org_by_slug("acme")->name, "Acme e. V.");
}

TEST(Names, TheHeaderLeadsMembersToTheOrgsAreas) {
  AuthServer srv;
  srv.user("mo@example.org", "acme", store::Role::kMember);
  Browser b(srv.port());
  ASSERT_EQ(b.sign_in("mo@example.org").status, 303);
  auto page = b.open("/o/acme/tools");
  const auto header = page.body.substr(0, page.body.find("</header>"));
  for (const char* href : {"/o/acme/praxis", "/o/acme/werkstatt", "/o/acme/tools",
                           "/o/acme/reviews", "/o/acme/members"}) {
    EXPECT_TRUE(contains(header, std::string("href=\"") + href + "\"")) << href;
  }
}

}  // namespace
}  // namespace solipraxis::web
