// Store contract for guided reflections (issue 23), on every engine: drafts per
// section with versions (a second tab's older draft is a conflict and the newer
// text stays), the stage-two lock by the injected clock, anonymous rounds that
// store no user id and show the team nothing below three respondents, and
// isolation between orgs and between people.
#include <gtest/gtest.h>

#include "core/reflection.h"
#include "core/tool.h"
#include "store/orgs.h"
#include "store/reflections.h"
#include "store/store.h"
#include "store/tools.h"
#include "store/users.h"
#include "store_fixture.h"

namespace solipraxis::store::testing {
namespace {

class ReflectionsContract : public StoreContract {
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

  ReflectionRound make_round(bool anonymous, int followup_days = 0) {
    NewRound r{tool_, "m.reflection-template-introduction", 2, anonymous, followup_days};
    auto round = store_->reflections().create_round(org_.id, r, actor_);
    EXPECT_TRUE(round.has_value()) << round.error().key;
    return round.has_value() ? *round : ReflectionRound{};
  }

  static Author named(const User& u) { return Author{u.id, ""}; }
  static Author anon(const std::string& key) { return Author{std::nullopt, key}; }
  static SectionAnswers section(std::string id, std::string text, int stage = 1) {
    return SectionAnswers{std::move(id), stage, {{"p.1", std::move(text)}}, 0, 0};
  }

