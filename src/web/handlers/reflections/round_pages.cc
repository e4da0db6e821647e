// Starting a round, the round's overview and finishing a stage (see pages.h).
#include <string>

#include "core/reflection.h"
#include "core/review.h"
#include "core/tool_phase.h"
#include "store/store.h"
#include "web/handlers/common/params.h"
#include "web/handlers/reflections/pages.h"
#include "web/handlers/reflections/view.h"
#include "web/handlers/tools/tool_views.h"
#include "web/i18n.h"
#include "web/markdown.h"
#include "web/page.h"
#include "web/time_zone.h"

namespace solipraxis::web::handlers::reflections {

namespace {

// Where "Beginnen" / "Weiter ausfüllen" leads: the first section of the stage
// being worked on that has no saved answers yet, else that stage's first section.
std::string continue_url(const RoundContext& c, int stage) {
  const FormSection* first = nullptr;
  for (const FormSection& s : c.form.sections) {
    if (s.stage != stage) continue;
    if (!first) first = &s;
    if (!saved_section(c, s.id)) return section_url(c.member, c.round.id, s.id);
  }
  return section_url(c.member, c.round.id, first ? first->id : c.form.sections.front().id);
}

// The stage the person works on now: 1 until stage one is finished, then 2
// (two-stage forms), 0 once everything is finished.
int current_stage(const RoundContext& c) {
  if (c.mine && c.mine->finished_at) return 0;
  if (c.mine && c.mine->stage_one_done_at && c.form.two_stage()) return 2;
  return 1;
}

mstch::map status_data(const Services& s, const Request& req, const RoundContext& c,
                       core::UnixTime now) {
  mstch::map out;
  const int stage = current_stage(c);
  std::string text;
  if (!c.mine) {
    text = tr(s, req, "reflections.status.not_begun");
  } else if (stage == 0) {
    text = format_message(
        tr(s, req, "reflections.status.finished"),
        {{"date", readable_date(*c.mine->finished_at, c.member.org.time_zone, req.lang)}});
  } else if (stage == 2 && c.mine->stage_two_opens_at && *c.mine->stage_two_opens_at > now) {
    text = format_message(
        tr(s, req, "reflections.status.stage_two_locked"),
        {{"date", readable_date(*c.mine->stage_two_opens_at, c.member.org.time_zone, req.lang)}});
    out.emplace("locked", true);
  } else if (stage == 2) {
    text = tr(s, req, "reflections.status.stage_two_open");
  } else {
    text = tr(s, req, "reflections.status.in_progress");
  }
  out.emplace("text", text);
  if (stage != 0 && !out.count("locked")) {
    out.emplace("continue_url", continue_url(c, stage));
    out.emplace("continue_label",
                tr(s, req, c.mine ? "reflections.round.continue" : "reflections.round.begin"));
  }
  if (c.mine && stage != 0 && !out.count("locked")) {
    const bool last = stage == 2 || !c.form.two_stage();
    out.emplace(
        "finish",
        mstch::map{
            {"stage", std::to_string(stage)},
            {"label",
             tr(s, req, last ? "reflections.round.finish" : "reflections.round.finish_stage_one")},
            {"hint", tr(s, req,
                        last ? "reflections.round.finish_hint"
                             : "reflections.round.finish_stage_one_hint")},
        });
  }
  return out;
}

mstch::array stages_data(const Services& s, const Request& req, const RoundContext& c,
                         core::UnixTime now) {
  mstch::array stages;
  const auto opens = stage_two_opens(c);
  const bool stage_two_locked = c.form.two_stage() && (!opens || *opens > now);
  for (int stage : {1, 2}) {
    mstch::array sections;
    int n = 0;
    for (const FormSection& sec : c.form.sections) {
      ++n;
      if (sec.stage != stage) continue;
      const bool saved = saved_section(c, sec.id) != nullptr;
      sections.push_back(mstch::map{
          {"number", std::to_string(n)},
          {"title", sec.title.get(c.lang)},
          {"first_prompt", sec.prompts.empty() ? std::string() : sec.prompts[0].text.get(c.lang)},
          {"phase_question", c.form.template_id.starts_with("phase.")},
          {"url", section_url(c.member, c.round.id, sec.id)},
          {"state", tr(s, req, stage == 2 && stage_two_locked ? "reflections.section.locked"
                               : saved                        ? "reflections.section.saved"
                                                              : "reflections.section.open")},
          {"saved", saved},
      });
    }
    if (sections.empty()) continue;
    mstch::map group{{"sections", sections}, {"stage", std::to_string(stage)}};
    if (c.form.two_stage()) {
      std::string heading = tr(s, req, "reflections.stage." + std::to_string(stage));
      if (stage == 2) {
        if (opens && *opens > now) {
          heading += " " + format_message(
                               tr(s, req, "reflections.stage.opens_on"),
                               {{"date", readable_date(*opens, c.member.org.time_zone, req.lang)}});
        } else if (!opens) {
          heading += " " + format_message(tr(s, req, "reflections.stage.after_days"),
                                          {{"days", std::to_string(c.form.followup_after_days)}});
        }
      }
      group.emplace("heading", heading);
    }
    stages.push_back(std::move(group));
  }
  return stages;
}

// `text` cut to at most `max` bytes at a character boundary, "…" when cut.
std::string shortened(const std::string& text, std::size_t max) {
  if (text.size() <= max) return text;
  std::size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end) + "…";
}

// `text` on one line (a query parameter carries no line breaks).
std::string one_line(std::string text) {
  for (char& ch : text)
    if (ch == '\n' || ch == '\r' || ch == '\t') ch = ' ';
  return text;
}

// The person's own answers, prompt by prompt, in form order.
struct OwnAnswer {
  const FormPrompt* prompt;
  std::string text;  // a choice's label, not its id
};
std::vector<OwnAnswer> own_answers(const RoundContext& c) {
  std::vector<OwnAnswer> out;
  for (const FormSection& sec : c.form.sections) {
    const store::SectionAnswers* saved = saved_section(c, sec.id);
    if (!saved) continue;
    for (const FormPrompt& p : sec.prompts) {
      auto it = saved->answers.find(p.id);
      if (it == saved->answers.end() || it->second.empty()) continue;
      std::string text = it->second;
      for (const auto& o : p.choices)
        if (o.id == text) text = o.label.get(c.lang);
      out.push_back({&p, std::move(text)});
    }
  }
  return out;
}

// The question whose answer is the tool's next review ("Wann findet die nächste
// Überprüfung statt?"); catalog ids stay the same across versions. Dates in
// other answers (the start of use, say) are not review dates.
constexpr std::string_view kNextReviewPrompt = "m.reflection-template-introduction.6.3";

// "Weiterarbeiten": links that open the decision form, a red line or the tool's
// next review filled in from the person's answers. They only prefill; the
// person edits and saves there (editors and owners, who may save them).
void add_follow_up(const Services& s, const Request& req, const RoundContext& c, mstch::map& data) {
  const bool done = c.mine && (c.mine->finished_at || c.mine->stage_one_done_at);
  const auto answers = own_answers(c);
  mstch::array rows;
  const bool editor = c.member.role >= store::Role::kEditor;
  const std::string tool_url =
      "/o/" + c.member.org.slug + "/tools/" + std::to_string(c.tool.id.value);
  std::string summary = format_message(tr(s, req, "reflections.follow_up.rationale_intro"),
                                       {{"title", c.form.title.get(c.lang)}});
  std::optional<core::Date> review;
  const core::Date today = today_in(s.clock, c.member.org.time_zone);
  for (const OwnAnswer& a : answers) {
    // Markdown as safe HTML (web/markdown.h), printed with {{{answer_html}}}.
    mstch::map row{{"prompt", a.prompt->text.get(c.lang)},
                   {"answer_html", render_markdown(a.text)}};
    if (done && editor) {
      row.emplace("red_line_url", "/o/" + c.member.org.slug + "/red-lines?text=" +
                                      percent_encode(shortened(one_line(a.text), 500)) +
                                      "#red-line-text");
    }
    rows.push_back(std::move(row));
    summary += " " + a.prompt->text.get(c.lang) + " – " + one_line(a.text);
    if (a.prompt->id == kNextReviewPrompt) review = core::review_date_in_text(a.text, today);
  }
  data.emplace("own_answers", rows);
  data.emplace("has_own_answers", !rows.empty());
  if (!done || !editor || answers.empty()) return;
  mstch::map follow;
  if (!core::decisions_from(c.tool.phase).empty()) {
    follow.emplace("decide_url",
                   tool_url + "/decide?rationale=" + percent_encode(shortened(summary, 1500)) +
                       "#decide-rationale");
  }
  if (review && *review >= today) {
    const std::string shown = readable_date(*review, req.lang);
    follow.emplace("review_url",
                   tool_url + "/edit?next_review=" + percent_encode(shown) + "#tool-next_review");
    follow.emplace("review_label",
                   format_message(tr(s, req, "reflections.follow_up.review"), {{"date", shown}}));
  }
  data.emplace("follow_up", follow);
}

Response render_round(auth::Auth& auth, const Request& req, const RoundContext& c,
                      std::string error = {}, int status = 200) {
  Services& s = auth.services();
  const core::UnixTime now = s.clock.now();
  mstch::map data = round_page_data(s, req, c);
  data.emplace("title", c.form.title.get(c.lang));
  data.emplace("status", status_data(s, req, c, now));
  data.emplace("stages", stages_data(s, req, c, now));
  data.emplace("team_url", round_url(c.member, c.round.id) + "/team");
  add_follow_up(s, req, c, data);
  if (c.mine) {
    data.emplace("export_links",
                 mstch::map{{"label", tr(s, req, "reflections.export.mine_link")},
                            {"base", round_url(c.member, c.round.id) + "/mine/export"}});
  }
  if (!error.empty()) data.emplace("error", error);
  const std::string done = req.query.value("done");
  // A one-part reflection is finished with part 1: it says so, not "Teil 1".
  if (done == "2" || (done == "1" && !c.form.two_stage()))
    data.emplace("notice", tr(s, req, "reflections.saved.done_2"));
  else if (done == "1")
    data.emplace("notice", tr(s, req, "reflections.saved.done_1"));
  if (req.query.value("started") == "1")
    data.emplace("notice", tr(s, req, "reflections.saved.started"));
  return render(s, req, "reflections/round", std::move(data), status);
}

}  // namespace

