#include "web/handlers/reflections/export_model.h"

#include <gtest/gtest.h>

#include "catalog/load.h"

namespace solipraxis::web::handlers::reflections {
namespace {

constexpr const char* kUse = "m.reflection-template-use";

const Form& use_form() {
  static const Form form = [] {
    auto set = cat::load_catalog_dir(std::string(SOLIPRAXIS_SOURCE_DIR) + "/data/catalog");
    if (!set) ADD_FAILURE() << set.error().detail;
    auto f = build_form(set->current(), nullptr, kUse);
    if (!f) ADD_FAILURE() << f.error().key;
    return f ? *f : Form{};
  }();
  return form;
}

store::ReflectionRound round(bool anonymous) {
  store::ReflectionRound r;
  r.id = 4;
  r.template_id = kUse;
  r.catalog_version = 2;
  r.anonymous = anonymous;
  r.created_by = core::UserId(7);
  return r;
}

store::Reflection answered() {
  store::Reflection mine;
  mine.id = 11;
  mine.round_id = 4;
  mine.finished_at = 1000;
  mine.sections = {
      {"m.reflection-template-use.1", 1,
       {{"m.reflection-template-use.1.1", "DeepL"},
        {"m.reflection-template-use.1.2", "   "},
        {"m.reflection-template-use.1.4", "m.reflection-template-use.1.4.regularly"}},
       1, 0},
      // A question the org removed later: its answer is kept, in a section of its own.
      {"own.9", 1, {{"own.9", "Eine Antwort auf eine gestrichene Frage"}}, 1, 0},
  };
  return mine;
}

const ExportPrompt* find_prompt(const ExportRound& r, std::string_view id) {
  for (const ExportSection& s : r.sections)
    for (const ExportPrompt& p : s.prompts)
      if (p.id == id) return &p;
  return nullptr;
}

TEST(ReflectionExport, OwnReflectionFollowsTheTemplateWithItsAnswersInPlace) {
  const ExportRound r = own_round(use_form(), cat::Lang::kDe, round(false), answered());
  EXPECT_EQ(r.title, use_form().title.get(cat::Lang::kDe));
  ASSERT_GE(r.sections.size(), use_form().sections.size());
  for (std::size_t i = 0; i < use_form().sections.size(); ++i)
    EXPECT_EQ(r.sections[i].id, use_form().sections[i].id) << "the template's order";
  const ExportPrompt* name = find_prompt(r, "m.reflection-template-use.1.1");
  ASSERT_NE(name, nullptr);
  ASSERT_EQ(name->answers.size(), 1u);
  EXPECT_EQ(name->answers[0].text, "DeepL");
  EXPECT_TRUE(find_prompt(r, "m.reflection-template-use.1.2")->answers.empty()) << "blank is no answer";
  const ExportPrompt* often = find_prompt(r, "m.reflection-template-use.1.4");
  ASSERT_TRUE(often->choice);
  ASSERT_EQ(often->counts.size(), 1u);
  EXPECT_EQ(often->counts[0].label, "regelmäßig") << "a choice reads as the catalog names it";
  EXPECT_EQ(often->counts[0].count, 1);
  EXPECT_EQ(r.sections.back().id, "own.9");
  EXPECT_EQ(find_prompt(r, "own.9")->answers.at(0).text, "Eine Antwort auf eine gestrichene Frage");
  EXPECT_EQ(r.reflection_id, 11);
  EXPECT_EQ(r.finished_at, 1000);
  EXPECT_FALSE(r.team);
}

TEST(ReflectionExport, AnAnonymousRoundHoldsNoIdThatLeadsToAPerson) {
  const ExportRound r = own_round(use_form(), cat::Lang::kEn, round(true), answered());
  EXPECT_FALSE(r.reflection_id.has_value());
  EXPECT_FALSE(r.round.created_by.has_value());
  for (const ExportSection& s : r.sections)
    for (const ExportPrompt& p : s.prompts)
      for (const ExportAnswer& a : p.answers) {
        EXPECT_FALSE(a.user.has_value());
        EXPECT_TRUE(a.name.empty());
      }
  EXPECT_EQ(find_prompt(r, "m.reflection-template-use.1.4")->counts.at(0).label, "regularly");
}

TEST(ReflectionExport, AWithheldTeamRoundIsTheTemplateWithoutAnswers) {
  const ExportRound r = withheld_round(use_form(), cat::Lang::kDe, round(true));
  EXPECT_TRUE(r.team);
  EXPECT_TRUE(r.withheld);
  EXPECT_EQ(r.respondents, 0);
  EXPECT_FALSE(r.round.created_by.has_value());
  EXPECT_EQ(r.sections.size(), use_form().sections.size());
  for (const ExportSection& s : r.sections)
    for (const ExportPrompt& p : s.prompts) {
      EXPECT_TRUE(p.answers.empty());
      EXPECT_TRUE(p.counts.empty());
    }
}

}  // namespace
}  // namespace solipraxis::web::handlers::reflections
