// Store contract for live sessions (issue 25), on every engine: a room joined
// by code, cards without an author that only their writer can change, dots
// within a budget, hidden cards that show no text to others, events in order
// for the live updates, and an end that lands action items in the tool's
// record and leaves no vote, participant or event row behind.
#include <gtest/gtest.h>

#include "core/live.h"
#include "core/tool.h"
#include "store/action_items.h"
#include "store/live.h"
#include "store/orgs.h"
#include "store/secrets.h"
#include "store/store.h"
#include "store/tools.h"
#include "store_fixture.h"

#include <nlohmann/json.hpp>

namespace solipraxis::store::testing {
namespace {

class LiveContract : public StoreContract {
 protected:
  void SetUp() override {
    StoreContract::SetUp();
    org_ = make_org("verein");
    core::Tool t;
    t.name = "Übersetzungs-KI";
    auto tool = store_->tools().create_tool(org_.id, t, actor_);
    ASSERT_TRUE(tool.has_value()) << tool.error().detail;
    tool_ = tool->id;
  }

  static std::vector<core::LiveStep> retro_steps() {
    return {core::LiveStep{"m.team-retro.1", "Vorstellung", {"Welches Problem?"}, {{"a", "Problem"}}, 300},
            core::LiveStep{"m.team-retro.3", "Kategorien", {},
                           {{"transparency", "Transparenz"}, {"bias", "Bias"}}, 900}};
  }

  LiveSession make_session(bool hide = true) {
    NewLiveSession in;
    in.kind = core::LiveKind::kRetro;
    in.method_id = "m.team-retro";
    in.catalog_version = 2;
    in.title = "Retro Übersetzungs-KI";
    in.tools = {tool_};
    in.steps = retro_steps();
    in.hide_cards = hide;
    auto s = store_->live().create(org_.id, in, actor_);
    EXPECT_TRUE(s.has_value()) << s.error().key << " " << s.error().detail;
    return s.has_value() ? *s : LiveSession{};
  }

  LiveSession running(bool hide = true) {
    LiveSession s = make_session(hide);
    auto started = store_->live().go_to_step(org_.id, s.id, 0, actor_);
    EXPECT_TRUE(started.has_value());
    return started.has_value() ? started->session : s;
  }

  static ParticipantKey key() { return ParticipantKey{random_token()}; }
  static std::int64_t nlohmann_card_id(const std::string& data) {
    return nlohmann::json::parse(data).at("card").at("id").get<std::int64_t>();
  }

