// The live room over real HTTP (issue 25): cards hidden from others until the
// reveal, only one's own card can be changed or deleted, dots up to the budget,
// a form sent twice makes one card, a card over 2,000 characters is refused
// with the text kept, the room's forms need the participant's own token, and
// no name stands next to any card.
#include <gtest/gtest.h>

#include "live_site.h"

namespace solipraxis::web {
namespace {

class LiveRoom : public LiveSite {};

TEST_F(LiveRoom, AHiddenCardReachesOthersOnlyAfterTheReveal) {
  const auto s = session();
  Participant ada(srv_.port(), s.join_code), ben(srv_.port(), s.join_code);
  ASSERT_TRUE(ada.join("Ada Lovelace"));
  ASSERT_TRUE(ben.join("Ben Berger"));
  ASSERT_EQ(ada.add_card("Spart uns Zeit beim Übersetzen", "good").status, 303);

  const std::string own = ada.room().body;
  EXPECT_TRUE(contains(own, "Spart uns Zeit beim Übersetzen"));
  EXPECT_TRUE(contains(own, "nur für Sie sichtbar, bis die Moderation aufdeckt"));
  const std::string before = ben.room().body;
  EXPECT_FALSE(contains(before, "Spart uns Zeit"));
  EXPECT_TRUE(contains(before, "1 weitere Karte, noch verdeckt"));

  ASSERT_TRUE(srv_.store().live().reveal(acme_.id, s.id, 0, kLiveActor));
  const std::string after = ben.room().body;
  EXPECT_TRUE(contains(after, "Spart uns Zeit beim Übersetzen"));
  EXPECT_FALSE(contains(after, "noch verdeckt"));
  // Nobody's name next to a card, for the writer or anyone else.
  for (const std::string& page : {own, before, after, ada.room().body}) {
    EXPECT_FALSE(contains(page, "Ada Lovelace"));
    EXPECT_FALSE(contains(page, "Ben Berger"));
  }
}

TEST_F(LiveRoom, OnlyTheWriterCanEditOrDeleteACard) {
  const auto s = session(true, false);
  Participant ada(srv_.port(), s.join_code), ben(srv_.port(), s.join_code);
  ASSERT_TRUE(ada.join());
  ASSERT_TRUE(ben.join());
  ASSERT_EQ(ada.add_card("Adas Karte").status, 303);
  const std::int64_t card = card_id(s, "Adas Karte");
  ASSERT_GT(card, 0);
  const std::string path = "/cards/" + std::to_string(card);

  EXPECT_FALSE(contains(ben.room().body, "action=\"" + ben.url() + path + "\""))
      << "no edit form for someone else's card";
  auto edit = ben.post(path, {{"text", "Übernommen"}});
  EXPECT_EQ(edit.status, 404);
  ben.room();
  EXPECT_EQ(ben.post(path + "/delete", {}).status, 303) << "answered like a card already gone";
  EXPECT_EQ(card_id(s, "Adas Karte"), card) << "still there, unchanged";

  ada.room();
  EXPECT_EQ(ada.post(path, {{"text", "Adas Karte, genauer"}}).status, 303);
  EXPECT_EQ(card_id(s, "Adas Karte, genauer"), card);
  const std::string empty_edit = ada.post(path, {{"text", "  "}}).body;
  EXPECT_TRUE(contains(empty_edit, "Bitte schreiben Sie etwas auf die Karte."));
  ada.room();
  EXPECT_EQ(ada.post(path + "/delete", {}).status, 303);
  EXPECT_EQ(board(s).cards.size(), 0u);
}

TEST_F(LiveRoom, DotsGoUpToTheBudgetThenAClearMessageAndCanBeTakenBack) {
  const auto s = session(true, false);
  Participant ada(srv_.port(), s.join_code);
  ASSERT_TRUE(ada.join());
  ASSERT_EQ(ada.add_card("Karte A").status, 303);
  ASSERT_EQ(ada.add_card("Karte B").status, 303);
  const std::string a = "/cards/" + std::to_string(card_id(s, "Karte A"));
  const std::string b = "/cards/" + std::to_string(card_id(s, "Karte B"));
  EXPECT_TRUE(contains(ada.room().body, "Sie haben noch 3 von 3 Punkten."));
  EXPECT_EQ(ada.post(a + "/votes", {{"do", "add"}}).status, 303);
  EXPECT_EQ(ada.post(a + "/votes", {{"do", "add"}}).status, 303);
  EXPECT_EQ(ada.post(b + "/votes", {{"do", "add"}}).status, 303);
  const std::string spent = ada.room().body;
  EXPECT_TRUE(contains(spent, "Sie haben noch 0 von 3 Punkten."));
  EXPECT_TRUE(contains(spent, "2 Punkte"));
  auto past = ada.post(b + "/votes", {{"do", "add"}});
  EXPECT_EQ(past.status, 409);
  EXPECT_TRUE(contains(past.body, "Sie haben alle Ihre Punkte vergeben")) << past.body;
  EXPECT_EQ(ada.post(a + "/votes", {{"do", "remove"}}).status, 303);
  EXPECT_TRUE(contains(ada.room().body, "Sie haben noch 1 von 3 Punkten."));
  int total = 0;
  for (const auto& c : board(s).cards) total += c.votes;
  EXPECT_EQ(total, 2);
}

TEST_F(LiveRoom, TheSameFormSentTwiceMakesOneCard) {
  const auto s = session();
  Participant ada(srv_.port(), s.join_code);
  ASSERT_TRUE(ada.join());
  const std::string html = ada.room().body;
  const std::vector<std::pair<std::string, std::string>> form = {
      {"text", "Nur einmal"}, {"column", "good"}, {"step", "0"},
      {"nonce", field_in(html, "nonce")}};
  EXPECT_EQ(ada.post("/cards", form).status, 303);
  EXPECT_EQ(ada.post("/cards", form).status, 303) << "answered as done";
  EXPECT_EQ(srv_.store().live().board(acme_.id, s.id, key_of(ada)).value().cards.size(), 1u);
  EXPECT_EQ(ada.add_card("Eine zweite, mit neuem Formular").status, 303);
  EXPECT_EQ(board(s).cards.size(), 2u);
}

TEST_F(LiveRoom, ACardOverTheLimitIsSaidBesideTheFieldAndNothingIsStored) {
  const auto s = session();
  Participant ada(srv_.port(), s.join_code);
  ASSERT_TRUE(ada.join());
  const std::string text(2001, 'a');
  auto r = ada.add_card(text);
  EXPECT_EQ(r.status, 400);
  EXPECT_TRUE(contains(r.body, "höchstens 2.000 Zeichen. Bitte kürzen Sie den Text."));
  EXPECT_TRUE(contains(r.body, ">" + text + "</textarea>")) << "the text stays";
  EXPECT_TRUE(contains(r.body, "aria-invalid=\"true\""));
  EXPECT_EQ(board(s).cards.size(), 0u);
  EXPECT_EQ(ada.add_card(std::string(2000, 'a')).status, 303) << "2,000 is allowed";
}

TEST_F(LiveRoom, AFormWithoutTheParticipantsOwnTokenChangesNothing) {
  const auto s = session();
  Participant ada(srv_.port(), s.join_code), mallory(srv_.port(), s.join_code);
  ASSERT_TRUE(ada.join());
  ASSERT_TRUE(mallory.join());
  const std::string html = ada.room().body;
  // Mallory's room token on Ada's form (a page of another origin cannot read Ada's).
  mallory.room();
  const std::string ada_token = field_in(html, "room_token");
  auto r = ada.b.post(ada.url() + "/cards", {{"text", "Untergeschoben"},
                                             {"column", "good"},
                                             {"step", "0"},
                                             {"nonce", field_in(html, "nonce")},
                                             {"room_token", field_in(mallory.room().body,
                                                                     "room_token")}});
  EXPECT_EQ(r.status, 403);
  EXPECT_TRUE(contains(r.body, "Untergeschoben")) << "the text is shown again";
  EXPECT_EQ(board(s).cards.size(), 0u);
  EXPECT_FALSE(ada_token.empty());
  // Without the room's cookie: the join page, nothing written.
  Browser stranger(srv_.port());
  stranger.open("/join");
  auto anon = stranger.post(ada.url() + "/cards", {{"text", "Ohne Teilnahme"},
                                                   {"room_token", ada_token}});
  EXPECT_EQ(anon.status, 403);
  EXPECT_EQ(board(s).cards.size(), 0u);
}

TEST_F(LiveRoom, ACardForAStepThatClosedKeepsItsText) {
  const auto s = session();
  Participant ada(srv_.port(), s.join_code);
  ASSERT_TRUE(ada.join());
  const std::string html = ada.room().body;
  ASSERT_TRUE(srv_.store().live().go_to_step(acme_.id, s.id, 1, kLiveActor));
  auto r = ada.post("/cards", {{"text", "Kam zu spät"}, {"column", "good"}, {"step", "0"},
                               {"nonce", field_in(html, "nonce")}});
  EXPECT_EQ(r.status, 409);
  EXPECT_TRUE(contains(r.body, "zu einem anderen Schritt gewechselt"));
  EXPECT_TRUE(contains(r.body, ">Kam zu spät</textarea>"));
  EXPECT_TRUE(contains(r.body, "name=\"step\" value=\"1\"")) << "the form is for the new step";
}

TEST_F(LiveRoom, TheLanguageSwitchOnAnAnswerShowsTheFormAgainWithoutWriting) {
  const auto s = session();
  Participant ada(srv_.port(), s.join_code);
  ASSERT_TRUE(ada.join());
  const std::string html = ada.room().body;
  auto r = ada.post("/cards", {{"text", "Noch nicht senden"}, {"column", "good"}, {"step", "0"},
                               {"nonce", field_in(html, "nonce")}, {"switch_lang", "en"}});
  EXPECT_EQ(r.status, 200);
  EXPECT_TRUE(contains(r.body, "Add the card"));
  EXPECT_TRUE(contains(r.body, ">Noch nicht senden</textarea>"));
  EXPECT_EQ(board(s).cards.size(), 0u);
}

}  // namespace
}  // namespace solipraxis::web
