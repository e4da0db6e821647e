#include "web/handlers/reflections/export_model.h"

#include <algorithm>
#include <map>

#include "core/reflection.h"
#include "core/text_field.h"

namespace solipraxis::web::handlers::reflections {

namespace {

// The template's frame: titles, introduction, sections and questions, no answers.
ExportRound frame(const Form& form, cat::Lang lang, const store::ReflectionRound& round) {
  ExportRound out;
  out.round = round;
  out.title = form.title.get(lang);
  out.intro = form.intro.get(lang);
  out.note = form.note.get(lang);
  out.duration = form.duration.get(lang);
  for (const FormSection& s : form.sections) {
    ExportSection sec{s.id, s.title.get(lang), s.note.get(lang), s.stage, s.optional, {}};
    for (const FormPrompt& p : s.prompts) {
      ExportPrompt prompt;
      prompt.id = p.id;
      prompt.question = p.text.get(lang);
      prompt.hint = p.hint.get(lang);
      prompt.choice = !p.choices.empty();
      sec.prompts.push_back(std::move(prompt));
    }
    out.sections.push_back(std::move(sec));
  }
  return out;
}

// The prompt an answer belongs to, added at the end when the form does not ask
// it (any more): answers are never dropped.
ExportPrompt& prompt_for(ExportRound& r, const std::string& section_id, const std::string& prompt_id,
                         int stage) {
  auto sec = std::find_if(r.sections.begin(), r.sections.end(),
                          [&](const ExportSection& s) { return s.id == section_id; });
  if (sec == r.sections.end()) {
    r.sections.push_back(ExportSection{section_id, section_id, "", stage, true, {}});
    sec = std::prev(r.sections.end());
  }
  auto p = std::find_if(sec->prompts.begin(), sec->prompts.end(),
                        [&](const ExportPrompt& x) { return x.id == prompt_id; });
  if (p == sec->prompts.end()) {
    ExportPrompt added;
    added.id = prompt_id;
    added.question = prompt_id;
    sec->prompts.push_back(std::move(added));
    p = std::prev(sec->prompts.end());
  }
  return *p;
}

// Counts for the choice prompts, labelled as the catalog names the choices.
void count_choices(const Form& form, cat::Lang lang, ExportRound& r) {
  for (ExportSection& sec : r.sections) {
    const FormSection* fs = form.section(sec.id);
    for (ExportPrompt& p : sec.prompts) {
      if (!p.choice || !fs) continue;
      std::vector<std::string> texts;
      for (const ExportAnswer& a : p.answers) texts.push_back(a.text);
      const auto prompt = std::find_if(fs->prompts.begin(), fs->prompts.end(),
                                       [&](const FormPrompt& x) { return x.id == p.id; });
      for (const auto& [value, n] : core::tally(texts)) {
        std::string label = value;
        if (prompt != fs->prompts.end()) {
          for (const cat::Option& o : prompt->choices)
            if (o.id == value) label = o.label.get(lang);
        }
        p.counts.push_back(ExportCount{value, label, n});
      }
      std::sort(p.counts.begin(), p.counts.end(), [](const ExportCount& a, const ExportCount& b) {
        return a.count != b.count ? a.count > b.count : a.label < b.label;
      });
    }
  }
}

}  // namespace

ExportRound team_round(const Form& form, cat::Lang lang, const store::TeamView& view,
                       store::AuditNames& names) {
  ExportRound out = frame(form, lang, view.round);
  out.team = true;
  out.respondents = view.respondents;
  const bool anonymous = view.round.anonymous;
  if (anonymous) out.round.created_by.reset();
  for (const store::TeamAnswer& a : view.answers) {
    if (core::is_blank(a.text)) continue;
    const FormSection* fs = form.section(a.section_id);
    ExportAnswer answer{a.text, std::nullopt, ""};
    if (!anonymous && a.user) {
      answer.user = a.user;
      answer.name = names.name(*a.user).value_or("");
    }
    prompt_for(out, a.section_id, a.prompt_id, fs ? fs->stage : 1).answers.push_back(answer);
  }
  count_choices(form, lang, out);
  return out;
}

ExportRound withheld_round(const Form& form, cat::Lang lang, const store::ReflectionRound& round) {
  ExportRound out = frame(form, lang, round);
  out.team = true;
  out.withheld = true;
  if (round.anonymous) out.round.created_by.reset();
  return out;
}

ExportRound own_round(const Form& form, cat::Lang lang, const store::ReflectionRound& round,
                      const store::Reflection& reflection) {
  ExportRound out = frame(form, lang, round);
  if (round.anonymous) {
    out.round.created_by.reset();
  } else {
    out.reflection_id = reflection.id;
  }
  out.stage_one_done_at = reflection.stage_one_done_at;
  out.stage_two_opens_at = reflection.stage_two_opens_at;
  out.finished_at = reflection.finished_at;
  for (const store::SectionAnswers& s : reflection.sections) {
    for (const auto& [prompt, text] : s.answers) {
      if (core::is_blank(text)) continue;
      prompt_for(out, s.section_id, prompt, s.stage).answers.push_back({text, std::nullopt, ""});
    }
  }
  count_choices(form, lang, out);
  return out;
}

}  // namespace solipraxis::web::handlers::reflections