Response start_round(auth::Auth& auth, Request& req) {
  Services& s = auth.services();
  auto m = auth.require_member(req, req.param("org"));
  if (!m) return m.response();
  if (!s.catalog) return error_response(s, req, 503, "error.catalog.unavailable");
  auto tool = tool_views::tool_of_request(s, req, *m);
  if (!tool) return error_response(s, req, tool.error());
  auto fields = parse_form(req.body);
  if (!fields) return error_response(s, req, 400, "error.http.bad_request");
  const std::string template_id = fields->value("template");
  const std::string mode = fields->value("mode");
  if (mode != "named" && mode != "anonymous") {
    return error_response(s, req, 400, "reflections.error.mode_invalid");
  }
  const catalog::Catalog& c = s.catalog->current();
  auto form = build_form(c, nullptr, template_id);
  if (!form) return error_response(s, req, 400, form.error().key);
  store::NewRound round{tool->id, template_id, c.version, mode == "anonymous",
                        form->followup_after_days};
  auto made = s.store.reflections().create_round(m->org.id, round, web_actor(*m));
  if (!made) return error_response(s, req, made.error());
  return Response::redirect(round_url(*m, made->id) + "?started=1");
}

Response round_page(auth::Auth& auth, Request& req) {
  auto access = load_round(auth, req);
  if (!access.context) return std::move(access.denial);
  return render_round(auth, req, *access.context);
}

