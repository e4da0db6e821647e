#include "web/handlers/reflections/form.h"

#include <gtest/gtest.h>

#include "catalog/load.h"

namespace solipraxis::web::handlers::reflections {
namespace {

const cat::Catalog& real() {
  static const cat::CatalogSet set = [] {
    auto s = cat::load_catalog_dir(std::string(SOLIPRAXIS_SOURCE_DIR) + "/data/catalog");
    if (!s) ADD_FAILURE() << s.error().detail;
    return s ? std::move(s).value() : cat::CatalogSet{};
  }();
  return set.current();
}

std::vector<std::string> section_ids(const Form& f) {
  std::vector<std::string> out;
  for (const auto& s : f.sections) out.push_back(s.id);
  return out;
}

TEST(ReflectionForm, PaperPhaseOfEveryRegisterPhase) {
  EXPECT_EQ(paper_phase(core::Phase::kIdea), 1);
  EXPECT_EQ(paper_phase(core::Phase::kSelection), 2);
  EXPECT_EQ(paper_phase(core::Phase::kRejected), 2);
  EXPECT_EQ(paper_phase(core::Phase::kPilot), 3);
  EXPECT_EQ(paper_phase(core::Phase::kInUse), 3);
  EXPECT_EQ(paper_phase(core::Phase::kEvaluation), 4);
  EXPECT_EQ(paper_phase(core::Phase::kRetired), 4);
}

TEST(ReflectionForm, TemplatesForAToolStartWithItsPhaseQuestions) {
  EXPECT_EQ(templates_for(core::Phase::kPilot),
            (std::vector<std::string>{"phase.deployment", "m.tool-reflection",
                                      "m.reflection-template-introduction",
                                      "m.reflection-template-use"}));
  EXPECT_EQ(templates_for(core::Phase::kIdea).front(), "phase.development");
  EXPECT_EQ(templates_for(core::Phase::kRejected).front(), "phase.selection");
  EXPECT_EQ(templates_for(core::Phase::kRetired).front(), "phase.evaluation");
  // Every offered template builds for every phase.
  for (core::Phase p : core::kAllPhases)
    for (const auto& id : templates_for(p)) EXPECT_TRUE(build_form(real(), nullptr, id)) << id;
}

TEST(ReflectionForm, UseTemplateIsOneSectionPerStepWithItsPromptsAndChoices) {
  auto f = build_form(real(), nullptr, "m.reflection-template-use");
  ASSERT_TRUE(f) << f.error().detail;
  const cat::Method* m = real().method("m.reflection-template-use");
  ASSERT_EQ(f->sections.size(), m->steps.size());
  EXPECT_EQ(f->template_id, "m.reflection-template-use");
  EXPECT_EQ(f->catalog_version, real().version);
  EXPECT_EQ(f->title.de, m->title.de);
  EXPECT_FALSE(f->two_stage());
  const FormSection* basics = f->section("m.reflection-template-use.1");
  ASSERT_NE(basics, nullptr);
  EXPECT_EQ(basics->title.de, "Basisdaten");
  ASSERT_EQ(basics->prompts.size(), 4u);
  EXPECT_EQ(basics->prompts[1].hint.de, "(z. B. Textgenerierung, Chatbot, Datenanalyse ...)");
  ASSERT_EQ(basics->prompts[3].choices.size(), 3u);
  EXPECT_EQ(basics->prompts[3].choices[2].label.de, "regelmäßig");
  EXPECT_EQ(f->section("m.reflection-template-use.99"), nullptr);
}

TEST(ReflectionForm, IntroductionTemplateHasASecondStageAfterTheDistance) {
  auto f = build_form(real(), nullptr, "m.reflection-template-introduction");
  ASSERT_TRUE(f);
  EXPECT_TRUE(f->two_stage());
  EXPECT_EQ(f->followup_after_days, 7);
  int stage_two = 0;
  for (const auto& s : f->sections) stage_two += s.stage == 2;
  EXPECT_GT(stage_two, 0);
  EXPECT_EQ(f->sections.front().stage, 1);
  EXPECT_EQ(f->sections.back().stage, 2);
}

TEST(ReflectionForm, ToolReflectionUsesTheUseTemplateStepsUnderItsOwnTitle) {
  auto f = build_form(real(), nullptr, "m.tool-reflection");
  auto use = build_form(real(), nullptr, "m.reflection-template-use");
  ASSERT_TRUE(f && use);
  const cat::Method* m = real().method("m.tool-reflection");
  EXPECT_EQ(f->template_id, "m.tool-reflection");
  EXPECT_EQ(f->title.de, m->title.de);
  EXPECT_EQ(f->intro.de, m->goal.de);
  EXPECT_EQ(f->duration.de, m->duration.de);
  EXPECT_EQ(section_ids(*f), section_ids(*use));
  EXPECT_EQ(f->note.de, use->note.de) << "the template's note, not the pointer to the appendix";
}

TEST(ReflectionForm, PhaseQuestionsAreOneSectionEachInCatalogOrder) {
  auto f = build_form(real(), nullptr, "phase.selection");
  ASSERT_TRUE(f);
  auto qs = real().questions_of(2);
  ASSERT_EQ(f->sections.size(), qs.size());
  for (size_t i = 0; i < qs.size(); ++i) {
    EXPECT_EQ(f->sections[i].id, qs[i]->id);
    ASSERT_EQ(f->sections[i].prompts.size(), 1u);
    EXPECT_EQ(f->sections[i].prompts[0].id, qs[i]->id);
    EXPECT_EQ(f->sections[i].prompts[0].text.de, qs[i]->text.de);
  }
  EXPECT_EQ(f->title.de, real().phase("phase.selection")->title.de);
}

TEST(ReflectionForm, PhaseQuestionsFollowTheOrgsCatalog) {
  auto qs = real().questions_of(2);
  ASSERT_GE(qs.size(), 3u);
  catalog_store::OrgCatalogView view;
  store::OrgCatalogEntry own;
  own.id = 5;
  own.kind = "question";
  own.phase = 2;
  own.text_de = "Wen fragen wir im Stadtteil?";
  view.data.entries.push_back(own);
  view.own.push_back(catalog_store::own_item(own));
  view.data.hidden = {qs[1]->id};
  view.data.order.push_back({2, "question", "own.5", 0});
  auto f = build_form(real(), &view, "phase.selection");
  ASSERT_TRUE(f);
  ASSERT_EQ(f->sections.size(), qs.size());  // one own added, one hidden
  EXPECT_EQ(f->sections[0].id, "own.5");
  EXPECT_EQ(f->sections[0].prompts[0].text.de, "Wen fragen wir im Stadtteil?");
  EXPECT_EQ(f->section(qs[1]->id), nullptr) << "hidden questions are not asked";
  EXPECT_NE(f->section(qs[0]->id), nullptr);
}

TEST(ReflectionForm, AnythingElseIsAnUnknownTemplate) {
  for (const char* id : {"", "m.retro", "phase.nope", "q.development.01", "m.tool-reflection "}) {
    auto f = build_form(real(), nullptr, id);
    ASSERT_FALSE(f) << id;
    EXPECT_EQ(f.error().code, core::ErrorCode::kNotFound);
    EXPECT_EQ(f.error().key, "reflections.error.template_unknown");
  }
}

TEST(ReflectionForm, AHeadingIsTheFormWithoutItsSections) {
  for (const std::string& id : templates_for(core::Phase::kInUse)) {
    auto full = build_form(real(), nullptr, id);
    auto heading = form_heading(real(), id);
    ASSERT_TRUE(full.has_value() && heading.has_value()) << id;
    EXPECT_TRUE(heading->sections.empty());
    EXPECT_EQ(heading->title.get(cat::Lang::kDe), full->title.get(cat::Lang::kDe)) << id;
    EXPECT_EQ(heading->duration.get(cat::Lang::kEn), full->duration.get(cat::Lang::kEn)) << id;
    EXPECT_EQ(heading->followup_after_days, full->followup_after_days) << id;
    EXPECT_EQ(heading->template_id, id);
  }
  EXPECT_EQ(form_heading(real(), "m.personas").error().key, "reflections.error.template_unknown");
}

}  // namespace
}  // namespace solipraxis::web::handlers::reflections
