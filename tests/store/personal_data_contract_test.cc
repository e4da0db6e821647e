// Contract: "processes personal data" has three answers, yes / no / not answered
// yet, on every engine. Each is stored and read back as given, a change of the
// answer is a change in the audit log, a contradiction with special categories
// changes nothing, and the migration to the three answers keeps the meaning of
// old rows (a ticked box was "yes", an unticked one is "not answered", not "no").
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "store/audit_facts.h"
#include "store/migrations.h"
#include "store/orgs.h"
#include "store/paging.h"
#include "store/store.h"
#include "store/tools.h"
#include "store_fixture.h"

namespace solipraxis::store::testing {
namespace {

using core::DataAnswer;

class PersonalData : public StoreContract {
 protected:
  void SetUp() override {
    StoreContract::SetUp();
    if (HasFatalFailure()) return;
    org_ = make_org("verein").id;
  }

  core::Tool create(const std::string& name, DataAnswer answer, bool special = false) {
    core::Tool t;
    t.name = name;
    t.personal_data = answer;
    t.special_categories = special;
    auto created = store_->tools().create_tool(org_, t, actor_);
    EXPECT_TRUE(created.has_value()) << created.error().key << " " << created.error().detail;
    return created.has_value() ? *created : core::Tool{};
  }

  core::Tool stored(core::ToolId id) {
    auto t = store_->tools().tool(org_, id);
    EXPECT_TRUE(t.has_value());
    return t.has_value() ? *t : core::Tool{};
  }

  // The schema version just before the migration that brought the three answers.
  int version_before_three_answers() {
    for (const auto& f : migration_files(GetParam())) {
      if (f.path.ends_with("_personal_data_state.sql")) {
        const auto name = f.path.substr(f.path.rfind('/') + 1);
        return std::stoi(name) - 1;
      }
    }
    ADD_FAILURE() << "no *_personal_data_state.sql migration";
    return 0;
  }

  OrgId org_;
};

TEST_P(PersonalData, ANewToolHasNotAnsweredYet) {
  core::Tool t;
  t.name = "Übersetzungshilfe";
  auto created = store_->tools().create_tool(org_, t, actor_);
  ASSERT_OK(created);
  EXPECT_EQ(created->personal_data, DataAnswer::kUnknown);
  EXPECT_EQ(stored(created->id).personal_data, DataAnswer::kUnknown);
}

TEST_P(PersonalData, EveryAnswerIsStoredAndReadBackAsGiven) {
  for (DataAnswer a : {DataAnswer::kYes, DataAnswer::kNo, DataAnswer::kUnknown}) {
    const core::Tool t = create(std::string("Werkzeug ") + core::data_answer_name(a), a);
    EXPECT_EQ(t.personal_data, a);
    EXPECT_EQ(stored(t.id).personal_data, a) << core::data_answer_name(a);
  }
  auto page = store_->tools().list_tools(org_, {}, PageRequest{10, ""});
  ASSERT_OK(page);
  ASSERT_EQ(page->items.size(), 3u);
  EXPECT_EQ(page->items[0].personal_data, DataAnswer::kYes);
  EXPECT_EQ(page->items[1].personal_data, DataAnswer::kNo);
  EXPECT_EQ(page->items[2].personal_data, DataAnswer::kUnknown);
  // The old 0/1 column stays consistent for anyone reading the table directly.
  EXPECT_EQ(count_raw("SELECT COUNT(*) FROM tools WHERE personal_data = 1"), 1);
}

TEST_P(PersonalData, ChangingTheAnswerIsAnAuditedChange) {
  core::Tool t = create("Übersetzungshilfe", DataAnswer::kUnknown);
  for (DataAnswer a : {DataAnswer::kNo, DataAnswer::kYes, DataAnswer::kUnknown}) {
    core::Tool edited = t;
    edited.personal_data = a;
    auto saved = store_->tools().update_tool(org_, edited, t.version, actor_);
    ASSERT_OK(saved);
    EXPECT_EQ(saved->personal_data, a);
    EXPECT_EQ(stored(t.id).personal_data, a);
    auto page = store_->audit().audit_log(org_, AuditFilter{{"tool"}, std::to_string(t.id.value)},
                                  PageRequest{1, ""});
    ASSERT_OK(page);
    ASSERT_EQ(page->items.size(), 1u);
    EXPECT_EQ(audit_facts(page->items[0]).changed, std::vector<std::string>{"personal_data"});
    t = *saved;
  }
}

TEST_P(PersonalData, SpecialCategoriesAnswerAnOpenQuestionAndRefuseANo) {
  const core::Tool open = create("Offen", DataAnswer::kUnknown, /*special=*/true);
  EXPECT_EQ(open.personal_data, DataAnswer::kYes);
  EXPECT_TRUE(open.special_categories);

  const core::Tool no = create("Nein", DataAnswer::kNo);
  const auto audit_rows = audit(org_).size();
  core::Tool edited = no;
  edited.special_categories = true;
  auto refused = store_->tools().update_tool(org_, edited, no.version, actor_);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, core::ErrorCode::kInvalidInput);
  EXPECT_EQ(refused.error().key, "tools.error.special_categories_without_personal_data");
  const core::Tool after = stored(no.id);
  EXPECT_EQ(after.personal_data, DataAnswer::kNo);
  EXPECT_FALSE(after.special_categories);
  EXPECT_EQ(after.version, no.version);
  EXPECT_EQ(audit(org_).size(), audit_rows);

