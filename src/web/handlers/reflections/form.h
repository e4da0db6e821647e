// What a reflection template looks like to answer (issue 23): the sections and
// prompts of a catalog method template or of a phase's questions, built from the
// catalog version a round was started on. Pure: reads the catalog (and the org's
// catalog view for its own and hidden questions), never the store.
// Guarantees: section and prompt ids are catalog ids (stable across versions), a
// phase's questions are one section each (section id = prompt id = question id).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "catalog/catalog.h"
#include "core/result.h"
#include "core/tool_phase.h"
#include "web/handlers/catalog/catalog_store.h"

namespace solipraxis::web::handlers::reflections {

namespace cat = solipraxis::catalog;

struct FormPrompt {
  std::string id;
  cat::Text text;
  cat::Text hint;
  std::vector<cat::Option> choices;  // fixed answers; empty: free text
};

struct FormSection {
  std::string id;
  cat::Text title;
  int stage = 1;  // 2: answered in the follow-up, after Form::followup_after_days
  bool optional = false;
  cat::Text note;
  std::vector<FormPrompt> prompts;
};

struct Form {
  std::string template_id;
  int catalog_version = 0;
  cat::Text title, intro, note, duration;
  int followup_after_days = 0;
  std::vector<FormSection> sections;

  const FormSection* section(std::string_view id) const;  // nullptr if unknown
  bool two_stage() const { return followup_after_days > 0; }
};

// The paper phase (1..4) a tool's register phase belongs to: idea 1, selection 2,
// rejected 2, pilot 3, in_use 3, evaluation 4, retired 4.
int paper_phase(core::Phase phase);

// Template ids a member can start for a tool in `phase`, in this order: the phase's
// questions ("phase.development" | "phase.selection" | "phase.deployment" |
// "phase.evaluation", the catalog's phase ids), "m.tool-reflection",
// "m.reflection-template-introduction", "m.reflection-template-use".
std::vector<std::string> templates_for(core::Phase phase);

// The form of `template_id` in catalog `c`. Methods: one section per step
// (m.tool-reflection uses the steps of its `template`, with its own title, goal as
// intro, and duration). Phase questions: one section per question in the org's order
// without hidden ones, the org's own questions ("own.<n>") included (`view` is the
// org's catalog; nullptr = catalog only). kNotFound "reflections.error.template_unknown"
// for any other id.
core::Result<Form> build_form(const cat::Catalog& c, const catalog_store::OrgCatalogView* view,
                              std::string_view template_id);
// The same Form without its sections (title, intro, note, duration, follow-up
// days), for lists and the start form: cheap enough for every tool page.
core::Result<Form> form_heading(const cat::Catalog& c, std::string_view template_id);

}  // namespace solipraxis::web::handlers::reflections
