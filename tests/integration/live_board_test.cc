// The live board as rendered for its two readers (handlers/live/board_view.h,
// web/templates/live/board.mustache), over the real app and store: a
// participant sees their own hidden card marked as theirs only, others' hidden
// cards only counted; the facilitator sees the same cards with a checkbox each
// and no forms of the room; nobody sees a display name next to a card.
#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "core/live.h"
#include "core/tool.h"
#include "store/live.h"
#include "store/secrets.h"
#include "store/store.h"
#include "store/tools.h"
#include "web/handlers/live/board_view.h"
#include "web/page.h"
#include "web_fixture.h"

namespace solipraxis::web {
namespace {

const store::Actor kTest{std::nullopt, "test"};

class LiveBoardView : public ::testing::Test {
 protected:
  void SetUp() override {
    core::Tool t;
    t.name = "Übersetzungs-KI";
    tool_ = srv_.store().tools().create_tool(org(), t, kTest).value().id;
    store::NewLiveSession in;
    in.method_id = "m.team-retro";
    in.catalog_version = 2;
    in.title = "Retro Übersetzungs-KI";
    in.tools = {tool_};
    in.steps = {core::LiveStep{"", "Sammeln", {"Was lief gut?"},
                               {{"good", "Gut"}, {"bad", "Schwierig"}}, 600},
                core::LiveStep{"", "Abstimmen", {}, {{"c1", "Punkte"}}, 0}};
    session_ = srv_.store().live().create(org(), in, kTest).value().id;
    EXPECT_TRUE(srv_.store().live().go_to_step(org(), session_, 0, kTest));
    // The test's own reader: /test/board/{session}?key=...&reader=facilitator
    srv_.app().router().get(
        "/test/board/{id}",
        [this](Request& req) {
          std::optional<store::ParticipantKey> key;
          if (!req.query.value("key").empty()) key = store::ParticipantKey{req.query.value("key")};
          auto board = srv_.store().live().board(org(), std::stoll(req.param("id")), key);
          if (!board) return error_response(srv_.app().services(), req, board.error());
          handlers::live::BoardOptions o;
          if (req.query.value("reader") == "facilitator") {
            o.reader = handlers::live::BoardReader::kFacilitator;
            o.select_form = "group-form";
          } else {
            o.room_url = "/join/ROOM";
            o.room_token = "token";
          }
          return render(srv_.app().services(), req, "live/board_fragment",
                        mstch::map{{"board", handlers::live::board_data(srv_.app().services(), req,
                                                                        *board, o)}});
        },
        RouteAccess::kPublic);
  }
  core::OrgId org() { return srv_.org("acme").id; }
  void card(const store::ParticipantKey& k, const std::string& column, const std::string& text) {
    auto c = srv_.store().live().add_card(org(), session_, 0, column, text, k);
    EXPECT_TRUE(c) << (c ? "" : c.error().key);
  }
  std::string page(const std::string& query) {
    Browser b(srv_.port());
    auto r = b.get("/test/board/" + std::to_string(session_) + query);
    EXPECT_EQ(r.status, 200) << r.body;
    return r.body;
  }

