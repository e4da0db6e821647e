// What an export of reflections shows (issue 23), before it is a format: the
// template as the paper writes it (title, introduction, each section's heading,
// each prompt as the question) filled in with the answers, for one person's own
// reflection or for a round's team answers; a tool's collection is a list of
// rounds. export_formats.h writes it as Markdown, printable HTML and JSON.
//
// Guarantees: in an anonymous round nothing in an ExportRound names a person or
// holds a user id or reflection id (answers carry neither), and a round whose
// team view is not allowed yet (core::check_team_view) holds no answers at all.
// Answers the form no longer asks (an org question removed later) are kept in a
// section of their own, never dropped.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "core/ids.h"
#include "store/audit_facts.h"
#include "store/reflections.h"
#include "web/handlers/reflections/form.h"

namespace solipraxis::web::handlers::reflections {

struct ExportAnswer {
  std::string text;                // Markdown as the person wrote it
  std::optional<core::UserId> user;  // named team answers only
  std::string name;                  // named team answers only
};

struct ExportCount {
  std::string value;  // the stored answer (a choice id)
  std::string label;  // the choice as the catalog names it, else the value
  int count = 0;
};

struct ExportPrompt {
  std::string id;
  std::string question;
  std::string hint;
  bool choice = false;  // fixed answers: counts are shown
  std::vector<ExportAnswer> answers;  // non-blank answers only
  std::vector<ExportCount> counts;    // choice prompts, by count (desc), then label
};

struct ExportSection {
  std::string id;
  std::string title;
  std::string note;
  int stage = 1;
  bool optional = false;
  std::vector<ExportPrompt> prompts;
};

struct ExportRound {
  store::ReflectionRound round;
  std::string title, intro, note, duration;
  bool team = false;     // the team's answers (else one person's own reflection)
  int respondents = 0;    // team: people who finished stage one (0 when withheld)
  bool withheld = false;  // team view not allowed yet: no answers in `sections`
  // Own reflection only: its id (named rounds only) and progress.
  std::optional<std::int64_t> reflection_id;
  std::optional<store::UnixTime> stage_one_done_at, stage_two_opens_at, finished_at;
  std::vector<ExportSection> sections;
};

// A tool's reflections (or one round of them) as an export holds them.
struct ExportDoc {
  std::string org_name;
  core::ToolId tool;
  std::string tool_name;
  bool collection = false;  // a tool's rounds (titled by the tool), else one round
  std::vector<ExportRound> rounds;
};

// The team's answers of `view` in the shape of `form`; names of named answers
// come from `names`.
ExportRound team_round(const Form& form, cat::Lang lang, const store::TeamView& view,
                       store::AuditNames& names);
// A round whose team view is withheld: the template without answers.
ExportRound withheld_round(const Form& form, cat::Lang lang, const store::ReflectionRound& round);
// One person's own reflection.
ExportRound own_round(const Form& form, cat::Lang lang, const store::ReflectionRound& round,
                      const store::Reflection& reflection);

}  // namespace solipraxis::web::handlers::reflections
