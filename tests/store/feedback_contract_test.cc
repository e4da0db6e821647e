// Store contract for feedback from the people a tool affects (issue 27), on
// every engine: only an open channel of a tool in pilot, use or evaluation
// takes feedback; an item keeps the day, never the time, and nothing that
// names a person; the pickup code finds the reply and nothing else; a contact
// address lives apart and goes when the item is closed or on request; members'
// changes are audited without the text; an item becomes an action item in
// one transaction.
#include <gtest/gtest.h>

#include "core/feedback.h"
#include "core/tool.h"
#include "store/action_items.h"
#include "store/feedback.h"
#include "store/orgs.h"
#include "store/risks.h"
#include "store/secrets.h"
#include "store/store.h"
#include "store/tools.h"
#include "store_fixture.h"

namespace solipraxis::store::testing {
namespace {

using core::FeedbackCategory;
using core::FeedbackInput;
using core::FeedbackState;

class FeedbackContract : public StoreContract {
 protected:
  void SetUp() override {
    StoreContract::SetUp();
    org_ = make_org("verein");
    tool_ = make_tool("Chatbot Beratung", "pilot");
    ASSERT_OK(store_->feedback().set_channel(org_.id, tool_, true, actor_));
  }

  // A tool in `phase`. Phases move only by decisions; the fixture sets it
  // directly, the decision rules have their own contract.
  core::ToolId make_tool(const std::string& name, const std::string& phase) {
    core::Tool t;
    t.name = name;
    auto tool = store_->tools().create_tool(org_.id, t, actor_);
    EXPECT_TRUE(tool.has_value());
    if (!tool.has_value()) return {};
    exec_raw("UPDATE tools SET phase = '" + phase + "' WHERE id = " +
             std::to_string(tool->id.value));
    return tool->id;
  }

  static FeedbackInput input(const std::string& text, bool answer = false,
                             const std::string& contact = "") {
    FeedbackInput in;
    in.text = text;
    in.category = FeedbackCategory::kUnfair;
    in.wants_answer = answer;
    in.contact = contact;
    return in;
  }

  // Sends feedback; with a code the sender wants an answer.
  std::int64_t send(const std::string& text, const std::optional<std::string>& code = {},
                    const std::string& contact = "") {
    auto id = store_->feedback().submit(org_.id, tool_, input(text, code.has_value(), contact),
                                        hash_token(code ? *code : random_token()));
    EXPECT_TRUE(id.has_value()) << id.error().key << " " << id.error().detail;
    return id.has_value() ? *id : 0;
  }

