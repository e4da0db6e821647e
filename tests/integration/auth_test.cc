// Accounts over real HTTP: the WebApp on the real server, in process, on
// 127.0.0.1 with a random port, a fresh SQLite store and a clock the test moves
// (session expiry, rate-limit windows, invitation expiry). Sign-in/out, CSRF on
// every state-changing route of the route table, roles, tenancy (404), expired
// sessions keeping target and draft, the API with and without tokens, bad input
// that must change nothing.
#include <utility>

#include <gtest/gtest.h>

#include <atomic>
#include <regex>
#include <thread>

#include <nlohmann/json.hpp>

#include "store/audit.h"
#include "store/orgs.h"
#include "store/store.h"
#include "store/users.h"
#include "web_fixture.h"

namespace solipraxis::web {
namespace {

// AuthServer, Browser and the form helpers: web_fixture.h.

// --- sign-in and sign-out ---

TEST(AuthHttp, SignInSetsAHardenedCookieStoredOnlyAsHashAndSignOutEndsIt) {
  AuthServer srv;
  srv.user("ada@example.org", "acme", store::Role::kOwner);
  Browser b(srv.port());
  auto r = b.sign_in("ADA@example.org");  // e-mail matches case-insensitively
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(r.header("Location"), "/o/acme");
  const std::string sc = session_set_cookie(r);
  EXPECT_TRUE(contains(sc, "HttpOnly")) << sc;
  EXPECT_TRUE(contains(sc, "SameSite=Lax")) << sc;
  EXPECT_FALSE(contains(sc, "Secure")) << "plain HTTP without a trusted proxy: " << sc;
  const std::string id = b.cookie(auth::kSessionCookie);
  ASSERT_EQ(id.size(), 43u) << "256 random bits, base64url";
  EXPECT_TRUE(srv.store().users().session(store::hash_token(id))) << "the hash is stored";
  EXPECT_FALSE(srv.store().users().session(id)) << "the id itself is not";

  auto dash = b.open("/o/acme");
  EXPECT_EQ(dash.status, 200);
  EXPECT_TRUE(contains(dash.body, "Org acme"));
  EXPECT_TRUE(contains(dash.body, "Verwaltung")) << "the role, in German";
  EXPECT_TRUE(contains(dash.body, "action=\"/logout\"")) << "sign-out in the header";

  auto out = b.post("/logout", {});
  EXPECT_EQ(out.status, 303);
  EXPECT_EQ(out.header("Location"), "/login");
  EXPECT_FALSE(srv.store().users().session(store::hash_token(id)));
  EXPECT_EQ(b.cookie(auth::kSessionCookie), "");
  b.set_cookie(auth::kSessionCookie, id);  // replaying the old cookie does not work
  auto again = b.get("/o/acme");
  EXPECT_EQ(again.status, 303);
  EXPECT_TRUE(again.header("Location").starts_with("/login?next=/o/acme")) << again.header("Location");
}

TEST(AuthHttp, SignInRotatesTheSessionId) {
  AuthServer srv;
  srv.user("ada@example.org", "acme", store::Role::kOwner);
  Browser b(srv.port());
  ASSERT_EQ(b.sign_in("ada@example.org").status, 303);
  const std::string first = b.cookie(auth::kSessionCookie);
  ASSERT_EQ(b.sign_in("ada@example.org").status, 303);
  const std::string second = b.cookie(auth::kSessionCookie);
  EXPECT_NE(first, second);
  EXPECT_FALSE(srv.store().users().session(store::hash_token(first))) << "the old session is gone";
}

TEST(AuthHttp, SecureCookieOnlyBehindATrustedTlsProxy) {
  for (bool trust : {false, true}) {
    auth::AuthOptions o;
    o.trust_proxy = trust;
    AuthServer srv(o);
    srv.user("ada@example.org", "acme", store::Role::kOwner);
    Browser b(srv.port());
    b.open("/login");
    auto r = b.send("POST", "/login",
                    form_encode({{"email", "ada@example.org"}, {"password", kPassword},
                                 {"csrf_token", b.csrf()}}),
                    "application/x-www-form-urlencoded", "X-Forwarded-Proto: https\r\n");
    ASSERT_EQ(r.status, 303);
    EXPECT_EQ(contains(session_set_cookie(r), "; Secure"), trust) << session_set_cookie(r);
  }
}

TEST(AuthHttp, NextIsKeptButOnlyAsALocalPath) {
  AuthServer srv;
  srv.user("ada@example.org", "acme", store::Role::kOwner);
  Browser b(srv.port());
  auto r = b.sign_in("ada@example.org", kPassword, {{"next", "/o/acme/members"}});
  EXPECT_EQ(r.header("Location"), "/o/acme/members");
  for (const char* evil : {"//evil.example/x", "https://evil.example/", "/\\evil.example"}) {
    auto e = b.sign_in("ada@example.org", kPassword, {{"next", evil}});
    EXPECT_EQ(e.header("Location"), "/o/acme") << evil;
  }
  auto page = b.get("/login?next=%2F%2Fevil.example");
  EXPECT_EQ(page.header("Location"), "/o/acme") << "signed in: /login goes on, never off-site";
}

TEST(AuthHttp, WrongPasswordAndUnknownEmailGetTheSameNeutralAnswer) {
  AuthServer srv;
  srv.user("ada@example.org", "acme", store::Role::kOwner);
  Browser b(srv.port());
  auto wrong = b.sign_in("ada@example.org", "falsches-passwort");
  auto unknown = b.sign_in("nobody@example.org", "falsches-passwort");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(unknown.status, 401);
  EXPECT_TRUE(contains(wrong.body, "E-Mail-Adresse oder Passwort stimmt nicht."));
  EXPECT_TRUE(contains(unknown.body, "E-Mail-Adresse oder Passwort stimmt nicht."));
  EXPECT_TRUE(contains(wrong.body, "role=\"alert\"")) << "announced to screen readers";
  EXPECT_EQ(session_set_cookie(wrong), "");
}

// --- CSRF ---

// Fills a route pattern's parameters with values that exist.
std::string concrete(std::string pattern, const std::string& user_id) {
  auto replace = [&](const std::string& from, const std::string& to) {
    if (auto at = pattern.find(from); at != std::string::npos) pattern.replace(at, from.size(), to);
  };
  replace("{org}", "acme");
  replace("{user}", user_id);
  replace("{id}", "1");
  replace("{token}", std::string(43, 'a'));
  replace("{path...}", "x");
  return pattern;
}

TEST(AuthHttp, EveryStateChangingRouteRejectsMissingOrWrongCsrfTokens) {
  AuthServer srv;
  auto owner = srv.user("ada@example.org", "acme", store::Role::kOwner);
  auto member = srv.user("bob@example.org", "acme", store::Role::kMember);
  Browser b(srv.port());
  ASSERT_EQ(b.sign_in("ada@example.org").status, 303);
  b.open("/account");
  int checked = 0;
  for (const auto& route : srv.app().router().routes()) {
    if (route.method == "GET" || route.method == "HEAD") continue;
    const std::string target = concrete(route.pattern, std::to_string(member.id.value));
    const std::string body = form_encode({{"role", "owner"}, {"name", "x"}, {"email", "e@example.org"}});
    const bool api = target.starts_with("/api/");
    const char* type = api ? "application/json" : "application/x-www-form-urlencoded";
    const std::string json_body = R"({"name":"x"})";
    // Signed in, no token.
    auto none = b.send(route.method, target, api ? json_body : body, type);
    EXPECT_EQ(none.status, 403) << route.method << " " << target << " without a token";
    // Signed in, a wrong token.
    auto wrong = b.send(route.method, target,
                        api ? json_body : body + "&csrf_token=" + std::string(43, 'x'), type,
                        api ? "X-CSRF-Token: " + std::string(43, 'x') + "\r\n" : "");
    EXPECT_EQ(wrong.status, 403) << route.method << " " << target << " with a wrong token";
    if (!api) {
      // Anonymous, without the pre-session token (sign-in, invitations).
      Browser anon(srv.port());
      auto a = anon.send(route.method, target, body, type);
      EXPECT_TRUE(a.status == 403 || a.status == 401) << route.method << " " << target << ": " << a.status;
    }
    ++checked;
  }
  EXPECT_GE(checked, 12) << "every POST/PATCH route of accounts was tried";
  // Nothing changed.
  EXPECT_EQ(srv.store().orgs().member_role(srv.org("acme").id, member.id).value(), store::Role::kMember);
  EXPECT_EQ(srv.store().users().user(owner.id)->name, "Name ada@example.org");
  EXPECT_TRUE(srv.store().orgs().open_invites(srv.org("acme").id)->empty());
  EXPECT_TRUE(srv.store().users().session(store::hash_token(b.cookie(auth::kSessionCookie)))) << "still signed in";
}

TEST(AuthHttp, ApiWritesWithACookieNeedTheHeaderBearerCallsDoNot) {
  AuthServer srv;
  auto ada = srv.user("ada@example.org", "acme", store::Role::kOwner);
  Browser b(srv.port());
  ASSERT_EQ(b.sign_in("ada@example.org").status, 303);
  b.open("/account");
  auto ok = b.send("PATCH", "/api/v1/me", R"({"name":"Ada L."})", "application/json",
                   "X-CSRF-Token: " + b.csrf() + "\r\n");
  EXPECT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(srv.store().users().user(ada.id)->name, "Ada L.");

  const std::string token = store::random_token();
  ASSERT_TRUE(srv.store().users().create_token(ada.id, "t", store::hash_token(token)));
  auto bearer = testing::request(srv.port(), "PATCH", "/api/v1/me",
                                 "Authorization: Bearer " + token +
                                     "\r\nContent-Type: application/json\r\n",
                                 R"({"name":"Ada B."})");
  ASSERT_TRUE(bearer);
  EXPECT_EQ(bearer->status, 200) << bearer->body;
  EXPECT_EQ(srv.store().users().user(ada.id)->name, "Ada B.");
}

// --- roles and tenancy ---

TEST(AuthHttp, OnlyOwnersManageMembersEditorsAndMembersSeeTheList) {
  AuthServer srv;
  srv.user("owner@example.org", "acme", store::Role::kOwner);
  auto editor = srv.user("editor@example.org", "acme", store::Role::kEditor);
  auto member = srv.user("member@example.org", "acme", store::Role::kMember);
  const auto org = srv.org("acme").id;
  for (const char* who : {"editor@example.org", "member@example.org"}) {
    Browser b(srv.port());
    ASSERT_EQ(b.sign_in(who).status, 303);
    auto page = b.open("/o/acme/members");
    EXPECT_EQ(page.status, 200) << who;
    EXPECT_TRUE(contains(page.body, "owner@example.org"));
    EXPECT_FALSE(contains(page.body, "/invites\"")) << who << " sees no invite form";
    auto invite = b.post("/o/acme/invites", {{"role", "member"}});
    EXPECT_EQ(invite.status, 403) << who;
    EXPECT_TRUE(contains(invite.body, "Dafür brauchen Sie die Rolle „Verwaltung“")) << who;
    EXPECT_EQ(b.post("/o/acme/members/" + std::to_string(member.id.value) + "/role",
                     {{"role", "owner"}}).status, 403) << who;
    EXPECT_EQ(b.post("/o/acme/members/" + std::to_string(editor.id.value) + "/remove", {}).status,
              403) << who;
  }
  EXPECT_EQ(srv.store().orgs().member_role(org, member.id).value(), store::Role::kMember);
  EXPECT_EQ(srv.store().orgs().members(org)->size(), 3u);
  EXPECT_TRUE(srv.store().orgs().open_invites(org)->empty());

  Browser owner(srv.port());
  ASSERT_EQ(owner.sign_in("owner@example.org").status, 303);
  owner.open("/o/acme/members");
  auto role = owner.post("/o/acme/members/" + std::to_string(member.id.value) + "/role",
                         {{"role", "editor"}});
  EXPECT_EQ(role.status, 303);
  EXPECT_EQ(srv.store().orgs().member_role(org, member.id).value(), store::Role::kEditor);
  auto removed = owner.post("/o/acme/members/" + std::to_string(editor.id.value) + "/remove", {});
  EXPECT_EQ(removed.status, 303);
  EXPECT_FALSE(srv.store().orgs().member_role(org, editor.id));
  auto log = srv.store().audit().audit_log(org, {});
  ASSERT_TRUE(log);
  EXPECT_GE(log->items.size(), 2u) << "role change and removal are audited";
}

TEST(AuthHttp, TheLastOwnerCannotBeDemoted) {
  AuthServer srv;
  auto ada = srv.user("ada@example.org", "acme", store::Role::kOwner);
  Browser b(srv.port());
  ASSERT_EQ(b.sign_in("ada@example.org").status, 303);
  b.open("/o/acme/members");
  auto r = b.post("/o/acme/members/" + std::to_string(ada.id.value) + "/role", {{"role", "member"}});
  EXPECT_EQ(r.status, 409);
  EXPECT_TRUE(contains(r.body, "role=\"alert\""));
  EXPECT_EQ(srv.store().orgs().member_role(srv.org("acme").id, ada.id).value(), store::Role::kOwner);
}

TEST(AuthHttp, AnotherOrgsOrAnUnknownOrgIs404NotForbidden) {
  AuthServer srv;
  srv.user("ada@example.org", "acme", store::Role::kOwner);
  srv.user("eve@example.org", "other", store::Role::kOwner);
  Browser b(srv.port());
  ASSERT_EQ(b.sign_in("ada@example.org").status, 303);
  for (const char* path : {"/o/other", "/o/other/members", "/o/nope", "/o/nope/members"}) {
    EXPECT_EQ(b.get(path).status, 404) << path;
  }
  b.open("/o/acme");
  EXPECT_EQ(b.post("/o/other/invites", {{"role", "owner"}}).status, 404);
  EXPECT_TRUE(srv.store().orgs().open_invites(srv.org("other").id)->empty());
  auto api = b.get("/api/v1/orgs/other");
  EXPECT_EQ(api.status, 404);
  EXPECT_EQ(nlohmann::json::parse(api.body)["error"]["code"], "not_found");
}

TEST(AuthHttp, NotFoundPageSpeaksTheUsersLanguage) {
  AuthServer srv;
  srv.user("ada@example.org", "acme", store::Role::kOwner, "en");
  Browser b(srv.port(), "de");  // the browser says German, the account says English
  ASSERT_EQ(b.sign_in("ada@example.org").status, 303);
  auto r = b.get("/o/nope");
  EXPECT_EQ(r.status, 404);
  EXPECT_TRUE(contains(r.body, "<html lang=\"en\">")) << r.body.substr(0, 200);
  Browser anon(srv.port(), "en");
  EXPECT_TRUE(contains(anon.get("/gibt-es-nicht").body, "<html lang=\"en\">"));
}

// --- expired sessions ---

TEST(AuthHttp, AnExpiredSessionSendsToSignInWithTheTargetKept) {
  AuthServer srv;
  srv.user("ada@example.org", "acme", store::Role::kOwner);
  Browser b(srv.port());
  ASSERT_EQ(b.sign_in("ada@example.org").status, 303);
  srv.clock().advance(8 * 3600);  // idle too long
  auto r = b.get("/o/acme/members");
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(r.header("Location"), "/login?next=/o/acme/members&ended=1");
  auto login = b.open(r.header("Location"));
  EXPECT_TRUE(contains(login.body, "name=\"next\" value=\"/o/acme/members\""));
  EXPECT_TRUE(contains(login.body, "Sitzung ist abgelaufen"));
  EXPECT_EQ(b.sign_in("ada@example.org", kPassword, {{"next", "/o/acme/members"}}).header("Location"),
            "/o/acme/members");
}

TEST(AuthHttp, ActiveSessionsStillEndAfterTheAbsoluteLimit) {
  AuthServer srv;
  srv.user("ada@example.org", "acme", store::Role::kOwner);
  Browser b(srv.port());
  ASSERT_EQ(b.sign_in("ada@example.org").status, 303);
  for (int hour = 4; hour < 7 * 24; hour += 4) {  // never idle for long
    srv.clock().advance(4 * 3600);
    ASSERT_EQ(b.get("/o/acme").status, 200) << "hour " << hour;
  }
  srv.clock().advance(4 * 3600);
  EXPECT_EQ(b.get("/o/acme").status, 303);
}

TEST(AuthHttp, AFormPostedAfterExpiryKeepsItsDraftThroughSignIn) {
  AuthServer srv;
  srv.user("ada@example.org", "acme", store::Role::kOwner);
  Browser b(srv.port());
  ASSERT_EQ(b.sign_in("ada@example.org").status, 303);
  b.open("/o/acme/members");
  srv.clock().advance(9 * 3600);
  auto r = b.post("/o/acme/invites", {{"email", "neu@example.org"}, {"role", "editor"}});
  EXPECT_EQ(r.status, 401);
  EXPECT_TRUE(contains(r.body, "name=\"draft.email\" value=\"neu@example.org\"")) << r.body;
  EXPECT_TRUE(contains(r.body, "name=\"draft.role\" value=\"editor\""));
  EXPECT_TRUE(contains(r.body, "name=\"next\" value=\"/o/acme/invites\""));
  EXPECT_FALSE(contains(r.body, "draft.csrf_token"));
  EXPECT_TRUE(srv.store().orgs().open_invites(srv.org("acme").id)->empty()) << "nothing sent yet";

  b.set_csrf(csrf_in(r.body));
  auto resumed = b.post("/login", {{"email", "ada@example.org"}, {"password", kPassword},
                                   {"next", "/o/acme/invites"}, {"draft.email", "neu@example.org"},
                                   {"draft.role", "editor"}});
  EXPECT_EQ(resumed.status, 200);
  EXPECT_TRUE(contains(resumed.body, "action=\"/o/acme/invites\""));
  EXPECT_TRUE(contains(resumed.body, "name=\"email\" value=\"neu@example.org\""));
  b.set_csrf(csrf_in(resumed.body));
  auto sent = b.post("/o/acme/invites", {{"email", "neu@example.org"}, {"role", "editor"}});
  EXPECT_EQ(sent.status, 303);
  auto invites = srv.store().orgs().open_invites(srv.org("acme").id);
  ASSERT_EQ(invites->size(), 1u);
  EXPECT_EQ(invites->front().email, "neu@example.org");
  EXPECT_EQ(invites->front().role, store::Role::kEditor);
}

// --- API ---

TEST(AuthHttp, ApiWithABearerTokenWorksWithoutOneIs401) {
  AuthServer srv;
  auto ada = srv.user("ada@example.org", "acme", store::Role::kEditor);
  srv.user("bob@example.org", "acme", store::Role::kMember);
  const std::string token = store::random_token();
  ASSERT_TRUE(srv.store().users().create_token(ada.id, "script", store::hash_token(token)));
  const std::string auth = "Authorization: Bearer " + token + "\r\n";

  auto me = testing::get(srv.port(), "/api/v1/me", auth);
  ASSERT_EQ(me->status, 200);
  EXPECT_EQ(nlohmann::json::parse(me->body)["email"], "ada@example.org");
  auto orgs = nlohmann::json::parse(testing::get(srv.port(), "/api/v1/orgs", auth)->body);
  ASSERT_EQ(orgs["items"].size(), 1u);
  EXPECT_EQ(orgs["items"][0]["role"], "editor");
  auto org = testing::get(srv.port(), "/api/v1/orgs/acme", auth);
  EXPECT_EQ(org->status, 200);
  EXPECT_EQ(nlohmann::json::parse(org->body)["slug"], "acme");
  auto members = nlohmann::json::parse(testing::get(srv.port(), "/api/v1/orgs/acme/members", auth)->body);
  EXPECT_EQ(members["items"].size(), 2u);

  for (const char* path : {"/api/v1/me", "/api/v1/orgs", "/api/v1/orgs/acme"}) {
    auto anon = testing::get(srv.port(), path, "Accept-Language: en\r\n");
    EXPECT_EQ(anon->status, 401) << path;
    auto err = nlohmann::json::parse(anon->body)["error"];
    EXPECT_EQ(err["code"], "unauthorized");
    EXPECT_TRUE(contains(err["message"].get<std::string>(), "sign in")) << err;
  }
  auto forged = testing::get(srv.port(), "/api/v1/me", "Authorization: Bearer " + std::string(43, 'z') + "\r\n");
  EXPECT_EQ(forged->status, 401);
  EXPECT_EQ(nlohmann::json::parse(forged->body)["error"]["code"], "token_invalid");
  EXPECT_EQ(testing::get(srv.port(), "/api/v1/orgs/nope", auth)->status, 404);
  auto spec = testing::get(srv.port(), "/api/openapi.json");
  EXPECT_EQ(spec->status, 200);
  EXPECT_EQ(nlohmann::json::parse(spec->body)["openapi"], "3.1.0");
}

TEST(AuthHttp, ApiRejectsWrongContentTypeAndInvalidJsonChangingNothing) {
  AuthServer srv;
  auto ada = srv.user("ada@example.org", "acme", store::Role::kOwner);
  const std::string token = store::random_token();
  ASSERT_TRUE(srv.store().users().create_token(ada.id, "script", store::hash_token(token)));
  auto patch = [&](const std::string& type, const std::string& body) {
    return testing::request(srv.port(), "PATCH", "/api/v1/me",
                            "Authorization: Bearer " + token + "\r\nContent-Type: " + type +
                                "\r\nAccept-Language: de\r\n",
                            body);
  };
  auto r415 = patch("text/plain", R"({"name":"x"})");
  EXPECT_EQ(r415->status, 415);
  auto r400 = patch("application/json", R"({"name":)");
  EXPECT_EQ(r400->status, 400);
  EXPECT_FALSE(nlohmann::json::parse(r400->body)["error"]["message"].get<std::string>().empty());
  auto long_name = patch("application/json", nlohmann::json{{"name", std::string(101, 'a')}, {"lang", "en"}}.dump());
  EXPECT_EQ(long_name->status, 400);
  auto bad_lang = patch("application/json", R"({"name":"Neu","lang":"fr"})");
  EXPECT_EQ(bad_lang->status, 400);
  auto u = srv.store().users().user(ada.id);
  EXPECT_EQ(u->name, "Name ada@example.org");
  EXPECT_EQ(u->lang, "");
}

// --- account page ---

TEST(AuthHttp, AccountNameLanguageAndOverlongNames) {
  AuthServer srv;
  auto ada = srv.user("ada@example.org", "acme", store::Role::kOwner);
  Browser b(srv.port());
  ASSERT_EQ(b.sign_in("ada@example.org").status, 303);
  b.open("/account");
  auto too_long = b.post("/account", {{"name", std::string(101, 'x')}, {"lang", "en"}});
  EXPECT_EQ(too_long.status, 400);
  EXPECT_EQ(srv.store().users().user(ada.id)->name, "Name ada@example.org");
  EXPECT_EQ(srv.store().users().user(ada.id)->lang, "");
  auto ok = b.post("/account", {{"name", "Ada Lovelace"}, {"lang", "en"}});
  EXPECT_EQ(ok.status, 303);
  EXPECT_EQ(srv.store().users().user(ada.id)->lang, "en");
  auto page = b.open("/account");
  EXPECT_TRUE(contains(page.body, "<html lang=\"en\">"));
  EXPECT_TRUE(contains(page.body, "value=\"Ada Lovelace\""));
}

// A form body that cannot be decoded (invalid UTF-8 here) is bad input, not an
// expired form: 400 with a message about the input, and nothing is stored.
TEST(AuthHttp, AnUnreadableFormIs400AndChangesNothing) {
  AuthServer srv;
  auto ada = srv.user("ada@example.org", "acme", store::Role::kOwner);
  Browser b(srv.port());
  ASSERT_EQ(b.sign_in("ada@example.org").status, 303);
  b.open("/account");
  auto r = b.send("POST", "/account", "name=Ada%FF&lang=en&csrf_token=" + b.csrf());
  EXPECT_EQ(r.status, 400);
  EXPECT_TRUE(contains(r.body, "Zeichen, die wir nicht lesen")) << r.body;
  EXPECT_FALSE(contains(r.body, "abgelaufen")) << r.body;
  EXPECT_EQ(srv.store().users().user(ada.id)->name, "Name ada@example.org");
  EXPECT_EQ(srv.store().users().user(ada.id)->lang, "");
  EXPECT_EQ(b.send("POST", "/account", "name=%zz&csrf_token=" + b.csrf()).status, 400);
}

TEST(AuthHttp, PasswordChangeNeedsTheCurrentOneAndEndsOtherSessions) {
  AuthServer srv;
  auto ada = srv.user("ada@example.org", "acme", store::Role::kOwner);
  Browser other(srv.port());
  ASSERT_EQ(other.sign_in("ada@example.org").status, 303);
  Browser b(srv.port());
  ASSERT_EQ(b.sign_in("ada@example.org").status, 303);
  b.open("/account");
  auto wrong = b.post("/account/password", {{"current_password", "nicht-richtig-x"},
                                            {"new_password", "ganz-neues-passwort"},
                                            {"new_password_repeat", "ganz-neues-passwort"}});
  EXPECT_EQ(wrong.status, 400);
  auto short_pw = b.post("/account/password", {{"current_password", kPassword},
                                               {"new_password", "kurz"},
                                               {"new_password_repeat", "kurz"}});
  EXPECT_EQ(short_pw.status, 400);
  EXPECT_TRUE(store::verify_password(kPassword, srv.store().users().user(ada.id)->password_hash));
  auto ok = b.post("/account/password", {{"current_password", kPassword},
                                         {"new_password", "ganz-neues-passwort"},
                                         {"new_password_repeat", "ganz-neues-passwort"}});
  EXPECT_EQ(ok.status, 200);
  EXPECT_TRUE(contains(ok.body, "Das Passwort ist geändert. Alle anderen Anmeldungen sind beendet."));
  EXPECT_TRUE(store::verify_password("ganz-neues-passwort", srv.store().users().user(ada.id)->password_hash));
  EXPECT_EQ(b.get("/account").status, 200) << "this browser stays signed in";
  EXPECT_EQ(other.get("/account").status, 303) << "the other sign-in has ended";
}

TEST(AuthHttp, APasswordChangeRevokesTheAccountsApiTokensAndNamesThem) {
  AuthServer srv;
  auto ada = srv.user("ada@example.org", "acme", store::Role::kOwner);
  auto bob = srv.user("bob@example.org", "acme", store::Role::kMember);
  const std::string script = store::random_token();
  ASSERT_TRUE(srv.store().users().create_token(ada.id, "Nachtskript", store::hash_token(script)));
  const std::string bobs = srv.token(bob);
  auto me = [&](const std::string& token) {
    return testing::get(srv.port(), "/api/v1/me", "Authorization: Bearer " + token + "\r\n")->status;
  };
  ASSERT_EQ(me(script), 200);

  Browser b(srv.port());
  ASSERT_EQ(b.sign_in("ada@example.org").status, 303);
  auto page = b.open("/account");
  EXPECT_TRUE(contains(page.body, "alle Ihre API-Tokens werden ungültig")) << "said before";
  auto ok = b.post("/account/password", {{"current_password", kPassword},
                                         {"new_password", "ganz-neues-passwort"},
                                         {"new_password_repeat", "ganz-neues-passwort"}});
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_TRUE(contains(ok.body, "Diese API-Tokens gelten nicht mehr")) << ok.body;
  EXPECT_TRUE(contains(ok.body, "<li>Nachtskript (")) << "named on the page";
  EXPECT_TRUE(contains(ok.body, "Sie haben noch keine API-Tokens.")) << "and gone from the list";

  EXPECT_EQ(me(script), 401) << "the token is refused after the password change";
  EXPECT_EQ(me(bobs), 200) << "another person's token keeps working";
  auto log = srv.store().audit().audit_log(srv.org("acme").id, store::AuditFilter{{"user"}, ""}, {});
  ASSERT_TRUE(log);
  ASSERT_EQ(log->items.size(), 1u);
  EXPECT_EQ(log->items.front().action, "user.password");
  EXPECT_EQ(log->items.front().actor, ada.id);
  auto audit = b.open("/o/acme/audit");
  EXPECT_TRUE(contains(audit.body, "Passwort geändert, API-Tokens ungültig gemacht")) << audit.body;
}

TEST(AuthHttp, ApiTokensAreShownOnceListedAndDeleted) {
  AuthServer srv;
  auto ada = srv.user("ada@example.org", "acme", store::Role::kOwner);
  Browser b(srv.port());
  ASSERT_EQ(b.sign_in("ada@example.org").status, 303);
  b.open("/account");
  auto created = b.post("/account/tokens", {{"name", "Skript"}});
  ASSERT_EQ(created.status, 200);
  static const std::regex re(R"re(id="account-new-token"[^>]*value="([A-Za-z0-9_-]{43})")re");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(created.body, m, re)) << created.body;
  const std::string token = m[1].str();
  EXPECT_EQ(testing::get(srv.port(), "/api/v1/me", "Authorization: Bearer " + token + "\r\n")->status, 200);
  auto list = b.open("/account");
  EXPECT_TRUE(contains(list.body, "Skript"));
  EXPECT_FALSE(contains(list.body, token)) << "shown once only";
  auto tokens = srv.store().users().tokens(ada.id);
  ASSERT_EQ(tokens->size(), 1u);
  auto del = b.post("/account/tokens/" + std::to_string(tokens->front().id.value) + "/delete", {});
  EXPECT_EQ(del.status, 303);
  EXPECT_EQ(testing::get(srv.port(), "/api/v1/me", "Authorization: Bearer " + token + "\r\n")->status, 401);
}

// --- invitations ---

std::string invite_token(const std::string& html) {
  static const std::regex re(R"re(/invite/([A-Za-z0-9_-]{43}))re");
  std::smatch m;
  return std::regex_search(html, m, re) ? m[1].str() : std::string();
}

TEST(AuthHttp, AnInvitationWorksOnceThenSays410) {
  AuthServer srv;
  srv.user("ada@example.org", "acme", store::Role::kOwner);
  Browser owner(srv.port());
  ASSERT_EQ(owner.sign_in("ada@example.org").status, 303);
  owner.open("/o/acme/members");
  auto made = owner.follow(owner.post("/o/acme/invites", {{"role", "editor"}, {"email", ""}}));
  ASSERT_EQ(made.status, 200);
  const std::string token = invite_token(made.body);
  ASSERT_FALSE(token.empty()) << made.body;

  Browser guest(srv.port(), "en");
  auto page = guest.open("/invite/" + token);
  EXPECT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "Org acme"));
  auto joined = guest.post("/invite/" + token, {{"mode", "register"}, {"name", "Grace"},
                                                {"email", "grace@example.org"},
                                                {"password", "grace-passwort-1"},
                                                {"password_repeat", "grace-passwort-1"}});
  EXPECT_EQ(joined.status, 303) << joined.body;
  EXPECT_EQ(joined.header("Location"), "/o/acme");
  EXPECT_EQ(guest.get("/o/acme").status, 200) << "signed in and a member";
  auto grace = srv.store().users().user_by_email("grace@example.org");
  ASSERT_TRUE(grace);
  EXPECT_EQ(srv.store().orgs().member_role(srv.org("acme").id, grace->id).value(), store::Role::kEditor);

  Browser late(srv.port(), "en");
  auto reused = late.open("/invite/" + token);
  EXPECT_EQ(reused.status, 410);
  EXPECT_TRUE(contains(reused.body, "used already"));
  late.open("/login");  // a valid form token, so only the link itself is refused
  auto reused_post = late.post("/invite/" + token, {{"mode", "register"}, {"name", "Mallory"},
                                                    {"email", "mallory@example.org"},
                                                    {"password", "mallory-passwort"},
                                                    {"password_repeat", "mallory-passwort"}});
  EXPECT_EQ(reused_post.status, 410);
  EXPECT_FALSE(srv.store().users().user_by_email("mallory@example.org")) << "no account was created";
  EXPECT_EQ(late.get("/invite/" + std::string(43, 'q')).status, 404);
}