  Org org_;
  core::ToolId tool_;
};

TEST_P(LiveContract, ADraftGetsAJoinCodeThatFindsItAndTheStepsAsGiven) {
  const LiveSession s = make_session();
  EXPECT_EQ(s.state, core::LiveState::kDraft);
  ASSERT_EQ(s.join_code.size(), core::kJoinCodeLength);
  EXPECT_TRUE(core::normalize_join_code(s.join_code).has_value());
  ASSERT_EQ(s.steps.size(), 2u);
  EXPECT_EQ(s.steps[1].columns[1].label, "Bias");
  EXPECT_EQ(s.tools, std::vector<core::ToolId>{tool_});
  auto room = store_->live().room(core::display_join_code(s.join_code));
  ASSERT_OK(room);
  EXPECT_EQ(room->session, s.id);
  EXPECT_EQ(room->org, org_.id);
  EXPECT_EQ(store_->live().room("2222-2222").error().key, "live.error.code_unknown");
  EXPECT_NE(make_session().join_code, s.join_code);

  LiveSetup setup{"Neuer Titel", retro_steps(), 5, false};
  setup.steps.pop_back();
  ASSERT_OK(store_->live().setup(org_.id, s.id, setup, actor_));
  auto again = store_->live().session(org_.id, s.id);
  ASSERT_OK(again);
  EXPECT_EQ(again->title, "Neuer Titel");
  EXPECT_EQ(again->steps.size(), 1u);
  EXPECT_EQ(again->vote_budget, 5);
  EXPECT_FALSE(again->hide_cards);

  setup.steps.clear();
  EXPECT_EQ(store_->live().setup(org_.id, s.id, setup, actor_).error().key,
            "live.error.steps_invalid");
  ASSERT_OK(store_->live().go_to_step(org_.id, s.id, 0, actor_));
  EXPECT_EQ(store_->live().setup(org_.id, s.id, LiveSetup{"x", retro_steps(), 3, true}, actor_)
                .error().key,
            "live.error.not_draft");
}

TEST_P(LiveContract, ARetroIsAboutOneToolOfTheOrg) {
  NewLiveSession in;
  in.method_id = "m.team-retro";
  in.catalog_version = 2;
  in.title = "Retro";
  in.steps = retro_steps();
  EXPECT_EQ(store_->live().create(org_.id, in, actor_).error().key, "live.error.tools_invalid");
  const Org other = make_org("andere");
  core::Tool t;
  t.name = "Fremd";
  auto theirs = store_->tools().create_tool(other.id, t, actor_);
  ASSERT_OK(theirs);
  in.tools = {theirs->id};
  EXPECT_EQ(store_->live().create(org_.id, in, actor_).error().key, "tools.error.not_found");
  in.kind = core::LiveKind::kWorkshop;
  in.tools = {};
  EXPECT_TRUE(store_->live().create(org_.id, in, actor_).has_value()) << "which need, which tool at all";
}

TEST_P(LiveContract, CardsGoOnTheCurrentStepOnlyWhileTheSessionRuns) {
  const LiveSession draft = make_session();
  const ParticipantKey ada = key();
  EXPECT_EQ(store_->live().add_card(org_.id, draft.id, 0, "a", "Zu früh", ada).error().key,
            "live.error.not_running");
  const LiveSession s = running();
  auto card = store_->live().add_card(org_.id, s.id, 0, "a", "Spart Zeit", ada);
  ASSERT_OK(card);
  EXPECT_EQ(card->event.type, "card");
  EXPECT_EQ(store_->live().add_card(org_.id, s.id, 1, "bias", "Später", ada).error().key,
            "live.error.step_closed");
  EXPECT_EQ(store_->live().add_card(org_.id, s.id, 0, "nope", "x", ada).error().key,
            "live.error.column_invalid");
  EXPECT_EQ(store_->live().add_card(org_.id, s.id, 0, "a", std::string(2001, 'x'), ada).error().key,
            "live.error.card_too_long");
  EXPECT_EQ(store_->live().add_card(org_.id, s.id, 0, "a", "x", ParticipantKey{"kurz"}).error().key,
            "live.error.key_invalid");
}

TEST_P(LiveContract, AFormSentAgainMakesNoSecondCardAndAnotherKeysFormDoes) {
  const LiveSession s = running();
  const ParticipantKey ada = key(), ben = key();
  auto first = store_->live().add_card(org_.id, s.id, 0, "a", "Spart Zeit", ada, "nonce-1");
  ASSERT_OK(first);
  EXPECT_GT(first->event.id, 0);
  auto again = store_->live().add_card(org_.id, s.id, 0, "a", "Spart Zeit", ada, "nonce-1");
  ASSERT_OK(again);
  EXPECT_EQ(again->event.id, 0) << "nothing new to tell the room";
  ASSERT_OK(store_->live().add_card(org_.id, s.id, 0, "a", "Spart Zeit", ben, "nonce-1"));
  ASSERT_OK(store_->live().add_card(org_.id, s.id, 0, "a", "Spart Zeit", ada, "nonce-2"));
  ASSERT_OK(store_->live().add_card(org_.id, s.id, 0, "a", "Spart Zeit", ada));
  auto board = store_->live().board(org_.id, s.id, ada);
  ASSERT_OK(board);
  EXPECT_EQ(board->cards.size(), 4u);
  int mine = 0;
  for (const auto& c : board->cards) mine += c.mine ? 1 : 0;
  EXPECT_EQ(mine, 3) << "a card from a form stays its writer's";
}

TEST_P(LiveContract, TheSessionListHoldsEachSessionsOwnStepsAndTools) {
  const LiveSession retro = make_session();
  NewLiveSession in;
  in.kind = core::LiveKind::kWorkshop;
  in.method_id = "m.tool-selection-workshop";
  in.catalog_version = 2;
  in.title = "Welche Bedarfe?";
  in.steps = {core::LiveStep{"", "Vision", {}, {{"c1", "Notizen"}}, 0}};
  auto workshop = store_->live().create(org_.id, in, actor_);
  ASSERT_OK(workshop);
  auto all = store_->live().sessions(org_.id, std::nullopt);
  ASSERT_OK(all);
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].id, workshop->id) << "newest first";
  EXPECT_EQ((*all)[0].steps.size(), 1u);
  EXPECT_TRUE((*all)[0].tools.empty());
  EXPECT_EQ((*all)[1].steps.size(), 2u);
  EXPECT_EQ((*all)[1].steps[1].columns.size(), 2u);
  EXPECT_EQ((*all)[1].revealed.size(), 2u);
  EXPECT_EQ((*all)[1].tools, std::vector<core::ToolId>{tool_});
  auto about_tool = store_->live().sessions(org_.id, tool_);
  ASSERT_OK(about_tool);
  ASSERT_EQ(about_tool->size(), 1u);
  EXPECT_EQ(about_tool->front().id, retro.id);
  EXPECT_EQ(about_tool->front().steps.size(), 2u);
}