  Org org_;
  core::ToolId tool_;
};

TEST_P(ReflectionsContract, DraftsAreKeptPerSectionAndAStaleTabIsAConflict) {
  const User ada = make_user("ada@example.org");
  const Actor by_ada{ada.id, "web"};
  const auto round = make_round(false);
  auto mine = store_->reflections().start(org_.id, round.id, named(ada), by_ada);
  ASSERT_OK(mine);
  auto again = store_->reflections().start(org_.id, round.id, named(ada), by_ada);
  ASSERT_OK(again);
  EXPECT_EQ(again->id, mine->id) << "starting again resumes the same reflection";

  ASSERT_OK(store_->reflections().save_section(org_.id, mine->id, named(ada),
                                               section("s.1", "Erster Gedanke"), 0, by_ada));
  ASSERT_OK(store_->reflections().save_section(org_.id, mine->id, named(ada),
                                               section("s.2", "Zweiter Abschnitt"), 0, by_ada));
  // Tab A and tab B both loaded s.1 at version 1; A saves first.
  auto a = store_->reflections().save_section(org_.id, mine->id, named(ada),
                                              section("s.1", "Neuer Text aus Tab A"), 1, by_ada);
  ASSERT_OK(a);
  EXPECT_EQ(a->version, 2);
  auto b = store_->reflections().save_section(org_.id, mine->id, named(ada),
                                              section("s.1", "Alter Text aus Tab B"), 1, by_ada);
  ASSERT_FALSE(b.has_value());
  EXPECT_EQ(b.error().code, core::ErrorCode::kConflict);
  EXPECT_EQ(b.error().key, "reflections.error.stale_draft");

  auto read = store_->reflections().reflection(org_.id, mine->id, named(ada));
  ASSERT_OK(read);
  ASSERT_EQ(read->sections.size(), 2u);
  EXPECT_EQ(read->sections[0].section_id, "s.1");
  EXPECT_EQ(read->sections[0].answers.at("p.1"), "Neuer Text aus Tab A") << "the newer text stays";
  EXPECT_EQ(read->sections[0].version, 2);
  EXPECT_EQ(read->sections[1].answers.at("p.1"), "Zweiter Abschnitt");
  EXPECT_EQ(read->user, ada.id);
}

TEST_P(ReflectionsContract, BadAnswersAndOtherPeopleAndOrgsChangeNothing) {
  const User ada = make_user("ada@example.org");
  const User ben = make_user("ben@example.org");
  const Org other = make_org("andere");
  const auto round = make_round(false);
  auto mine = store_->reflections().start(org_.id, round.id, named(ada), actor_);
  ASSERT_OK(mine);
  const std::string before = dump_all();

  EXPECT_ERR(store_->reflections().save_section(
                 org_.id, mine->id, named(ada),
                 section("s.1", std::string(core::kMaxAnswerChars + 1, 'a')), 0, actor_),
             kInvalidInput);
  EXPECT_ERR(store_->reflections().save_section(org_.id, mine->id, named(ben),
                                                section("s.1", "fremd"), 0, actor_),
             kNotFound);
  EXPECT_ERR(store_->reflections().save_section(other.id, mine->id, named(ada),
                                                section("s.1", "andere Org"), 0, actor_),
             kNotFound);
  EXPECT_ERR(store_->reflections().reflection(org_.id, mine->id, named(ben)), kNotFound);
  EXPECT_ERR(store_->reflections().round(other.id, round.id), kNotFound);
  EXPECT_ERR(store_->reflections().start(org_.id, round.id, anon("key"), actor_), kInvalidInput);
  EXPECT_ERR(store_->reflections().create_round(
                 other.id, NewRound{tool_, "m.reflection-template-use", 2, false, 0}, actor_),
             kNotFound);
  EXPECT_ERR(store_->reflections().create_round(org_.id, NewRound{tool_, "", 2, false, 0}, actor_),
             kInvalidInput);
  EXPECT_EQ(dump_all(), before) << "refused writes leave no trace";

  // Exactly 20,000 characters (umlauts count once) are fine.
  std::string longest;
  for (std::size_t i = 0; i < core::kMaxAnswerChars; ++i) longest += "ä";
  ASSERT_OK(store_->reflections().save_section(org_.id, mine->id, named(ada),
                                               section("s.1", longest), 0, actor_));
}

TEST_P(ReflectionsContract, StageTwoOpensOnlyAfterTheFollowUpDays) {
  const User ada = make_user("ada@example.org");
  const auto round = make_round(false, 7);
  auto mine = store_->reflections().start(org_.id, round.id, named(ada), actor_);
  ASSERT_OK(mine);
  auto early = store_->reflections().save_section(org_.id, mine->id, named(ada),
                                                  section("s.5", "zu früh", 2), 0, actor_);
  ASSERT_FALSE(early.has_value());
  EXPECT_EQ(early.error().key, "reflections.error.stage_one_open");

  ASSERT_OK(store_->reflections().save_section(org_.id, mine->id, named(ada),
                                               section("s.1", "Stufe eins"), 0, actor_));
  const auto done_at = clock_.now();
  auto finished = store_->reflections().finish_stage(org_.id, mine->id, named(ada), 1, actor_);
  ASSERT_OK(finished);
  EXPECT_EQ(finished->stage_one_done_at, done_at);
  EXPECT_EQ(finished->stage_two_opens_at, done_at + 7 * core::kSecondsPerDay);
  EXPECT_FALSE(finished->finished_at.has_value()) << "two stages: not finished yet";

  clock_.advance(7 * core::kSecondsPerDay - 1);
  auto locked = store_->reflections().save_section(org_.id, mine->id, named(ada),
                                                   section("s.5", "eine Sekunde zu früh", 2), 0,
                                                   actor_);
  ASSERT_FALSE(locked.has_value());
  EXPECT_EQ(locked.error().code, core::ErrorCode::kConflict);
  EXPECT_EQ(locked.error().key, "reflections.error.stage_locked");
  EXPECT_EQ(locked.error().detail, std::to_string(done_at + 7 * core::kSecondsPerDay))
      << "the message can name the day it opens";
  EXPECT_EQ(store_->reflections().finish_stage(org_.id, mine->id, named(ada), 2, actor_)
                .error()
                .key,
            "reflections.error.stage_locked");

  clock_.advance(1);
  ASSERT_OK(store_->reflections().save_section(org_.id, mine->id, named(ada),
                                               section("s.5", "eine Woche später", 2), 0, actor_));
  auto done = store_->reflections().finish_stage(org_.id, mine->id, named(ada), 2, actor_);
  ASSERT_OK(done);
  EXPECT_EQ(done->finished_at, clock_.now());
}

TEST_P(ReflectionsContract, AnonymousRoundsStoreNoUserIdAndNeedThreeForTheTeamView) {
  std::vector<User> people = {make_user("ada@example.org"), make_user("ben@example.org"),
                              make_user("cem@example.org")};
  const auto round = make_round(true);
  clock_.advance(3 * 3600 + 17 * 60);  // 03:17 in the morning: no answer may keep that
  const char* texts[] = {"Hilfreich", "Zu teuer", "Hilfreich"};
  for (int i = 0; i < 3; ++i) {
    const Actor by{people[i].id, "web"};
    const Author me = anon(std::string("schluessel-") + "abc"[i]);  // no digits: see below
    EXPECT_ERR(store_->reflections().start(org_.id, round.id, named(people[i]), by),
               kInvalidInput);
    auto mine = store_->reflections().start(org_.id, round.id, me, by);
    ASSERT_OK(mine);
    EXPECT_FALSE(mine->user.has_value());
    ASSERT_OK(store_->reflections().save_section(org_.id, mine->id, me,
                                                 section("s.1", texts[i]), 0, by));
    ASSERT_OK(store_->reflections().finish_stage(org_.id, mine->id, me, 1, by));
    auto view = store_->reflections().team_view(org_.id, round.id);
    if (i < 2) {
      ASSERT_FALSE(view.has_value()) << (i + 1) << " answers must show nothing";
      EXPECT_EQ(view.error().code, core::ErrorCode::kForbidden);
      EXPECT_EQ(view.error().key, "reflections.error.too_few_answers");
    } else {
      ASSERT_OK(view);
      EXPECT_EQ(view->respondents, 3);
      ASSERT_EQ(view->answers.size(), 3u);
      for (const auto& a : view->answers) EXPECT_FALSE(a.user.has_value());
      EXPECT_EQ(view->answers[0].text, "Hilfreich") << "sorted by text, not by person";
      EXPECT_EQ(view->answers[2].text, "Zu teuer");
    }
  }
  EXPECT_EQ(count_raw("SELECT COUNT(*) FROM reflections WHERE user_id IS NOT NULL"), 0);
  for (const auto& p : people) {
    const std::string id = std::to_string(p.id.value);
    EXPECT_EQ(count_raw("SELECT COUNT(*) FROM reflections WHERE author_key LIKE '%" + id + "%'"),
              0);
  }
  for (const auto& e : audit(org_.id)) {
    if (e.entity == "reflection") {
      EXPECT_FALSE(e.actor.has_value()) << e.action << " names a person";
      EXPECT_EQ(e.at % core::kSecondsPerDay, 0) << e.action << " keeps a time finer than the day";
    }
  }
  EXPECT_EQ(count_raw("SELECT COUNT(*) FROM reflections WHERE created_at % 86400 <> 0 OR "
                      "updated_at % 86400 <> 0 OR stage_one_done_at % 86400 <> 0"),
            0);
  EXPECT_EQ(count_raw("SELECT COUNT(*) FROM reflection_sections WHERE updated_at % 86400 <> 0"),
            0);
}

TEST_P(ReflectionsContract, FollowUpsListOpenSecondStagesOfNamedRoundsOnly) {
  const User ada = make_user("ada@example.org");
  const User ben = make_user("ben@example.org");
  const auto named_round = make_round(false, 7);
  const auto anonymous_round = make_round(true, 7);
  EXPECT_TRUE(store_->reflections().follow_ups(org_.id)->empty());
  auto finish_one = [&](const ReflectionRound& round, const Author& who) {
    auto r = store_->reflections().start(org_.id, round.id, who, actor_);
    EXPECT_TRUE(r.has_value());
    auto done = store_->reflections().finish_stage(org_.id, r->id, who, 1, actor_);
    EXPECT_TRUE(done.has_value());
    return *done;
  };
  const Reflection a = finish_one(named_round, named(ada));
  clock_.advance(core::kSecondsPerDay);
  const Reflection b = finish_one(named_round, named(ben));
  finish_one(anonymous_round, anon("schluessel"));
  auto begun = store_->reflections().start(org_.id, named_round.id, named(make_user("cem@example.org")), actor_);
  ASSERT_OK(begun);  // stage one not done: nothing to remind of yet

  auto due = store_->reflections().follow_ups(org_.id);
  ASSERT_OK(due);
  ASSERT_EQ(due->size(), 2u) << "the anonymous round stays out, so does an unfinished stage one";
  EXPECT_EQ((*due)[0].round.id, named_round.id);
  EXPECT_EQ((*due)[0].opens_at, *a.stage_two_opens_at);
  EXPECT_EQ((*due)[1].opens_at, *b.stage_two_opens_at);
  EXPECT_EQ((*due)[0].round.tool, tool_);

  clock_.advance(7 * core::kSecondsPerDay);
  ASSERT_OK(store_->reflections().finish_stage(org_.id, a.id, named(ada), 2, actor_));
  due = store_->reflections().follow_ups(org_.id);
  ASSERT_EQ(due->size(), 1u) << "finished: no longer due";
  EXPECT_EQ((*due)[0].opens_at, *b.stage_two_opens_at);
  EXPECT_TRUE(store_->reflections().follow_ups(make_org("anderer-verein").id)->empty())
      << "another org sees none";
}

TEST_P(ReflectionsContract, AnonymousStageTwoOpensByTheDayAndNeverEarlier) {
  const auto round = make_round(true, 7);
  const Author me = anon("schluessel");
  clock_.advance(22 * 3600);  // 22:00: stage one done late in the day
  auto mine = store_->reflections().start(org_.id, round.id, me, actor_);
  ASSERT_OK(mine);
  auto done = store_->reflections().finish_stage(org_.id, mine->id, me, 1, actor_);
  ASSERT_OK(done);
  const auto exact = clock_.now() + 7 * core::kSecondsPerDay;
  ASSERT_TRUE(done->stage_two_opens_at.has_value());
  EXPECT_GE(*done->stage_two_opens_at, exact) << "never earlier than a week";
  EXPECT_EQ(*done->stage_two_opens_at % core::kSecondsPerDay, 0) << "a day, not a time";
  clock_.set(exact);
  EXPECT_EQ(store_->reflections()
                .save_section(org_.id, mine->id, me, section("s.5", "zu früh", 2), 0, actor_)
                .error()
                .key,
            "reflections.error.stage_locked");
  clock_.set(*done->stage_two_opens_at);
  ASSERT_OK(store_->reflections().save_section(org_.id, mine->id, me,
                                               section("s.5", "mit Abstand", 2), 0, actor_));
}

TEST_P(ReflectionsContract, NamedTeamViewShowsEveryRespondentWithoutAThreshold) {
  const User ada = make_user("ada@example.org");
  const User ben = make_user("ben@example.org");
  const auto round = make_round(false);
  for (const User& u : {ada, ben}) {
    auto mine = store_->reflections().start(org_.id, round.id, named(u), actor_);
    ASSERT_OK(mine);
    ASSERT_OK(store_->reflections().save_section(org_.id, mine->id, named(u),
                                                 section("s.1", "Antwort von " + u.email), 0,
                                                 actor_));
    ASSERT_OK(store_->reflections().finish_stage(org_.id, mine->id, named(u), 1, actor_));
  }
  // A draft that was never finished is not part of the team view.
  const User cem = make_user("cem@example.org");
  auto draft = store_->reflections().start(org_.id, round.id, named(cem), actor_);
  ASSERT_OK(draft);
  ASSERT_OK(store_->reflections().save_section(org_.id, draft->id, named(cem),
                                               section("s.1", "noch nicht fertig"), 0, actor_));
  auto view = store_->reflections().team_view(org_.id, round.id);
  ASSERT_OK(view);
  EXPECT_EQ(view->respondents, 2);
  ASSERT_EQ(view->answers.size(), 2u);
  EXPECT_EQ(view->answers[0].user, ada.id);
  EXPECT_EQ(view->answers[1].user, ben.id);
  auto rounds = store_->reflections().rounds(org_.id, tool_);
  ASSERT_OK(rounds);
  ASSERT_EQ(rounds->size(), 1u);
  EXPECT_EQ(rounds->front().template_id, "m.reflection-template-introduction");
  EXPECT_EQ(rounds->front().catalog_version, 2);

  // Without a tool: every tool's rounds, by tool, and none of another org.
  core::Tool second;
  second.name = "Zweites Werkzeug";
  auto other_tool = store_->tools().create_tool(org_.id, second, actor_);
  ASSERT_OK(other_tool);
  NewRound later{other_tool->id, "m.reflection-template-use", 2, false, 0};
  ASSERT_OK(store_->reflections().create_round(org_.id, later, actor_));
  ASSERT_OK(store_->reflections().create_round(org_.id, NewRound{tool_, "phase.selection", 2, true, 0},
                                               actor_));
  const Org elsewhere = make_org("andere-orga");
  core::Tool theirs;
  theirs.name = "Fremd";
  auto their_tool = store_->tools().create_tool(elsewhere.id, theirs, actor_);
  ASSERT_OK(their_tool);
  ASSERT_OK(store_->reflections().create_round(
      elsewhere.id, NewRound{their_tool->id, "m.reflection-template-use", 2, false, 0}, actor_));
  auto all = store_->reflections().rounds(org_.id, std::nullopt);
  ASSERT_OK(all);
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ((*all)[0].tool, tool_);
  EXPECT_EQ((*all)[1].tool, tool_);
  EXPECT_EQ((*all)[1].template_id, "phase.selection");
  EXPECT_EQ((*all)[2].tool, other_tool->id);
}

TEST_P(ReflectionsContract, MineFindsTheAuthorsReflectionWithoutBeginningOne) {
  const User ada = make_user("ada@example.org");
  const User ben = make_user("ben@example.org");
  const Org other = make_org("andere");
  const auto round = make_round(false);
  const std::string before = dump_all();
  auto none = store_->reflections().mine(org_.id, round.id, named(ada));
  ASSERT_FALSE(none.has_value());
  EXPECT_EQ(none.error().code, core::ErrorCode::kNotFound);
  EXPECT_EQ(none.error().key, "reflections.error.not_begun");
  EXPECT_EQ(dump_all(), before) << "reading begins nothing";

  auto begun = store_->reflections().start(org_.id, round.id, named(ada), actor_);
  ASSERT_OK(begun);
  ASSERT_OK(store_->reflections().save_section(org_.id, begun->id, named(ada),
                                               section("s.1", "Gedanke"), 0, actor_));
  auto found = store_->reflections().mine(org_.id, round.id, named(ada));
  ASSERT_OK(found);
  EXPECT_EQ(found->id, begun->id);
  ASSERT_EQ(found->sections.size(), 1u);
  EXPECT_EQ(found->sections[0].answers.at("p.1"), "Gedanke");
  EXPECT_ERR(store_->reflections().mine(org_.id, round.id, named(ben)), kNotFound);
  EXPECT_ERR(store_->reflections().mine(other.id, round.id, named(ada)), kNotFound);
  EXPECT_ERR(store_->reflections().mine(org_.id, round.id, anon("k")), kInvalidInput);

  const auto anonymous = make_round(true);
  ASSERT_OK(store_->reflections().start(org_.id, anonymous.id, anon("k1"), actor_));
  ASSERT_OK(store_->reflections().mine(org_.id, anonymous.id, anon("k1")));
  EXPECT_ERR(store_->reflections().mine(org_.id, anonymous.id, anon("k2")), kNotFound);
}

INSTANTIATE_TEST_SUITE_P(sqlite, ReflectionsContract, ::testing::Values("sqlite"),
                         [](const auto& info) { return info.param; });
INSTANTIATE_TEST_SUITE_P(postgresql, ReflectionsContract, ::testing::Values("postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace solipraxis::store::testing