TEST(AuthHttp, AnExpiredInvitationIs410AndCreatesNothing) {
  AuthServer srv;
  srv.user("ada@example.org", "acme", store::Role::kOwner);
  Browser owner(srv.port());
  ASSERT_EQ(owner.sign_in("ada@example.org").status, 303);
  owner.open("/o/acme/members");
  const std::string token = invite_token(owner.follow(owner.post("/o/acme/invites", {{"role", "member"}})).body);
  ASSERT_FALSE(token.empty());
  Browser guest(srv.port());
  guest.open("/invite/" + token);
  srv.clock().advance(7 * 24 * 3600);
  auto page = guest.get("/invite/" + token);
  EXPECT_EQ(page.status, 410);
  EXPECT_TRUE(contains(page.body, "abgelaufen"));
  auto post = guest.post("/invite/" + token, {{"mode", "register"}, {"name", "Zu Spät"},
                                              {"email", "spaet@example.org"},
                                              {"password", "spaet-passwort-1"},
                                              {"password_repeat", "spaet-passwort-1"}});
  EXPECT_EQ(post.status, 410);
  EXPECT_FALSE(srv.store().users().user_by_email("spaet@example.org"));
}

TEST(AuthHttp, InvitationRegistrationRefusesDuplicateEmailsAndOverlongNames) {
  AuthServer srv;
  srv.user("ada@example.org", "acme", store::Role::kOwner);
  srv.user("taken@example.org", "other", store::Role::kOwner);
  Browser owner(srv.port());
  ASSERT_EQ(owner.sign_in("ada@example.org").status, 303);
  owner.open("/o/acme/members");
  const std::string token = invite_token(owner.follow(owner.post("/o/acme/invites", {{"role", "member"}})).body);
  Browser guest(srv.port());
  guest.open("/invite/" + token);
  const auto users_before = srv.store().users().users()->size();
  auto dup = guest.post("/invite/" + token, {{"mode", "register"}, {"name", "Dup"},
                                             {"email", "TAKEN@example.org"},
                                             {"password", "langes-passwort-1"},
                                             {"password_repeat", "langes-passwort-1"}});
  EXPECT_EQ(dup.status, 409);
  EXPECT_TRUE(contains(dup.body, "schon ein Konto"));
  auto long_name = guest.post("/invite/" + token, {{"mode", "register"}, {"name", std::string(101, 'n')},
                                                   {"email", "neu@example.org"},
                                                   {"password", "langes-passwort-1"},
                                                   {"password_repeat", "langes-passwort-1"}});
  EXPECT_EQ(long_name.status, 400);
  EXPECT_EQ(srv.store().users().users()->size(), users_before);
  EXPECT_EQ(srv.store().orgs().open_invites(srv.org("acme").id)->size(), 1u) << "the link still works";
}

}  // namespace
}  // namespace solipraxis::web