TEST_P(LiveContract, HiddenCardsShowTheirTextOnlyToTheWriterUntilRevealed) {
  const LiveSession s = running(true);
  const ParticipantKey ada = key();
  const ParticipantKey ben = key();
  auto card = store_->live().add_card(org_.id, s.id, 0, "a", "Geheim bis zum Aufdecken", ada);
  ASSERT_OK(card);
  EXPECT_EQ(card->event.data.find("Geheim"), std::string::npos) << "the event carries no text";

  auto for_ada = store_->live().board(org_.id, s.id, ada);
  ASSERT_OK(for_ada);
  ASSERT_EQ(for_ada->cards.size(), 1u);
  EXPECT_TRUE(for_ada->cards[0].mine);
  EXPECT_EQ(for_ada->cards[0].text, "Geheim bis zum Aufdecken");
  auto for_ben = store_->live().board(org_.id, s.id, ben);
  ASSERT_OK(for_ben);
  EXPECT_FALSE(for_ben->cards[0].mine);
  EXPECT_EQ(for_ben->cards[0].text, "");
  auto for_facilitator = store_->live().board(org_.id, s.id, std::nullopt);
  ASSERT_OK(for_facilitator);
  EXPECT_EQ(for_facilitator->cards[0].text, "") << "the facilitator does not see it either";

  auto shown = store_->live().reveal(org_.id, s.id, 0, actor_);
  ASSERT_OK(shown);
  EXPECT_EQ(shown->event.type, "board");
  EXPECT_EQ(store_->live().board(org_.id, s.id, ben)->cards[0].text, "Geheim bis zum Aufdecken");
  auto later = store_->live().add_card(org_.id, s.id, 0, "a", "Nach dem Aufdecken", ben);
  ASSERT_OK(later);
  EXPECT_NE(later->event.data.find("Nach dem Aufdecken"), std::string::npos)
      << "a card on a revealed step is visible at once";
}

TEST_P(LiveContract, OnlyTheWriterCanChangeOrRemoveTheirCard) {
  const LiveSession s = running(false);
  const ParticipantKey ada = key();
  const ParticipantKey ben = key();
  auto card = store_->live().add_card(org_.id, s.id, 0, "a", "Erster Entwurf", ada);
  ASSERT_OK(card);
  const std::int64_t id = nlohmann_card_id(card->event.data);
  EXPECT_EQ(store_->live().edit_card(org_.id, s.id, id, "Fremd", ben).error().key,
            "live.error.card_not_found");
  EXPECT_EQ(store_->live().remove_card(org_.id, s.id, id, ben).error().key,
            "live.error.card_not_found");
  ASSERT_OK(store_->live().edit_card(org_.id, s.id, id, "Zweiter Entwurf", ada));
  EXPECT_EQ(store_->live().board(org_.id, s.id, ben)->cards[0].text, "Zweiter Entwurf");
  auto gone = store_->live().remove_card(org_.id, s.id, id, ada);
  ASSERT_OK(gone);
  EXPECT_EQ(gone->event.type, "card-removed");
  EXPECT_TRUE(store_->live().board(org_.id, s.id, ada)->cards.empty());
}

