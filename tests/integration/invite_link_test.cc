// Invitation links over real HTTP (issue 22): creating one redirects to the
// members page (post/redirect/get), where the link stays readable for owners,
// in any tab and after a new sign-in, until it is used or withdrawn; the store
// keeps it only sealed. The page says that no e-mail is sent, and people who
// cannot change roles read why.
#include <utility>

#include <gtest/gtest.h>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <regex>

#include "store/common.h"
#include "store/orgs.h"
#include "store/store.h"
#include "web_fixture.h"

namespace solipraxis::web {
namespace {

std::string invite_token_in(const std::string& html) {
  static const std::regex re(R"re(/invite/([A-Za-z0-9_-]{43}))re");
  std::smatch m;
  return std::regex_search(html, m, re) ? m[1].str() : std::string();
}

struct InviteLinks : ::testing::Test {
  AuthServer srv;
  Browser owner{srv.port()};
  void SetUp() override {
    srv.user("ada@example.org", "acme", store::Role::kOwner);
    ASSERT_EQ(owner.sign_in("ada@example.org").status, 303);
  }
  // Creates an invitation through the form; returns the page it leads to.
  HttpResponse invite(const std::string& role = "member") {
    owner.open("/o/acme/members");
    auto r = owner.post("/o/acme/invites", {{"role", role}});
    EXPECT_EQ(r.status, 303) << "post/redirect/get";
    const std::string to = r.header("Location");
    EXPECT_TRUE(to.starts_with("/o/acme/members?saved=invited&invite=")) << to;
    return owner.open(to.substr(0, to.find('#')));
  }
};

TEST_F(InviteLinks, TheLinkStaysOnTheMembersPageUntilItIsUsed) {
  auto page = invite();
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "Die Einladung ist erstellt."));
  const std::string token = invite_token_in(page.body);
  ASSERT_FALSE(token.empty()) << page.body;
  EXPECT_TRUE(contains(page.body, "data-copy-label=\"Link kopieren\"")) << "copy with one button (JS)";
  // Seven days from 2026-01-01T00:00Z, as people in Berlin read it (not "2026-01-08").
  EXPECT_TRUE(contains(page.body, "Gültig bis: 08.01.2026, 01:00 (UTC+1)")) << page.body;

  // Another tab, a new sign-in, another day: still there.
  Browser later(srv.port(), "en");
  ASSERT_EQ(later.sign_in("ada@example.org").status, 303);
  auto again = later.open("/o/acme/members");
  EXPECT_EQ(invite_token_in(again.body), token);

  // The store keeps the hash for lookup and the token only sealed.
  auto stored = srv.store().orgs().invite_by_token_hash(store::hash_token(token));
  ASSERT_TRUE(stored);
  EXPECT_FALSE(stored->token_sealed.empty());
  EXPECT_EQ(stored->token_sealed.find(token), std::string::npos) << "not in the clear";

  // Someone joins with it: the link is gone from the page and from the store.
  Browser guest(srv.port());
  guest.open("/invite/" + token);
  auto joined = guest.post("/invite/" + token, {{"mode", "register"},
                                                {"name", "Bea"},
                                                {"email", "bea@example.org"},
                                                {"password", kPassword},
                                                {"password_repeat", kPassword}});
  ASSERT_EQ(joined.status, 303) << joined.body;
  EXPECT_TRUE(invite_token_in(owner.open("/o/acme/members").body).empty());
  auto used = srv.store().orgs().invite_by_token_hash(store::hash_token(token));
  ASSERT_TRUE(used);
  EXPECT_TRUE(used->token_sealed.empty()) << "a used link is not kept";
}

