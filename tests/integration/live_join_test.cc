// Joining a live session over real HTTP (issue 25): by code in any spelling,
// an unknown code answered with the form again (404), wrong guesses slowed down
// per client (429) without locking out people already in the room, an ended
// session (410), a draft that says it has not begun, and the participant's
// cookie scoped to the room.
#include <gtest/gtest.h>

#include "live_site.h"

namespace solipraxis::web {
namespace {

using Fields = std::vector<std::pair<std::string, std::string>>;

class LiveJoin : public LiveSite {};

// "abcd efgh" for "ABCDEFGH": lower case, a space in the middle.
std::string oddly_spelled(const std::string& code) {
  std::string out;
  for (std::size_t i = 0; i < code.size(); ++i) {
    if (i == 4) out += " -";
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(code[i])));
  }
  return "  " + out + " ";
}

TEST_F(LiveJoin, ACodeTypedInLowerCaseWithSpacesAndDashesLeadsToTheRoom) {
  const auto s = session();
  Browser b(srv_.port());
  auto form = b.open("/join");
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(contains(form.body, "ABCD-EFGH")) << "the hint shows how a code looks";
  auto r = b.post("/join", {{"code", oddly_spelled(s.join_code)}});
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(r.header("Location"), "/join/" + s.join_code);
  // A link typed by hand in another spelling lands on the one the cookie belongs to.
  auto lower = b.get("/join/" + core::display_join_code(s.join_code));
  EXPECT_EQ(lower.status, 303);
  EXPECT_EQ(lower.header("Location"), "/join/" + s.join_code);

  auto page = b.open("/join/" + s.join_code);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "Retro Übersetzungs-KI"));
  EXPECT_TRUE(contains(page.body, "kein Konto"));
  EXPECT_TRUE(contains(page.body, "auch die Moderation nicht"));
  EXPECT_TRUE(contains(page.body, "Teilnehmen"));
  auto joined = b.post("/join/" + s.join_code, {{"name", "Ada"}});
  ASSERT_EQ(joined.status, 303);
  bool scoped = false;
  for (const auto& c : joined.headers_named("Set-Cookie")) {
    if (!c.starts_with("solipraxis_live=")) continue;
    scoped = contains(c, "Path=/join/" + s.join_code) && contains(c, "HttpOnly") &&
             contains(c, "SameSite=Lax") && contains(c, "Max-Age=86400");
  }
  EXPECT_TRUE(scoped) << "the key lives a day, only for this room's pages";
  auto room = b.open("/join/" + s.join_code);
  EXPECT_TRUE(contains(room.body, "Schritt 1 von 2: Sammeln"));
  EXPECT_TRUE(contains(room.body, "Karte hinzufügen"));
  EXPECT_EQ(board(s).participants, 1);
}

TEST_F(LiveJoin, AnUnknownCodeGetsTheFormAgainWithAClearMessage) {
  session();
  Browser b(srv_.port());
  b.open("/join");
  auto r = b.post("/join", {{"code", "zzzz-zzzz"}});
  EXPECT_EQ(r.status, 404);
  EXPECT_TRUE(contains(r.body, "Zu diesem Code gibt es keine Sitzung"));
  EXPECT_TRUE(contains(r.body, "value=\"zzzz-zzzz\"")) << "what was typed stays";
  EXPECT_EQ(b.post("/join", {{"code", "nonsense!"}}).status, 404);
  EXPECT_EQ(b.get("/join/ZZZZZZZZ").status, 404);
}