TEST_P(LiveContract, DotsStayWithinTheBudgetAndBecomeCountsAtTheEnd) {
  const LiveSession s = running(false);
  const ParticipantKey ada = key();
  const ParticipantKey ben = key();
  auto card = store_->live().add_card(org_.id, s.id, 0, "a", "Wichtig", ada);
  ASSERT_OK(card);
  const std::int64_t id = nlohmann_card_id(card->event.data);
  for (int i = 0; i < 3; ++i) ASSERT_OK(store_->live().vote(org_.id, s.id, id, ben, true));
  EXPECT_EQ(store_->live().vote(org_.id, s.id, id, ben, true).error().key, "live.error.budget_spent");
  ASSERT_OK(store_->live().vote(org_.id, s.id, id, ben, false));
  ASSERT_OK(store_->live().vote(org_.id, s.id, id, ada, true));
  auto board = store_->live().board(org_.id, s.id, ben);
  ASSERT_OK(board);
  EXPECT_EQ(board->cards[0].votes, 3);
  EXPECT_EQ(board->cards[0].my_votes, 2);
  EXPECT_EQ(board->dots_used, 2);
  EXPECT_EQ(store_->live().vote(org_.id, s.id, id, key(), false).error().key,
            "live.error.vote_not_found");

  ASSERT_OK(store_->live().end(org_.id, s.id, std::nullopt, actor_));
  auto after = store_->live().board(org_.id, s.id, std::nullopt);
  ASSERT_OK(after);
  EXPECT_EQ(after->cards[0].votes, 3) << "the count stays, the dots go";
  EXPECT_EQ(after->participants, 0);
  EXPECT_EQ(store_->live().vote(org_.id, s.id, id, ben, true).error().key, "live.error.ended");
}

TEST_P(LiveContract, EventsComeInOrderAndResumeAfterAnId) {
  const LiveSession s = running(false);
  const ParticipantKey ada = key();
  ASSERT_OK(store_->live().add_card(org_.id, s.id, 0, "a", "Eins", ada));
  auto two = store_->live().add_card(org_.id, s.id, 0, "a", "Zwei", ada);
  ASSERT_OK(two);
  ASSERT_OK(store_->live().timer(org_.id, s.id, TimerAction::kPause, 0, actor_));
  auto all = store_->live().events(org_.id, s.id, 0, 100);
  ASSERT_OK(all);
  ASSERT_EQ(all->size(), 4u) << "start, two cards, pause";
  EXPECT_EQ((*all)[0].type, "step");
  EXPECT_LT((*all)[1].id, (*all)[2].id);
  auto after = store_->live().events(org_.id, s.id, two->event.id, 100);
  ASSERT_OK(after);
  ASSERT_EQ(after->size(), 1u);
  EXPECT_EQ(after->front().type, "step");
  EXPECT_NE(after->front().data.find("\"paused\":true"), std::string::npos);
  EXPECT_EQ(store_->live().board(org_.id, s.id, std::nullopt)->last_event, after->front().id);
}

TEST_P(LiveContract, TheTimerRunsOnTheStoreClock) {
  LiveSession s = make_session();
  clock_.set(1'000'000);
  auto started = store_->live().go_to_step(org_.id, s.id, 1, actor_);
  ASSERT_OK(started);
  EXPECT_EQ(started->session.current_step, 1);
  clock_.set(1'000'100);
  EXPECT_EQ(core::remaining_seconds(started->session.timer, clock_.now()), 800);
  auto longer = store_->live().timer(org_.id, s.id, TimerAction::kExtend, 300, actor_);
  ASSERT_OK(longer);
  EXPECT_EQ(core::remaining_seconds(longer->session.timer, clock_.now()), 1100);
  ASSERT_OK(store_->live().timer(org_.id, s.id, TimerAction::kPause, 0, actor_));
  clock_.set(1'000'700);
  auto read = store_->live().session(org_.id, s.id);
  ASSERT_OK(read);
  EXPECT_EQ(core::remaining_seconds(read->timer, clock_.now()), 1100) << "paused";
}