TEST_F(InviteLinks, AWithdrawnLinkIsGone) {
  auto page = invite("editor");
  const std::string token = invite_token_in(page.body);
  ASSERT_FALSE(token.empty());
  static const std::regex revoke_re(R"re(action="(/o/acme/invites/[0-9]+/revoke)")re");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(page.body, m, revoke_re));
  ASSERT_EQ(owner.post(m[1].str(), {}).status, 303);
  EXPECT_TRUE(invite_token_in(owner.open("/o/acme/members").body).empty());
  EXPECT_EQ(Browser(srv.port()).get("/invite/" + token).status, 404);
}

TEST_F(InviteLinks, ALinkSealedWithAnotherKeyIsNotShownButCanBeWithdrawn) {
  store::Invite inv;
  inv.org_id = srv.org("acme").id;
  inv.token_hash = store::hash_token("alt");
  inv.token_sealed = store::seal(store::random_token(), "alt");
  inv.expires_at = srv.clock().now() + 3600;
  ASSERT_TRUE(srv.store().orgs().create_invite(inv.org_id, inv, store::Actor{std::nullopt, "test"}));
  auto page = owner.open("/o/acme/members");
  EXPECT_TRUE(contains(page.body, "kann nicht mehr angezeigt werden"));
  EXPECT_TRUE(contains(page.body, "/revoke"));
}

TEST_F(InviteLinks, TheFormSaysNoEmailIsSentAndEditorsReadWhyTheyCannotChangeRoles) {
  auto page = owner.open("/o/acme/members");
  EXPECT_TRUE(contains(page.body, "solipraxis verschickt keine E-Mails")) << page.body;
  srv.user("eda@example.org", "acme", store::Role::kEditor);
  Browser editor(srv.port());
  ASSERT_EQ(editor.sign_in("eda@example.org").status, 303);
  auto seen = editor.open("/o/acme/members");
  ASSERT_EQ(seen.status, 200);
  EXPECT_FALSE(contains(seen.body, "/role\"")) << "no role form for editors";
  EXPECT_TRUE(contains(seen.body, "Rollen ändern, Mitglieder entfernen und einladen kann nur die "
                                  "Verwaltung"));
}

// The real binary: the link key is made once (mode 0600) and read again after a
// restart, so an open link is still shown; a broken key file stops the start.
TEST(InviteLinkKey, OpenLinksSurviveARestartAndABadKeyFileStopsTheStart) {
  testing::TempDir dir;
  const std::string db = dir.path() + "/verein.db";
  const std::string key = dir.path() + "/keys/link.key";
  const std::vector<std::string> args = {"--database", db, "--link-key-file", key};
  auto made = testing::run_solipraxis({"user", "create", "--email", "ada@example.org", "--name",
                                       "Ada", "--org", "acme", "--database", db},
                                      std::string(kPassword) + "\n");
  ASSERT_EQ(made.exit_code, 0) << made.out;
  std::string token;
  {
    testing::ServerProcess server(args);
    Browser owner(server.port());
    ASSERT_EQ(owner.sign_in("ada@example.org").status, 303);
    owner.open("/o/acme/members");
    token = invite_token_in(owner.follow(owner.post("/o/acme/invites", {{"role", "member"}})).body);
    ASSERT_FALSE(token.empty());
    ASSERT_EQ(server.terminate(), 0);
  }
  struct stat st{};
  ASSERT_EQ(::stat(key.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600) << "only the server's user reads the key";
  {
    testing::ServerProcess server(args);
    Browser owner(server.port());
    ASSERT_EQ(owner.sign_in("ada@example.org").status, 303);
    EXPECT_EQ(invite_token_in(owner.open("/o/acme/members").body), token) << "after a restart";
    ASSERT_EQ(server.terminate(), 0);
  }
  std::ofstream(key, std::ios::trunc) << "kein schluessel\n";
  auto refused = testing::run_solipraxis({"serve", "--listen", "127.0.0.1:0", "--database", db,
                                          "--link-key-file", key});
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_NE(refused.out.find("link key"), std::string::npos) << refused.out;
}

}  // namespace
}  // namespace solipraxis::web
