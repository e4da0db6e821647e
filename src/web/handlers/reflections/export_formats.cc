#include "web/handlers/reflections/export_formats.h"

#include "web/i18n.h"
#include "web/markdown.h"
#include "web/time_zone.h"

namespace solipraxis::web::handlers::reflections {

using nlohmann::json;

namespace {

std::string esc(std::string_view s) { return core::markdown_escape(s); }

std::string label(const ExportStyle& st, std::string_view key, std::string_view name = {},
                  const std::string& value = {}) {
  const std::string text = st.t(key);
  if (name.empty()) return text;
  return format_message(text, {{std::string(name), value}});
}

std::string day(const ExportStyle& st, store::UnixTime t) {
  return readable_date(t, st.zone, st.lang);
}

// An answer as a Markdown block quote: the person's Markdown kept, but no raw
// HTML and no link another reader could turn into a script.
std::string quote(std::string_view answer) {
  std::string out = "> ";
  for (char c : defuse_markdown_links(answer)) {
    if (c == '\r') continue;
    if (c == '<') {
      out += "&lt;";
    } else if (c == '\n') {
      out += "\n> ";
    } else {
      out += c;
    }
  }
  return out + "\n\n";
}

// A section that is one question (the phase questions): the question is its heading.
bool single_question(const ExportSection& s) {
  return s.prompts.size() == 1 && s.prompts.front().id == s.id;
}

// The lines under a round's title: catalog version, named or anonymous, how far.
std::vector<std::string> round_facts(const ExportRound& r, const ExportStyle& st) {
  std::vector<std::string> out;
  out.push_back(label(st, "reflections.export.catalog", "n", std::to_string(r.round.catalog_version)));
  out.push_back(label(st, r.round.anonymous ? "reflections.export.anonymous"
                                            : "reflections.export.named"));
  if (!r.duration.empty()) out.push_back(label(st, "reflections.export.duration") + ": " + r.duration);
  if (r.team && !r.withheld) {
    out.push_back(label(st, "reflections.export.respondents", "n", std::to_string(r.respondents)));
  }
  if (r.finished_at) {
    out.push_back(label(st, "reflections.export.finished", "date", day(st, *r.finished_at)));
  } else if (r.stage_two_opens_at) {
    out.push_back(label(st, "reflections.export.stage_two_opens", "date",
                        day(st, *r.stage_two_opens_at)));
  }
  return out;
}

std::string section_heading(const ExportSection& s, const ExportStyle& st) {
  std::string h = single_question(s) ? s.prompts.front().question : s.title;
  if (s.stage == 2) h += " (" + label(st, "reflections.export.stage_two") + ")";
  return h;
}

void prompt_markdown(std::string& out, const ExportPrompt& p, const ExportRound& r,
                     const ExportStyle& st, bool with_question) {
  if (with_question) out += "**" + esc(p.question) + "**\n\n";
  if (!p.hint.empty()) out += "_" + esc(p.hint) + "_\n\n";
  if (p.answers.empty()) {
    out += "_" + esc(label(st, "reflections.export.no_answer")) + "_\n\n";
  } else if (p.choice && !p.counts.empty()) {
    for (const ExportCount& c : p.counts) {
      out += "- " + esc(c.label) + (r.team ? ": " + std::to_string(c.count) : "") + "\n";
    }
    out += "\n";
  } else {
    for (const ExportAnswer& a : p.answers) {
      out += quote(a.text);
      if (!a.name.empty()) out += "— " + esc(a.name) + "\n\n";
    }
  }
}

void round_markdown(std::string& out, const ExportRound& r, const ExportStyle& st,
                    const std::string& hashes) {
  out += hashes + " " + esc(r.title) + "\n\n";
  for (const std::string& fact : round_facts(r, st)) out += esc(fact) + "  \n";
  out += "\n";
  if (!r.intro.empty()) out += esc(r.intro) + "\n\n";
  if (!r.note.empty()) out += "_" + esc(r.note) + "_\n\n";
  if (r.withheld) {
    out += esc(label(st, "reflections.error.too_few_answers")) + "\n\n";
    return;
  }
  for (const ExportSection& s : r.sections) {
    out += hashes + "# " + esc(section_heading(s, st)) + "\n\n";
    if (!s.note.empty()) out += "_" + esc(s.note) + "_\n\n";
    const bool single = single_question(s);
    for (const ExportPrompt& p : s.prompts) prompt_markdown(out, p, r, st, !single);
  }
}

std::string doc_title(const ExportDoc& doc, const ExportStyle& st) {
  if (!doc.collection && !doc.rounds.empty()) return doc.rounds.front().title;
  return label(st, "reflections.export.collection", "tool", doc.tool_name);
}

std::string doc_byline(const ExportDoc& doc, const ExportStyle& st) {
  return label(st, "reflections.export.tool") + ": " + doc.tool_name + " · " +
         label(st, "reflections.export.org") + ": " + doc.org_name;
}

json opt_time(const std::optional<store::UnixTime>& t) { return t ? json(*t) : json(nullptr); }

}  // namespace

std::string export_markdown(const ExportDoc& doc, const ExportStyle& st) {
  std::string out;
  if (!doc.collection && !doc.rounds.empty()) {
    out += "_" + esc(doc_byline(doc, st)) + "_\n\n";
    round_markdown(out, doc.rounds.front(), st, "#");
    return out;
  }
  out += "# " + esc(doc_title(doc, st)) + "\n\n_" + esc(doc_byline(doc, st)) + "_\n\n";
  if (doc.rounds.empty()) out += esc(label(st, "reflections.export.none")) + "\n";
  for (const ExportRound& r : doc.rounds) round_markdown(out, r, st, "##");
  return out;
}

json round_json(const ExportRound& r) {
  json out{{"id", r.round.id},
           {"tool_id", r.round.tool.value},
           {"template_id", r.round.template_id},
           {"catalog_version", r.round.catalog_version},
           {"anonymous", r.round.anonymous},
           {"followup_after_days", r.round.followup_after_days},
           {"created_at", r.round.created_at},
           {"title", r.title},
           {"intro", r.intro}};
  // The person who started an anonymous round is not named either.
  if (r.round.created_by && !r.round.anonymous) out["created_by"] = r.round.created_by->value;
  if (r.team) {
    out["respondents"] = r.respondents;
    out["withheld"] = r.withheld;
  } else {
    json mine{{"stage_one_done_at", opt_time(r.stage_one_done_at)},
              {"stage_two_opens_at", opt_time(r.stage_two_opens_at)},
              {"finished_at", opt_time(r.finished_at)}};
    if (r.reflection_id) mine["id"] = *r.reflection_id;
    out["reflection"] = std::move(mine);
  }
  json sections = json::array();
  for (const ExportSection& s : r.sections) {
    json prompts = json::array();
    for (const ExportPrompt& p : s.prompts) {
      json answers = json::array();
      for (const ExportAnswer& a : p.answers) {
        json answer{{"text", a.text}};
        if (a.user) answer["author"] = {{"id", a.user->value}, {"name", a.name}};
        answers.push_back(std::move(answer));
      }
      json prompt{{"id", p.id}, {"question", p.question}, {"hint", p.hint},
                  {"choice", p.choice}, {"answers", std::move(answers)}};
      if (p.choice) {
        json counts = json::array();
        for (const ExportCount& c : p.counts) {
          counts.push_back({{"value", c.value}, {"label", c.label}, {"count", c.count}});
        }
        prompt["counts"] = std::move(counts);
      }
      prompts.push_back(std::move(prompt));
    }
    sections.push_back({{"id", s.id}, {"title", s.title}, {"note", s.note}, {"stage", s.stage},
                        {"optional", s.optional}, {"prompts", std::move(prompts)}});
  }
  out["sections"] = std::move(sections);
  return out;
}

json export_json(const ExportDoc& doc) {
  json rounds = json::array();
  for (const ExportRound& r : doc.rounds) rounds.push_back(round_json(r));
  return {{"org", doc.org_name},
          {"collection", doc.collection},
          {"tool", {{"id", doc.tool.value}, {"name", doc.tool_name}}},
          {"rounds", std::move(rounds)}};
}

mstch::map export_print_data(const ExportDoc& doc, const ExportStyle& st) {
  mstch::array rounds;
  for (const ExportRound& r : doc.rounds) {
    mstch::array facts;
    for (const std::string& f : round_facts(r, st)) facts.push_back(mstch::map{{"text", f}});
    mstch::array sections;
    for (const ExportSection& s : r.sections) {
      const bool single = single_question(s);
      mstch::array prompts;
      for (const ExportPrompt& p : s.prompts) {
        mstch::array answers;
        mstch::array counts;
        if (p.choice && !p.counts.empty()) {
          for (const ExportCount& c : p.counts) {
            counts.push_back(mstch::map{{"label", c.label}, {"count", r.team ? std::to_string(c.count) : ""}});
          }
        } else {
          for (const ExportAnswer& a : p.answers) {
            // answer_html: render_markdown's output only (see web/markdown.h).
            answers.push_back(mstch::map{{"answer_html", render_markdown(a.text)}, {"name", a.name}});
          }
        }
        prompts.push_back(mstch::map{{"question", single ? std::string() : p.question},
                                     {"hint", p.hint},
                                     {"answers", answers},
                                     {"has_counts", !counts.empty()},
                                     {"counts", counts},
                                     {"no_answer", p.answers.empty()}});
      }
      sections.push_back(mstch::map{{"heading", section_heading(s, st)},
                                    {"note", s.note},
                                    {"prompts", prompts}});
    }
    rounds.push_back(mstch::map{{"title", r.title},
                                {"facts", facts},
                                {"intro", r.intro},
                                {"note", r.note},
                                {"withheld", r.withheld},
                                {"withheld_text", label(st, "reflections.error.too_few_answers")},
                                {"sections", sections}});
  }
  const bool collection = doc.collection || doc.rounds.empty();
  return mstch::map{{"title", doc_title(doc, st)},
                    {"byline", doc_byline(doc, st)},
                    {"collection", collection},
                    {"single", !collection},
                    {"empty", doc.rounds.empty()},
                    {"empty_text", label(st, "reflections.export.none")},
                    {"no_answer_text", label(st, "reflections.export.no_answer")},
                    {"rounds", rounds}};
}

}  // namespace solipraxis::web::handlers::reflections