TEST_P(LiveContract, ClustersGroupCardsOfOneStep) {
  const LiveSession s = running(false);
  const ParticipantKey ada = key();
  std::vector<std::int64_t> ids;
  for (const char* text : {"Datenschutz", "DSGVO", "Kosten"}) {
    auto c = store_->live().add_card(org_.id, s.id, 0, "a", text, ada);
    ASSERT_OK(c);
    ids.push_back(nlohmann_card_id(c->event.data));
  }
  EXPECT_EQ(store_->live().group(org_.id, s.id, std::nullopt, "", {ids[0]}, actor_).error().key,
            "live.error.cluster_name_required");
  auto grouped = store_->live().group(org_.id, s.id, std::nullopt, "Daten", {ids[0], ids[1]}, actor_);
  ASSERT_OK(grouped);
  auto board = store_->live().board(org_.id, s.id, std::nullopt);
  ASSERT_OK(board);
  ASSERT_EQ(board->clusters.size(), 1u);
  EXPECT_EQ(board->clusters[0].name, "Daten");
  EXPECT_EQ(board->cards[0].cluster, board->clusters[0].id);
  EXPECT_EQ(board->cards[2].cluster, std::nullopt);
  ASSERT_OK(store_->live().ungroup(org_.id, s.id, {ids[0], ids[1]}, actor_));
  EXPECT_TRUE(store_->live().board(org_.id, s.id, std::nullopt)->clusters.empty())
      << "an emptied cluster goes";
}

TEST_P(LiveContract, TheEndLandsActionItemsAndTheReviewDateAndForgetsTheRoom) {
  const LiveSession s = running(false);
  const ParticipantKey ada = key();
  ASSERT_OK(store_->live().join(org_.id, s.id, ada, "Ada"));
  ASSERT_OK(store_->live().join(org_.id, s.id, key(), ""));
  auto board = store_->live().board(org_.id, s.id, std::nullopt);
  EXPECT_EQ(board->participants, 2);
  EXPECT_EQ(board->names, std::vector<std::string>{"Ada"});
  const core::Date due = core::Date::today(clock_).add_days(14);
  LiveAction action{0, tool_, "Datenschutzfolgen prüfen", actor_.user, due};
  ASSERT_OK(store_->live().add_action(org_.id, s.id, action, actor_));
  EXPECT_EQ(store_->live().add_action(org_.id, s.id, LiveAction{0, tool_, " ", {}, {}}, actor_)
                .error().key,
            "live.error.action_required");
  EXPECT_TRUE(store_->action_items().items(org_.id, tool_, true)->empty())
      << "nothing lands before the end";

  const core::Date review = core::Date::today(clock_).add_days(90);
  auto ended = store_->live().end(org_.id, s.id, review, actor_);
  ASSERT_OK(ended);
  EXPECT_EQ(ended->event.type, "ended");
  EXPECT_EQ(ended->session.state, core::LiveState::kEnded);
  auto items = store_->action_items().items(org_.id, tool_, true);
  ASSERT_OK(items);
  ASSERT_EQ(items->size(), 1u);
  EXPECT_EQ(items->front().text, "Datenschutzfolgen prüfen");
  EXPECT_EQ(items->front().due, due);
  EXPECT_EQ(items->front().session, s.id);
  EXPECT_EQ(store_->tools().tool(org_.id, tool_)->next_review, review);
  EXPECT_EQ(store_->live().end(org_.id, s.id, std::nullopt, actor_).error().key, "live.error.ended");
  EXPECT_EQ(store_->live().join(org_.id, s.id, key(), "").error().key, "live.error.ended");
  auto events = store_->live().events(org_.id, s.id, 0, 100);
  ASSERT_OK(events);
  ASSERT_EQ(events->size(), 1u) << "only the end is left, for browsers that reconnect";
  EXPECT_EQ(events->front().type, "ended");

  auto done = store_->action_items().set_done(org_.id, items->front().id, true, actor_);
  ASSERT_OK(done);
  EXPECT_TRUE(done->done);
  EXPECT_TRUE(store_->action_items().items(org_.id, tool_, true)->empty());
  EXPECT_EQ(store_->action_items().items(org_.id, tool_, false)->size(), 1u);
  const Org other = make_org("andere");
  EXPECT_EQ(store_->action_items().set_done(other.id, items->front().id, false, actor_).error().key,
            "action_items.error.not_found");
}