  AuthServer srv_;
  core::ToolId tool_;
  std::int64_t session_ = 0;
};

TEST_F(LiveBoardView, AParticipantSeesTheirHiddenCardMarkedAndOthersOnlyCounted) {
  const store::ParticipantKey ada{store::random_token()}, ben{store::random_token()};
  ASSERT_TRUE(srv_.store().live().join(org(), session_, ada, "Ada Lovelace"));
  ASSERT_TRUE(srv_.store().live().join(org(), session_, ben, "Ben Berger"));
  card(ada, "good", "Die Übersetzungen sparen Zeit");
  card(ben, "good", "Bens geheime Karte");
  card(ben, "bad", "Noch eine von Ben");

  const std::string html = page("?key=" + ada.key);
  EXPECT_TRUE(contains(html, "Schritt 1 von 2: Sammeln"));
  EXPECT_TRUE(contains(html, "Was lief gut?"));
  EXPECT_TRUE(contains(html, "Noch 10 Min. 0 Sek.")) << "the timer as text";
  EXPECT_TRUE(contains(html, "data-remaining=\"600\""));
  EXPECT_TRUE(contains(html, "Die Übersetzungen sparen Zeit"));
  EXPECT_TRUE(contains(html, "nur für Sie sichtbar, bis die Moderation aufdeckt"));
  EXPECT_TRUE(contains(html, "action=\"/join/ROOM/cards/")) << "edit and delete of her own card";
  EXPECT_FALSE(contains(html, "Bens geheime Karte"));
  EXPECT_FALSE(contains(html, "Noch eine von Ben"));
  EXPECT_TRUE(contains(html, "1 weitere Karte, noch verdeckt"));
  EXPECT_FALSE(contains(html, "Ada Lovelace"));
  EXPECT_FALSE(contains(html, "Ben Berger"));
  EXPECT_FALSE(contains(html, "Punkt geben")) << "no dots on hidden cards";

  ASSERT_TRUE(srv_.store().live().reveal(org(), session_, 0, kTest));
  const std::string after = page("?key=" + ada.key);
  EXPECT_TRUE(contains(after, "Bens geheime Karte"));
  EXPECT_TRUE(contains(after, "Noch eine von Ben"));
  EXPECT_FALSE(contains(after, "noch verdeckt"));
  EXPECT_TRUE(contains(after, "Punkt geben"));
  EXPECT_TRUE(contains(after, "Sie haben noch 3 von 3 Punkten."));
  EXPECT_FALSE(contains(after, "Ben Berger"));
}

TEST_F(LiveBoardView, TheFacilitatorSeesTheSameCardsWithCheckboxesAndNoRoomForms) {
  const store::ParticipantKey ada{store::random_token()};
  ASSERT_TRUE(srv_.store().live().join(org(), session_, ada, "Ada Lovelace"));
  card(ada, "good", "Sichtbar nach dem Aufdecken");
  EXPECT_FALSE(contains(page("?reader=facilitator"), "Sichtbar nach dem Aufdecken"))
      << "a hidden card is hidden from the facilitator too";
  ASSERT_TRUE(srv_.store().live().reveal(org(), session_, 0, kTest));
  const std::string html = page("?reader=facilitator");
  EXPECT_TRUE(contains(html, "Sichtbar nach dem Aufdecken"));
  EXPECT_TRUE(contains(html, "form=\"group-form\""));
  EXPECT_FALSE(contains(html, "/join/")) << "no participant forms";
  EXPECT_FALSE(contains(html, "Ihre Karte"));
  EXPECT_FALSE(contains(html, "Ada Lovelace"));
}

TEST_F(LiveBoardView, ClustersAreNamedGroupsAndEarlierStepsStayReadable) {
  const store::ParticipantKey ada{store::random_token()};
  ASSERT_TRUE(srv_.store().live().reveal(org(), session_, 0, kTest));
  auto a = srv_.store().live().add_card(org(), session_, 0, "good", "Karte eins", ada);
  auto b = srv_.store().live().add_card(org(), session_, 0, "bad", "Karte zwei", ada);
  ASSERT_TRUE(a && b);
  auto card_of = [](const store::LiveChange& c) {
    return nlohmann::json::parse(c.event.data).at("card").at("id").get<std::int64_t>();
  };
  ASSERT_TRUE(srv_.store().live().group(org(), session_, std::nullopt, "Zeitgewinn",
                                        {card_of(*a), card_of(*b)}, kTest));
  std::string html = page("?key=" + ada.key);
  EXPECT_TRUE(contains(html, "Gruppe: Zeitgewinn"));
  EXPECT_TRUE(contains(html, "Karte eins"));
  ASSERT_TRUE(srv_.store().live().go_to_step(org(), session_, 1, kTest));
  html = page("?key=" + ada.key);
  EXPECT_TRUE(contains(html, "Schritt 2 von 2: Abstimmen"));
  EXPECT_TRUE(contains(html, "Karten aus anderen Schritten"));
  EXPECT_TRUE(contains(html, "Karte zwei"));
  EXPECT_FALSE(contains(html, "live-timer")) << "a step without a countdown shows no timer";
}

}  // namespace
}  // namespace solipraxis::web
