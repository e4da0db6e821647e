// Store contract for personas and the vulnerability risk matrix (issue 24), on
// every engine: personas validated and versioned, attached to tools, never
// removed from under a risk by accident; risks placed on the paper's scale with
// every re-assessment kept; a persona or tool of another org cannot be named;
// a refused write leaves every row as it was.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/persona.h"
#include "core/risk.h"
#include "core/tool.h"
#include "store/orgs.h"
#include "store/personas.h"
#include "store/risks.h"
#include "store/store.h"
#include "store/tools.h"
#include "store/users.h"
#include "store_fixture.h"

namespace solipraxis::store::testing {
namespace {

class PersonasRisksContract : public StoreContract {
 protected:
  void SetUp() override {
    StoreContract::SetUp();
    org_ = make_org("verein");
    tool_ = make_tool(org_.id, "Chatbot für die Beratung");
  }

  core::ToolId make_tool(OrgId org, const std::string& name) {
    core::Tool t;
    t.name = name;
    auto tool = store_->tools().create_tool(org, t, actor_);
    EXPECT_TRUE(tool.has_value()) << tool.error().detail;
    return tool.has_value() ? tool->id : core::ToolId{};
  }

  core::Persona make_persona(OrgId org, const std::string& name, core::Use use) {
    core::Persona p;
    p.name = name;
    p.use = use;
    auto made = store_->personas().create(org, p, actor_);
    EXPECT_TRUE(made.has_value()) << made.error().key;
    return made.has_value() ? *made : core::Persona{};
  }

  core::Risk draft(std::vector<core::PersonaId> personas, core::Level likelihood,
                   core::Level impact) {
    core::Risk r;
    r.tool = tool_;
    r.description = "Wer kein Smartphone hat, bekommt keine Antwort mehr.";
    r.personas = std::move(personas);
    r.likelihood = likelihood;
    r.impact = impact;
    return r;
  }