// The database cannot tell who wrote which card: after two people wrote
// cards and voted, no table holds either person's key, and the card rows of
// one person share nothing the other's lack (no author column to compare).
TEST_P(LiveContract, NoTableTellsWhoWroteACard) {
  const LiveSession s = running(false);
  const ParticipantKey ada = key();
  const ParticipantKey ben = key();
  ASSERT_OK(store_->live().join(org_.id, s.id, ada, "Adelheid"));
  ASSERT_OK(store_->live().join(org_.id, s.id, ben, "Ben"));
  std::vector<std::int64_t> ids;
  for (const auto* who : {&ada, &ben, &ada}) {
    auto c = store_->live().add_card(org_.id, s.id, 0, "a", "Karte", *who);
    ASSERT_OK(c);
    ids.push_back(nlohmann_card_id(c->event.data));
  }
  ASSERT_OK(store_->live().vote(org_.id, s.id, ids[1], ada, true));
  const std::string dump = dump_all();
  EXPECT_EQ(dump.find(ada.key), std::string::npos) << "no key is stored";
  EXPECT_EQ(dump.find(ben.key), std::string::npos);
  // Ada's two cards carry different owner hashes: nothing links them to each other.
  EXPECT_EQ(count_raw("SELECT COUNT(DISTINCT owner_hash) FROM live_cards"), 3);
  EXPECT_EQ(count_raw("SELECT COUNT(DISTINCT owner_salt) FROM live_cards"), 3);
  // The card table has no column that could name a person, a device or a time.
  auto columns = count_raw(
      GetParam() == std::string("postgresql")
          ? "SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = current_schema() "
            "AND table_name = 'live_cards'"
          : "SELECT COUNT(*) FROM pragma_table_info('live_cards')");
  EXPECT_EQ(columns, 11) << "id, session, org, step, column, text, hidden, salt, hash, cluster, votes";
  // After the end, nothing of the room's people is left.
  ASSERT_OK(store_->live().end(org_.id, s.id, std::nullopt, actor_));
  EXPECT_EQ(count_raw("SELECT COUNT(*) FROM live_votes"), 0);
  EXPECT_EQ(count_raw("SELECT COUNT(*) FROM live_participants"), 0);
  EXPECT_EQ(dump_all().find("Adelheid"), std::string::npos) << "display names go with the end";
  for (const auto& entry : audit(org_.id)) {
    EXPECT_EQ(entry.after.find("Karte"), std::string::npos) << "no card text in the audit log";
  }
}

TEST_P(LiveContract, AnotherOrgCannotReachTheSession) {
  const LiveSession s = running(false);
  const Org other = make_org("andere");
  EXPECT_EQ(store_->live().session(other.id, s.id).error().key, "live.error.not_found");
  EXPECT_EQ(store_->live().add_card(other.id, s.id, 0, "a", "x", key()).error().key,
            "live.error.not_found");
  EXPECT_EQ(store_->live().go_to_step(other.id, s.id, 1, actor_).error().key, "live.error.not_found");
  EXPECT_TRUE(store_->live().sessions(other.id, std::nullopt)->empty());
  EXPECT_EQ(store_->live().sessions(org_.id, tool_)->size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(sqlite, LiveContract, ::testing::Values("sqlite"),
                         [](const auto& info) { return info.param; });
INSTANTIATE_TEST_SUITE_P(postgresql, LiveContract, ::testing::Values("postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace solipraxis::store::testing