Response finish_stage(auth::Auth& auth, Request& req) {
  auto access = load_round(auth, req);
  if (!access.context) return std::move(access.denial);
  RoundContext& c = *access.context;
  Services& s = auth.services();
  auto fields = parse_form(req.body);
  if (!fields) return error_response(s, req, 400, "error.http.bad_request");
  const std::string stage = fields->value("stage");
  if (stage != "1" && stage != "2") return error_response(s, req, 400, "error.http.bad_request");
  if (!c.mine) return render_round(auth, req, c, tr(s, req, "reflections.error.not_begun"), 409);
  auto done = s.store.reflections().finish_stage(c.member.org.id, c.mine->id, c.author,
                                                 std::stoi(stage), web_actor(c.member));
  if (!done) {
    if (done.error().key == "reflections.error.stage_locked" && c.mine->stage_two_opens_at) {
      return render_round(
          auth, req, c,
          format_message(tr(s, req, "reflections.status.stage_two_locked"),
                         {{"date", readable_date(*c.mine->stage_two_opens_at,
                                                 c.member.org.time_zone, req.lang)}}),
          409);
    }
    if (tool_views::is_page_error(done.error())) return error_response(s, req, done.error());
    return render_round(auth, req, c, tr(s, req, done.error().key),
                        done.error().code == core::ErrorCode::kConflict ? 409 : 400);
  }
  return Response::redirect(round_url(c.member, c.round.id) + "?done=" + stage);
}

}  // namespace solipraxis::web::handlers::reflections