  Org org_;
  core::ToolId tool_;
};

TEST_P(FeedbackContract, OnlyAnOpenChannelOfAToolInUseTakesFeedback) {
  const auto idea = make_tool("Idee", "idea");
  ASSERT_OK(store_->feedback().set_channel(org_.id, idea, true, actor_));
  const auto closed = make_tool("Geschlossen", "in_use");
  EXPECT_FALSE(*store_->feedback().channel_open(org_.id, idea)) << "an idea affects no one yet";
  EXPECT_FALSE(*store_->feedback().channel_open(org_.id, closed)) << "channels start closed";
  EXPECT_TRUE(*store_->feedback().channel_open(org_.id, tool_));
  const std::string before = dump_all();
  EXPECT_EQ(store_->feedback().submit(org_.id, idea, input("x"), hash_token("X")).error().key,
            "feedback.error.closed");
  EXPECT_EQ(store_->feedback().submit(org_.id, closed, input("x"), hash_token("X")).error().key,
            "feedback.error.closed");
  EXPECT_EQ(store_->feedback().submit(org_.id, tool_, input(" "), hash_token("X")).error().key,
            "feedback.error.text_required");
  EXPECT_EQ(store_->feedback()
                .submit(org_.id, tool_, input(std::string(core::kFeedbackTextMax + 1, 'a')),
                        hash_token("X"))
                .error()
                .key,
            "feedback.error.text_too_long");
  EXPECT_EQ(store_->feedback()
                .submit(org_.id, tool_, input("x", false, "a@example.org"), hash_token("X"))
                .error()
                .key,
            "feedback.error.contact_without_answer");
  EXPECT_EQ(store_->feedback()
                .submit(org_.id, tool_, input("x", true, "a@example.org\nb@example.org"),
                        hash_token("X"))
                .error()
                .key,
            "feedback.error.contact_invalid")
      << "an address is one line";
  EXPECT_EQ(dump_all(), before) << "a refused item writes nothing";
  // Closing the channel stops feedback at once.
  ASSERT_OK(store_->feedback().set_channel(org_.id, tool_, false, actor_));
  EXPECT_EQ(store_->feedback().submit(org_.id, tool_, input("x"), hash_token("X")).error().key,
            "feedback.error.closed");
}

TEST_P(FeedbackContract, AnItemKeepsTheDayAndNothingThatNamesAPerson) {
  // 2026-03-01 23:30 UTC is already 2 March in Berlin: the org's day counts.
  clock_.set(1'772'407'800);
  ASSERT_OK(store_->orgs().set_org_time_zone(org_.id, "Europe/Berlin", actor_));
  const std::int64_t id = send("Der Chatbot versteht meine Frage nicht.", "ABCDEFGHJKMN",
                               "post@example.org");
  auto item = store_->feedback().item(org_.id, id);
  ASSERT_OK(item);
  EXPECT_EQ(item->received_on.str(), "2026-03-02");
  EXPECT_EQ(item->state, FeedbackState::kNew);
  EXPECT_EQ(item->category, FeedbackCategory::kUnfair);
  EXPECT_TRUE(item->wants_answer);
  EXPECT_TRUE(item->has_contact);
  const std::string dump = dump_all();
  EXPECT_EQ(dump.find("1772407800"), std::string::npos) << "no time of sending is stored";
  EXPECT_EQ(dump.find("ABCDEFGHJKMN"), std::string::npos) << "the code only as its hash";
  auto columns = count_raw(
      is_postgres() ? "SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = "
                      "current_schema() AND table_name = 'feedback_items'"
                    : "SELECT COUNT(*) FROM pragma_table_info('feedback_items')");
  EXPECT_EQ(columns, 14) << "id, org, tool, text, category, day, state, pickup hash, answer "
                            "wanted, reply, reply day, risk, action item, version: nothing about "
                            "the sender";
  for (const auto& entry : audit(org_.id)) {
    EXPECT_NE(entry.entity, "feedback")
        << "sending is not audited: an audit row would say when someone wrote";
  }
}

TEST_P(FeedbackContract, ThePickupCodeFindsTheReplyAndNothingElse) {
  const std::int64_t id = send("Ich wurde abgelehnt, ohne Grund.", "ABCDEFGHJKMN");
  auto before = store_->feedback().pickup(org_.id, hash_token("ABCDEFGHJKMN"));
  ASSERT_OK(before);
  EXPECT_EQ(before->id, id);
  EXPECT_TRUE(before->reply.empty());
  EXPECT_FALSE(before->replied_on.has_value());
  clock_.advance(3 * 86400);
  auto replied = store_->feedback().reply(org_.id, id, "Wir prüfen das bis Freitag.", actor_);
  ASSERT_OK(replied);
  EXPECT_EQ(replied->state, FeedbackState::kAnswered);
  auto after = store_->feedback().pickup(org_.id, hash_token("ABCDEFGHJKMN"));
  ASSERT_OK(after);
  EXPECT_EQ(after->reply, "Wir prüfen das bis Freitag.");
  ASSERT_TRUE(after->replied_on.has_value());
  EXPECT_EQ(*after->replied_on, after->received_on.add_days(3));
  EXPECT_EQ(store_->feedback().pickup(org_.id, hash_token("XXXXXXXXXXXX")).error().key,
            "feedback.error.code_unknown");
  const Org other = make_org("andere");
  EXPECT_EQ(store_->feedback().pickup(other.id, hash_token("ABCDEFGHJKMN")).error().key,
            "feedback.error.code_unknown");
  // Without an answer wanted, the code finds nothing.
  const std::string quiet = random_token();
  ASSERT_OK(store_->feedback().submit(org_.id, tool_, input("Nur zur Info."), hash_token(quiet)));
  EXPECT_EQ(store_->feedback().pickup(org_.id, hash_token(quiet)).error().key,
            "feedback.error.code_unknown");
  EXPECT_EQ(store_->feedback().reply(org_.id, id, "  ", actor_).error().key,
            "feedback.error.reply_required");
}

TEST_P(FeedbackContract, TheContactLivesApartAndGoesWhenClosedOrAsked) {
  const std::int64_t a = send("a", "AAAAAAAAAAAA", "a@example.org");
  const std::int64_t b = send("b", "BBBBBBBBBBBB", "b@example.org");
  const std::int64_t c = send("c", "CCCCCCCCCCCC", "c@example.org");
  EXPECT_EQ(*store_->feedback().contact(org_.id, a), "a@example.org");
  // Closed: the address goes.
  ASSERT_OK(store_->feedback().set_state(org_.id, a, FeedbackState::kClosed, actor_));
  EXPECT_EQ(*store_->feedback().contact(org_.id, a), "");
  EXPECT_FALSE(store_->feedback().item(org_.id, a)->has_contact);
  // The person asks with the code.
  EXPECT_TRUE(store_->feedback().pickup(org_.id, hash_token("BBBBBBBBBBBB"))->has_contact);
  ASSERT_OK(store_->feedback().forget_contact_by_code(org_.id, hash_token("BBBBBBBBBBBB")));
  EXPECT_EQ(*store_->feedback().contact(org_.id, b), "");
  // A member deletes it on request.
  ASSERT_OK(store_->feedback().forget_contact(org_.id, c, actor_));
  EXPECT_EQ(*store_->feedback().contact(org_.id, c), "");
  const std::string dump = dump_all();
  for (const char* address : {"a@example.org", "b@example.org", "c@example.org"}) {
    EXPECT_EQ(dump.find(address), std::string::npos) << address << " is gone for good";
  }
}

TEST_P(FeedbackContract, MembersChangesAreAuditedWithoutTheText) {
  const std::int64_t id = send("Sehr persönlicher Text über meine Lage.", "ABCDEFGHJKMN");
  ASSERT_OK(store_->feedback().set_state(org_.id, id, FeedbackState::kRead, actor_));
  ASSERT_OK(store_->feedback().reply(org_.id, id, "Danke, wir melden uns.", actor_));
  ASSERT_OK(store_->feedback().set_state(org_.id, id, FeedbackState::kNew, actor_));
  EXPECT_EQ(store_->feedback().item(org_.id, id)->state, FeedbackState::kNew) << "undo by going back";
  auto entries = audit(org_.id);
  int feedback_rows = 0;
  for (const auto& e : entries) {
    if (e.entity != "feedback") continue;
    ++feedback_rows;
    EXPECT_EQ(e.before.find("persönlicher"), std::string::npos);
    EXPECT_EQ(e.after.find("persönlicher"), std::string::npos);
  }
  EXPECT_EQ(feedback_rows, 3);
  EXPECT_EQ(store_->feedback().item(org_.id, id)->version, 4);
}

TEST_P(FeedbackContract, AnItemBecomesAnActionItemInOneTransaction) {
  const std::int64_t id = send("Die Übersetzung ist oft falsch.");
  const User ada = make_user("ada@example.org");
  const std::string before = dump_all();
  FeedbackAction bad{"Übersetzungen prüfen lassen", ada.id, std::nullopt};  // not a member
  EXPECT_EQ(store_->feedback().to_action_item(org_.id, id, bad, actor_).error().key,
            "feedback.error.responsible_invalid");
  EXPECT_EQ(store_->feedback().to_action_item(org_.id, id, {"", {}, {}}, actor_).error().key,
            "feedback.error.action_required");
  EXPECT_EQ(dump_all(), before) << "a refused action item changes nothing";
  ASSERT_OK(store_->orgs().add_member(org_.id, ada.id, Role::kMember, actor_));
  FeedbackAction good{"Übersetzungen prüfen lassen", ada.id, *core::Date::parse("2026-02-01")};
  auto item = store_->feedback().to_action_item(org_.id, id, good, actor_);
  ASSERT_OK(item);
  EXPECT_EQ(item->state, FeedbackState::kActedOn);
  ASSERT_TRUE(item->action_item.has_value());
  auto actions = store_->action_items().items(org_.id, tool_, true);
  ASSERT_OK(actions);
  ASSERT_EQ(actions->size(), 1u);
  EXPECT_EQ(actions->front().id, *item->action_item);
  EXPECT_EQ(actions->front().text, "Übersetzungen prüfen lassen");
  EXPECT_EQ(actions->front().responsible, ada.id);
}

TEST_P(FeedbackContract, AnItemLinksOnlyARiskOfItsOwnTool) {
  const std::int64_t id = send("Menschen ohne Smartphone kommen nicht mehr durch.");
  const auto other_tool = make_tool("Anderes Werkzeug", "in_use");
  auto risk_for = [&](core::ToolId tool) {
    core::Risk r;
    r.tool = tool;
    r.description = "Menschen ohne Smartphone werden ausgeschlossen.";
    r.group = "Menschen ohne Smartphone";
    auto created = store_->risks().create(org_.id, r, actor_);
    EXPECT_TRUE(created.has_value()) << created.error().key << " " << created.error().detail;
    return created.has_value() ? created->id : core::RiskId{};
  };
  const auto foreign = risk_for(other_tool);
  EXPECT_EQ(store_->feedback().link_risk(org_.id, id, foreign, actor_).error().key,
            "risks.error.not_found");
  const auto own = risk_for(tool_);
  auto linked = store_->feedback().link_risk(org_.id, id, own, actor_);
  ASSERT_OK(linked);
  EXPECT_EQ(linked->risk, own);
  EXPECT_EQ(linked->state, FeedbackState::kActedOn);
  // Deleting the risk leaves the item, without the link.
  ASSERT_OK(store_->risks().remove(org_.id, own, actor_));
  auto after = store_->feedback().item(org_.id, id);
  ASSERT_OK(after);
  EXPECT_FALSE(after->risk.has_value());
}

TEST_P(FeedbackContract, TheSameFormSentTwiceMakesOneItem) {
  const std::int64_t first = send("Doppelt gesendet", "ABCDEFGHJKMN");
  const std::string before = dump_all();
  auto again = store_->feedback().submit(org_.id, tool_, input("Doppelt gesendet", true),
                                         hash_token("ABCDEFGHJKMN"));
  ASSERT_OK(again);
  EXPECT_EQ(*again, first);
  EXPECT_EQ(dump_all(), before);
}

TEST_P(FeedbackContract, ItemsComeNewestFirstInPagesWithFiltersAndCounts) {
  std::vector<std::int64_t> ids;
  for (int i = 0; i < 5; ++i) ids.push_back(send("Rückmeldung " + std::to_string(i)));
  ASSERT_OK(store_->feedback().set_state(org_.id, ids[1], FeedbackState::kActedOn, actor_));
  FeedbackFilter filter;
  filter.page.limit = 2;
  auto first = store_->feedback().items(org_.id, filter);
  ASSERT_OK(first);
  ASSERT_EQ(first->items.size(), 2u);
  EXPECT_EQ(first->items[0].id, ids[4]);
  EXPECT_EQ(first->items[1].id, ids[3]);
  filter.page.cursor = first->next;
  auto second = store_->feedback().items(org_.id, filter);
  ASSERT_OK(second);
  EXPECT_EQ(second->items.front().id, ids[2]);
  filter = {};
  filter.state = FeedbackState::kActedOn;
  auto acted = store_->feedback().items(org_.id, filter);
  ASSERT_OK(acted);
  ASSERT_EQ(acted->items.size(), 1u);
  EXPECT_EQ(acted->items.front().id, ids[1]);
  EXPECT_TRUE(acted->next.empty());
  auto counts = store_->feedback().counts(org_.id);
  ASSERT_OK(counts);
  EXPECT_EQ(counts->at(tool_).received, 5);
  EXPECT_EQ(counts->at(tool_).fresh, 4);
  EXPECT_EQ(counts->at(tool_).acted_on, 1);
  EXPECT_FALSE(*store_->feedback().counts_public(org_.id)) << "the register shows counts only by choice";
  ASSERT_OK(store_->feedback().set_counts_public(org_.id, true, actor_));
  EXPECT_TRUE(*store_->feedback().counts_public(org_.id));
}

TEST_P(FeedbackContract, AnotherOrgCannotReachAnItem) {
  const std::int64_t id = send("intern", "ABCDEFGHJKMN", "x@example.org");
  const Org other = make_org("andere");
  EXPECT_EQ(store_->feedback().item(other.id, id).error().key, "feedback.error.not_found");
  EXPECT_EQ(store_->feedback().contact(other.id, id).error().key, "feedback.error.not_found");
  EXPECT_EQ(store_->feedback().reply(other.id, id, "x", actor_).error().key,
            "feedback.error.not_found");
  EXPECT_EQ(store_->feedback().remove(other.id, id, actor_).error().key, "feedback.error.not_found");
  EXPECT_EQ(store_->feedback().submit(other.id, tool_, input("x"), hash_token("X")).error().key,
            "tools.error.not_found");
  ASSERT_OK(store_->feedback().forget_contact_by_code(other.id, hash_token("ABCDEFGHJKMN")));
  EXPECT_EQ(*store_->feedback().contact(org_.id, id), "x@example.org");
  EXPECT_TRUE(store_->feedback().items(other.id, {})->items.empty());
  ASSERT_OK(store_->feedback().remove(org_.id, id, actor_));
  EXPECT_EQ(count_raw("SELECT COUNT(*) FROM feedback_contacts"), 0);
}

INSTANTIATE_TEST_SUITE_P(sqlite, FeedbackContract, ::testing::Values("sqlite"),
                         [](const auto& info) { return info.param; });
INSTANTIATE_TEST_SUITE_P(postgresql, FeedbackContract, ::testing::Values("postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace solipraxis::store::testing
