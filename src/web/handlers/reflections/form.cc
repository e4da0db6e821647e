#include "web/handlers/reflections/form.h"

#include <algorithm>
#include <array>

namespace solipraxis::web::handlers::reflections {

namespace {

// The catalog's phase ids by paper phase number (1..4).
constexpr std::array<std::string_view, 4> kPhaseIds = {"phase.development", "phase.selection",
                                                       "phase.deployment", "phase.evaluation"};
constexpr std::string_view kToolReflection = "m.tool-reflection";
constexpr std::array<std::string_view, 3> kMethodTemplates = {
    kToolReflection, "m.reflection-template-introduction", "m.reflection-template-use"};

core::Error unknown_template(std::string_view id) {
  return core::make_error(core::ErrorCode::kNotFound, "reflections.error.template_unknown",
                          "no reflection template " + std::string(id));
}

FormPrompt prompt_of(const cat::Prompt& p) { return {p.id, p.text, p.hint, p.choices}; }

// With `sections` false only the heading (title, intro, note, duration, days):
// what lists of rounds and the start form show, without copying every prompt.
Form method_form(const cat::Catalog& c, const cat::Method& m, bool sections) {
  Form f;
  f.title = m.title;
  f.intro = m.intro;
  f.note = m.note;
  f.duration = m.duration;
  f.followup_after_days = m.followup_after_days;
  const cat::Method* steps_of = &m;
  if (!m.template_id.empty()) {
    if (const cat::Method* t = c.method(m.template_id)) {
      // The tool reflection keeps its own title, goal and duration; the template gives the
      // steps, the note and the distance between stages.
      steps_of = t;
      f.intro = m.goal;
      f.note = t->note;
      f.followup_after_days = t->followup_after_days;
    }
  }
  if (!sections) {
    if (!steps_of->steps.empty()) f.sections.emplace_back();  // "has sections"
    return f;
  }
  for (const cat::Step& s : steps_of->steps) {
    FormSection sec{s.id, s.title, s.stage, s.optional, s.note, {}};
    for (const cat::Prompt& p : s.prompts) sec.prompts.push_back(prompt_of(p));
    f.sections.push_back(std::move(sec));
  }
  return f;
}

Form phase_form(const cat::Catalog& c, const catalog_store::OrgCatalogView* view,
                const cat::Phase& phase, bool sections) {
  Form f;
  f.title = phase.title;
  f.intro = phase.lead_question;
  if (!sections && !view) {
    f.sections.emplace_back();  // a phase always has its questions in the catalog
    return f;
  }
  const cat::Kind question = cat::Kind::kQuestion;
  std::vector<const cat::Item*> items =
      view ? catalog_store::org_group(c, *view, phase.number, question, false)
           : c.list(phase.number, &question);
  for (const cat::Item* it : items) {
    FormPrompt p{it->id, it->text, {}, {}};
    f.sections.push_back(FormSection{it->id, phase.title, 1, false, {}, {std::move(p)}});
  }
  return f;
}

}  // namespace

const FormSection* Form::section(std::string_view id) const {
  for (const FormSection& s : sections)
    if (s.id == id) return &s;
  return nullptr;
}

int paper_phase(core::Phase phase) {
  switch (phase) {
    case core::Phase::kIdea:
      return 1;
    case core::Phase::kSelection:
    case core::Phase::kRejected:
      return 2;
    case core::Phase::kPilot:
    case core::Phase::kInUse:
      return 3;
    case core::Phase::kEvaluation:
    case core::Phase::kRetired:
      return 4;
  }
  return 1;
}

std::vector<std::string> templates_for(core::Phase phase) {
  std::vector<std::string> out{std::string(kPhaseIds[paper_phase(phase) - 1])};
  for (std::string_view m : kMethodTemplates) out.emplace_back(m);
  return out;
}

namespace {

core::Result<Form> make_form(const cat::Catalog& c, const catalog_store::OrgCatalogView* view,
                             std::string_view template_id, bool sections) {
  Form f;
  if (std::find(kPhaseIds.begin(), kPhaseIds.end(), template_id) != kPhaseIds.end()) {
    const cat::Phase* phase = c.phase(template_id);
    if (!phase) return unknown_template(template_id);
    f = phase_form(c, view, *phase, sections);
  } else if (std::find(kMethodTemplates.begin(), kMethodTemplates.end(), template_id) !=
             kMethodTemplates.end()) {
    const cat::Method* m = c.method(template_id);
    if (!m) return unknown_template(template_id);
    f = method_form(c, *m, sections);
  } else {
    return unknown_template(template_id);
  }
  if (f.sections.empty()) return unknown_template(template_id);
  f.template_id = std::string(template_id);
  f.catalog_version = c.version;
  if (!sections) f.sections.clear();
  return f;
}

}  // namespace

core::Result<Form> build_form(const cat::Catalog& c, const catalog_store::OrgCatalogView* view,
                              std::string_view template_id) {
  return make_form(c, view, template_id, true);
}

core::Result<Form> form_heading(const cat::Catalog& c, std::string_view template_id) {
  return make_form(c, nullptr, template_id, false);
}

}  // namespace solipraxis::web::handlers::reflections