TEST_F(LiveJoin, WrongGuessesMakeTheClientWaitButNotThoseAlreadyInTheRoom) {
  const auto s = session();
  Participant inside(srv_.port(), s.join_code);
  ASSERT_TRUE(inside.join());
  Browser guesser(srv_.port());
  guesser.open("/join");
  int first_429 = 0;
  testing::HttpResponse refused;
  for (int i = 1; i <= 10 && !first_429; ++i) {
    auto r = guesser.post("/join", {{"code", "ZZZZ-ZZZ" + std::string(1, "23456789AB"[i - 1])}});
    if (r.status == 429) {
      first_429 = i;
      refused = r;
    } else {
      EXPECT_EQ(r.status, 404) << i;
    }
  }
  ASSERT_GT(first_429, 1) << "a few mistakes are free";
  EXPECT_TRUE(contains(refused.body, "Bitte warten Sie")) << refused.body;
  EXPECT_TRUE(contains(refused.body, "Sekunden"));
  EXPECT_FALSE(refused.header("Retry-After").empty());
  // While waiting even the right code is refused, so guessing gains nothing ...
  EXPECT_EQ(guesser.post("/join", {{"code", s.join_code}}).status, 429);
  // ... but someone in the room behind the same address keeps working.
  EXPECT_EQ(inside.add_card("Geht weiter").status, 303);
  // A made-up room cookie does not skip the wait.
  guesser.set_cookie("solipraxis_live", store::random_token() + ".00");
  EXPECT_EQ(guesser.get("/join/" + s.join_code).status, 429);
  srv_.clock().advance(3600);
  EXPECT_EQ(guesser.post("/join", {{"code", s.join_code}}).status, 303) << "the wait ends";
}

TEST_F(LiveJoin, AnEndedSessionSaysSoAndShowsItsRoomReadOnly) {
  const auto s = session(true, false);
  Participant ada(srv_.port(), s.join_code);
  ASSERT_TRUE(ada.join());
  ASSERT_EQ(ada.add_card("Bleibt lesbar").status, 303);
  ASSERT_TRUE(srv_.store().live().end(acme_.id, s.id, std::nullopt, kLiveActor));

  Browser late(srv_.port());
  late.open("/join");
  auto r = late.post("/join", {{"code", s.join_code}});
  EXPECT_EQ(r.status, 410);
  EXPECT_TRUE(contains(r.body, "Diese Sitzung ist beendet")) << r.body;
  EXPECT_EQ(late.get("/join/" + s.join_code).status, 410);

  auto room = ada.room();
  ASSERT_EQ(room.status, 200);
  EXPECT_TRUE(contains(room.body, "Diese Sitzung ist beendet"));
  EXPECT_TRUE(contains(room.body, "Bleibt lesbar"));
  EXPECT_FALSE(contains(room.body, "Karte hinzufügen"));
  EXPECT_FALSE(contains(room.body, "Punkt geben"));
  EXPECT_FALSE(contains(room.body, "Bearbeiten"));
  EXPECT_GE(ada.add_card("Zu spät").status, 400);
  EXPECT_EQ(board(s).cards.size(), 1u);
}

TEST_F(LiveJoin, ADraftSaysItHasNotBegunAndOffersAReload) {
  const auto s = session(false);
  Participant ada(srv_.port(), s.join_code);
  auto welcome = ada.b.open(ada.url());
  ASSERT_EQ(welcome.status, 200);
  EXPECT_TRUE(contains(welcome.body, "noch nicht begonnen"));
  ASSERT_TRUE(ada.join());
  auto room = ada.room();
  EXPECT_TRUE(contains(room.body, "noch nicht begonnen"));
  EXPECT_TRUE(contains(room.body, "Aktualisieren"));
  EXPECT_FALSE(contains(room.body, "Karte hinzufügen"));
  ASSERT_TRUE(srv_.store().live().go_to_step(acme_.id, s.id, 0, kLiveActor));
  EXPECT_TRUE(contains(ada.room().body, "Karte hinzufügen")) << "a reload after the start";
}

TEST_F(LiveJoin, ADisplayNameOverTheLimitIsSaidAndNothingJoins) {
  const auto s = session();
  Participant ada(srv_.port(), s.join_code);
  ada.b.open(ada.url());
  auto r = ada.b.post(ada.url(), {{"name", std::string(61, 'x')}});
  EXPECT_EQ(r.status, 400);
  EXPECT_TRUE(contains(r.body, "höchstens 60 Zeichen"));
  EXPECT_TRUE(ada.b.cookie("solipraxis_live").empty());
  EXPECT_EQ(board(s).participants, 0);
}

}  // namespace
}  // namespace solipraxis::web