  Org org_;
  core::ToolId tool_;
};

TEST_P(PersonasRisksContract, APersonaIsStoredNormalisedAndVersioned) {
  core::Persona p;
  p.name = "  Erika, 78  ";
  p.story = "Lebt allein auf dem Land und ruft lieber an.";
  p.age = 78;
  p.place = core::Place::kRural;
  p.languages = {"DE", "de"};
  p.device = core::Device::kNone;
  p.use = core::Use::kCannot;
  p.tags = {"Pflege"};
  auto made = store_->personas().create(org_.id, p, actor_);
  ASSERT_OK(made);
  EXPECT_EQ(made->version, 1);
  auto read = store_->personas().get(org_.id, made->id);
  ASSERT_OK(read);
  EXPECT_EQ(read->name, "Erika, 78");
  EXPECT_EQ(read->languages, (std::vector<std::string>{"de"}));
  EXPECT_EQ(read->age, 78);
  EXPECT_EQ(read->place, core::Place::kRural);
  EXPECT_EQ(read->device, core::Device::kNone);
  EXPECT_EQ(read->use, core::Use::kCannot);
  EXPECT_EQ(read->tags, (std::vector<std::string>{"Pflege"}));

  core::Persona edit = *read;
  edit.story = "Ihre Enkelin hilft manchmal am Telefon.";
  auto saved = store_->personas().update(org_.id, edit, 1, actor_);
  ASSERT_OK(saved);
  EXPECT_EQ(saved->version, 2);
  const std::string before = dump_all();
  edit.story = "Ein älterer Stand aus einem zweiten Tab";
  auto stale = store_->personas().update(org_.id, edit, 1, actor_);
  EXPECT_ERR(stale, kConflict);
  EXPECT_EQ(stale.error().key, "personas.error.stale");
  EXPECT_EQ(dump_all(), before) << "a stale save changes nothing";

  ASSERT_OK(store_->personas().get(org_.id, made->id));
  EXPECT_EQ(store_->personas().get(org_.id, made->id)->story,
            "Ihre Enkelin hilft manchmal am Telefon.");
}

TEST_P(PersonasRisksContract, InvalidPersonasAreRefusedAndNothingIsWritten) {
  const std::string before = dump_all();
  core::Persona p;
  p.name = "";
  EXPECT_ERR(store_->personas().create(org_.id, p, actor_), kInvalidInput);
  p.name = "Alter";
  p.age = 200;
  auto bad = store_->personas().create(org_.id, p, actor_);
  EXPECT_ERR(bad, kInvalidInput);
  EXPECT_EQ(bad.error().key, "personas.error.age_invalid");
  EXPECT_EQ(dump_all(), before);
}

TEST_P(PersonasRisksContract, ToolsAttachTheOrgsPersonasOnly) {
  const auto aylin = make_persona(org_.id, "Aylin", core::Use::kLikely);
  const auto erika = make_persona(org_.id, "Erika", core::Use::kCannot);
  ASSERT_OK(store_->personas().attach(org_.id, tool_, erika.id, actor_));
  ASSERT_OK(store_->personas().attach(org_.id, tool_, aylin.id, actor_));
  ASSERT_OK(store_->personas().attach(org_.id, tool_, aylin.id, actor_));  // no change
  auto attached = store_->personas().of_tool(org_.id, tool_);
  ASSERT_OK(attached);
  ASSERT_EQ(attached->size(), 2u);
  EXPECT_EQ((*attached)[0].name, "Aylin");
  EXPECT_EQ((*attached)[1].name, "Erika");

  const Org other = make_org("andere");
  const auto theirs = make_persona(other.id, "Fremd", core::Use::kMaybe);
  const auto their_tool = make_tool(other.id, "Fremdes Tool");
  const std::string before = dump_all();
  EXPECT_ERR(store_->personas().attach(org_.id, tool_, theirs.id, actor_), kNotFound);
  EXPECT_ERR(store_->personas().attach(org_.id, their_tool, aylin.id, actor_), kNotFound);
  EXPECT_ERR(store_->personas().attach(other.id, tool_, theirs.id, actor_), kNotFound);
  EXPECT_ERR(store_->personas().get(other.id, aylin.id), kNotFound);
  EXPECT_EQ(dump_all(), before);

  ASSERT_OK(store_->personas().detach(org_.id, tool_, aylin.id, actor_));
  attached = store_->personas().of_tool(org_.id, tool_);
  ASSERT_OK(attached);
  ASSERT_EQ(attached->size(), 1u);
  EXPECT_EQ(attached->front().name, "Erika");
}

TEST_P(PersonasRisksContract, RisksArePlacedAndEveryMoveIsKeptWithItsReason) {
  const User ada = make_user("ada@example.org");
  ASSERT_OK(store_->orgs().add_member(org_.id, ada.id, Role::kEditor, actor_));
  const Actor by_ada{ada.id, "web"};
  const auto erika = make_persona(org_.id, "Erika", core::Use::kCannot);
  auto risk = draft({erika.id}, core::Level::kMedium, core::Level::kHigh);
  risk.affected = core::Affected::kNonUsers;
  risk.owner = ada.id;
  risk.due = *core::Date::parse("2027-01-15");
  auto made = store_->risks().create(org_.id, risk, by_ada);
  ASSERT_OK(made);
  auto read = store_->risks().get(org_.id, made->id);
  ASSERT_OK(read);
  EXPECT_EQ(read->personas, (std::vector<core::PersonaId>{erika.id}));
  EXPECT_EQ(read->affected, core::Affected::kNonUsers);
  EXPECT_EQ(read->owner, ada.id);
  EXPECT_EQ(read->due->str(), "2027-01-15");

  core::Risk moved = *read;
  moved.likelihood = core::Level::kHigh;
  auto no_reason = store_->risks().update(org_.id, moved, " ", 1, by_ada);
  EXPECT_ERR(no_reason, kInvalidInput);
  EXPECT_EQ(no_reason.error().key, "risks.error.reason_required");
  clock_.advance(3600);
  ASSERT_OK(store_->risks().update(org_.id, moved, "In der Beratung dreimal erlebt", 1, by_ada));
  moved.mitigation = "Telefonsprechstunde bleibt";
  moved.state = core::RiskState::kMitigated;
  ASSERT_OK(store_->risks().update(org_.id, moved, "", 2, by_ada));  // not moved: no reason needed

  auto history = store_->risks().history(org_.id, made->id);
  ASSERT_OK(history);
  ASSERT_EQ(history->size(), 2u) << "the first placement and the one move";
  EXPECT_EQ((*history)[0].likelihood, core::Level::kMedium);
  EXPECT_EQ((*history)[0].reason, "");
  EXPECT_EQ((*history)[1].likelihood, core::Level::kHigh);
  EXPECT_EQ((*history)[1].impact, core::Level::kHigh);
  EXPECT_EQ((*history)[1].reason, "In der Beratung dreimal erlebt");
  EXPECT_EQ((*history)[1].by, ada.id);
  EXPECT_EQ((*history)[1].at, (*history)[0].at + 3600);
}

TEST_P(PersonasRisksContract, BadRisksAreRefusedAndNothingIsWritten) {
  const Org other = make_org("andere");
  const auto theirs = make_persona(other.id, "Fremd", core::Use::kMaybe);
  const User outsider = make_user("out@example.org");
  const std::string before = dump_all();
  auto empty = draft({}, core::Level::kLow, core::Level::kLow);
  empty.description = " ";
  auto r = store_->risks().create(org_.id, empty, actor_);
  EXPECT_ERR(r, kInvalidInput);
  EXPECT_EQ(r.error().key, "risks.error.description_required");
  EXPECT_ERR(store_->risks().create(org_.id, draft({theirs.id}, core::Level::kLow,
                                                   core::Level::kLow), actor_),
             kNotFound);
  auto not_member = draft({}, core::Level::kLow, core::Level::kLow);
  not_member.group = "Ehrenamtliche";
  not_member.owner = outsider.id;
  auto nm = store_->risks().create(org_.id, not_member, actor_);
  EXPECT_ERR(nm, kInvalidInput);
  EXPECT_EQ(nm.error().key, "risks.error.owner_not_member");
  EXPECT_EQ(dump_all(), before);
  auto foreign_tool = draft({}, core::Level::kLow, core::Level::kLow);
  foreign_tool.group = "Ehrenamtliche";
  foreign_tool.tool = make_tool(other.id, "Fremdes Tool");
  const std::string with_tool = dump_all();
  EXPECT_ERR(store_->risks().create(org_.id, foreign_tool, actor_), kNotFound);
  EXPECT_EQ(dump_all(), with_tool);
}

TEST_P(PersonasRisksContract, APersonaInUseIsOnlyRemovedWhenDetachedExplicitly) {
  const auto erika = make_persona(org_.id, "Erika", core::Use::kCannot);
  const auto aylin = make_persona(org_.id, "Aylin", core::Use::kLikely);
  ASSERT_OK(store_->personas().attach(org_.id, tool_, erika.id, actor_));
  auto alone = store_->risks().create(
      org_.id, draft({erika.id}, core::Level::kHigh, core::Level::kHigh), actor_);
  ASSERT_OK(alone);
  auto shared = store_->risks().create(
      org_.id, draft({erika.id, aylin.id}, core::Level::kLow, core::Level::kMedium), actor_);
  ASSERT_OK(shared);

  const std::string before = dump_all();
  auto refused = store_->personas().remove(org_.id, erika.id, false, actor_);
  EXPECT_ERR(refused, kConflict);
  EXPECT_EQ(refused.error().key, "personas.error.in_use");
  EXPECT_EQ(refused.error().detail, std::to_string(alone->id.value) + "," +
                                        std::to_string(shared->id.value));
  EXPECT_EQ(dump_all(), before);

  ASSERT_OK(store_->personas().remove(org_.id, erika.id, true, actor_));
  EXPECT_ERR(store_->personas().get(org_.id, erika.id), kNotFound);
  auto a = store_->risks().get(org_.id, alone->id);
  ASSERT_OK(a);
  EXPECT_TRUE(a->personas.empty());
  EXPECT_EQ(a->group, "Erika") << "a risk that concerned only her keeps her name";
  auto s = store_->risks().get(org_.id, shared->id);
  ASSERT_OK(s);
  EXPECT_EQ(s->personas, (std::vector<core::PersonaId>{aylin.id}));
  EXPECT_EQ(s->group, "");
  auto attached = store_->personas().of_tool(org_.id, tool_);
  ASSERT_OK(attached);
  EXPECT_TRUE(attached->empty());
}

TEST_P(PersonasRisksContract, TheListPutsUnmitigatedHighImpactFirstAndFilters) {
  const auto erika = make_persona(org_.id, "Erika", core::Use::kCannot);
  auto low = store_->risks().create(
      org_.id, draft({erika.id}, core::Level::kHigh, core::Level::kLow), actor_);
  ASSERT_OK(low);
  auto high = store_->risks().create(
      org_.id, draft({}, core::Level::kLow, core::Level::kHigh), actor_);
  EXPECT_FALSE(high.has_value()) << "neither persona nor group";
  auto with_group = draft({}, core::Level::kLow, core::Level::kHigh);
  with_group.group = "Menschen ohne Konto";
  high = store_->risks().create(org_.id, with_group, actor_);
  ASSERT_OK(high);
  const auto other_tool = make_tool(org_.id, "Zweites Tool");
  auto elsewhere = draft({erika.id}, core::Level::kMedium, core::Level::kMedium);
  elsewhere.tool = other_tool;
  ASSERT_OK(store_->risks().create(org_.id, elsewhere, actor_));

  auto all = store_->risks().list(org_.id, {});
  ASSERT_OK(all);
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ((*all)[0].id, high->id);
  auto of_tool = store_->risks().list(org_.id, RiskFilter{tool_, std::nullopt, std::nullopt});
  ASSERT_OK(of_tool);
  EXPECT_EQ(of_tool->size(), 2u);
  auto of_erika = store_->risks().list(org_.id, RiskFilter{std::nullopt, erika.id, std::nullopt});
  ASSERT_OK(of_erika);
  EXPECT_EQ(of_erika->size(), 2u);
  ASSERT_EQ((*of_erika)[0].personas, (std::vector<core::PersonaId>{erika.id}));
  const Org other = make_org("andere");
  auto none = store_->risks().list(other.id, {});
  ASSERT_OK(none);
  EXPECT_TRUE(none->empty());
  EXPECT_ERR(store_->risks().get(other.id, high->id), kNotFound);
}

TEST_P(PersonasRisksContract, EveryWriteIsAudited) {
  const auto erika = make_persona(org_.id, "Erika", core::Use::kCannot);
  ASSERT_OK(store_->personas().attach(org_.id, tool_, erika.id, actor_));
  auto risk = store_->risks().create(
      org_.id, draft({erika.id}, core::Level::kLow, core::Level::kLow), actor_);
  ASSERT_OK(risk);
  ASSERT_OK(store_->risks().remove(org_.id, risk->id, actor_));
  ASSERT_OK(store_->personas().remove(org_.id, erika.id, false, actor_));
  std::vector<std::string> actions;
  for (const auto& e : audit(org_.id)) {
    if (e.entity == "persona" || e.entity == "risk" || e.action.rfind("persona.", 0) == 0) {
      actions.push_back(e.action);
    }
  }
  std::sort(actions.begin(), actions.end());
  EXPECT_EQ(actions, (std::vector<std::string>{"persona.attach", "persona.create", "persona.delete",
                                               "risk.create", "risk.delete"}));
}

INSTANTIATE_TEST_SUITE_P(sqlite, PersonasRisksContract, ::testing::Values("sqlite"),
                         [](const auto& info) { return std::string(info.param); });
INSTANTIATE_TEST_SUITE_P(postgresql, PersonasRisksContract, ::testing::Values("postgresql"),
                         [](const auto& info) { return std::string(info.param); });

}  // namespace
}  // namespace solipraxis::store::testing