  core::Tool bad;
  bad.name = "Widerspruch";
  bad.personal_data = DataAnswer::kNo;
  bad.special_categories = true;
  EXPECT_ERR(store_->tools().create_tool(org_, bad, actor_), kInvalidInput);
  EXPECT_EQ(count_raw("SELECT COUNT(*) FROM tools WHERE name = 'Widerspruch'"), 0);
}

TEST_P(PersonalData, MigratedRowsKeepTheirMeaning) {
  recreate_at_version(version_before_three_answers());
  exec_raw("INSERT INTO orgs (slug, name, created_at) VALUES ('alt', 'Alter Verein', 0)");
  const std::string insert =
      "INSERT INTO tools (org_id, name, personal_data, special_categories, phase, version, "
      "created_at, updated_at) VALUES ((SELECT id FROM orgs WHERE slug = 'alt'), ";
  exec_raw(insert + "'Angekreuzt', 1, 0, 'idea', 1, 0, 0)");
  exec_raw(insert + "'Nicht angekreuzt', 0, 0, 'idea', 1, 0, 0)");
  exec_raw(insert + "'Besondere Kategorien', 1, 1, 'idea', 1, 0, 0)");

  auto opened = open();
  ASSERT_OK(opened);
  store_ = std::move(*opened);
  auto org = store_->orgs().org_by_slug("alt");
  ASSERT_OK(org);
  auto page = store_->tools().list_tools(org->id, {}, PageRequest{10, ""});
  ASSERT_OK(page);
  ASSERT_EQ(page->items.size(), 3u);
  EXPECT_EQ(page->items[0].personal_data, DataAnswer::kYes) << "a ticked box was a real yes";
  EXPECT_EQ(page->items[1].personal_data, DataAnswer::kUnknown)
      << "an unticked box may never have been answered: not a no";
  EXPECT_EQ(page->items[2].personal_data, DataAnswer::kYes);
  EXPECT_TRUE(page->items[2].special_categories);
  EXPECT_FALSE(page->items[0].special_categories);

  // A migrated row takes a new answer like any other.
  core::Tool t = page->items[1];
  t.personal_data = DataAnswer::kNo;
  auto saved = store_->tools().update_tool(org->id, t, t.version, actor_);
  ASSERT_OK(saved);
  EXPECT_EQ(saved->personal_data, DataAnswer::kNo);
  EXPECT_EQ(count_raw("SELECT COUNT(*) FROM tools WHERE personal_data_state = 'no'"), 1);
}

INSTANTIATE_TEST_SUITE_P(sqlite, PersonalData, ::testing::Values("sqlite"),
                         [](const auto& info) { return info.param; });
INSTANTIATE_TEST_SUITE_P(postgresql, PersonalData, ::testing::Values("postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace solipraxis::store::testing
