// One section per screen (see pages.h). The form posts the section's answers
// with the version it was read at; "Weiter"/"Zurück" save and move on. A stale
// version is a conflict: the newer text stays saved and both texts are shown.
// With JavaScript (web/static/reflection.js) the same form is posted while
// typing with Accept: application/json and answered with the new version.
#include <string>

#include "core/reflection.h"
#include "store/store.h"
#include "web/handlers/common/params.h"
#include "web/handlers/reflections/pages.h"
#include "web/handlers/reflections/view.h"
#include "web/handlers/tools/tool_views.h"
#include "web/i18n.h"
#include "web/json.h"
#include "web/page.h"
#include "web/time_zone.h"

namespace solipraxis::web::handlers::reflections {

namespace {

constexpr std::string_view kAnswerPrefix = "a.";

std::string field_name(const FormPrompt& p) { return std::string(kAnswerPrefix) + p.id; }

// The section's index in the form, its neighbours' ids ("" at either end of its stage).
struct Place {
  int number = 0;
  std::string previous, next;
};
Place place_of(const Form& form, const FormSection& sec) {
  Place p;
  for (std::size_t i = 0; i < form.sections.size(); ++i) {
    if (&form.sections[i] != &sec) continue;
    p.number = static_cast<int>(i) + 1;
    if (i > 0 && form.sections[i - 1].stage == sec.stage) p.previous = form.sections[i - 1].id;
    if (i + 1 < form.sections.size() && form.sections[i + 1].stage == sec.stage)
      p.next = form.sections[i + 1].id;
  }
  return p;
}

// What the screen shows: the answers in the fields, their version, and on a
// conflict the person's own unsaved text beside each field.
struct Shown {
  std::map<std::string, std::string> answers;
  std::int64_t version = 0;
  std::map<std::string, std::string> unsaved;  // conflict: what this tab sent
  std::string error;                           // message in the person's language
  std::string notice;
};

mstch::array prompts_data(const Services& s, const Request& req, const RoundContext& c,
                          const FormSection& sec, const Shown& shown) {
  mstch::array out;
  int n = 0;
  for (const FormPrompt& p : sec.prompts) {
    ++n;
    const auto it = shown.answers.find(p.id);
    const std::string value = it == shown.answers.end() ? "" : it->second;
    mstch::map d{{"id", "p" + std::to_string(n)},
                 {"name", field_name(p)},
                 {"text", p.text.get(c.lang)},
                 {"hint", p.hint.get(c.lang)},
                 {"value", value},
                 {"max", std::to_string(core::kMaxAnswerChars)}};
    if (!p.choices.empty()) {
      mstch::array choices;
      choices.push_back(mstch::map{{"value", std::string()},
                                   {"label", tr(s, req, "reflections.section.no_answer")},
                                   {"checked", value.empty()},
                                   {"id", "p" + std::to_string(n) + "-none"}});
      int k = 0;
      for (const auto& o : p.choices) {
        choices.push_back(mstch::map{{"value", o.id},
                                     {"label", o.label.get(c.lang)},
                                     {"checked", value == o.id},
                                     {"id", "p" + std::to_string(n) + "-" + std::to_string(++k)}});
      }
      d.emplace("choices", choices);
      d.emplace("has_choices", true);
    }
    if (auto u = shown.unsaved.find(p.id); u != shown.unsaved.end() && u->second != value) {
      d.emplace("unsaved", u->second);
    }
    out.push_back(std::move(d));
  }
  return out;
}

Response render_section(auth::Auth& auth, const Request& req, const RoundContext& c,
                        const FormSection& sec, const Shown& shown, int status = 200) {
  Services& s = auth.services();
  const Place place = place_of(c.form, sec);
  mstch::map data = round_page_data(s, req, c);
  data.emplace("title", sec.title.get(c.lang) + " – " + c.form.title.get(c.lang));
  data.emplace("section", mstch::map{
                              {"id", sec.id},
                              {"title", sec.title.get(c.lang)},
                              {"note", sec.note.get(c.lang)},
                              {"url", section_url(c.member, c.round.id, sec.id)},
                              {"optional", sec.optional},
                          });
  data.emplace("progress", format_message(tr(s, req, "reflections.section.progress"),
                                          {{"n", std::to_string(place.number)},
                                           {"total", std::to_string(c.form.sections.size())}}));
  data.emplace("has_previous", !place.previous.empty());
  data.emplace("is_last", place.next.empty());
  data.emplace("version", std::to_string(shown.version));
  data.emplace("switch_form", std::string("reflection-form"));
  if (!shown.error.empty()) data.emplace("error", shown.error);
  if (!shown.notice.empty()) data.emplace("notice", shown.notice);
  data.emplace("conflict", !shown.unsaved.empty());
  // Stage two before it opens: the date, and no form to fill in.
  if (sec.stage == 2) {
    const auto opens = stage_two_opens(c);
    if (!opens) {
      data.emplace("locked",
                   format_message(tr(s, req, "reflections.stage.locked_until_stage_one"),
                                  {{"days", std::to_string(c.form.followup_after_days)}}));
    } else if (*opens > s.clock.now()) {
      data.emplace(
          "locked",
          format_message(tr(s, req, "reflections.status.stage_two_locked"),
                         {{"date", readable_date(*opens, c.member.org.time_zone, req.lang)}}));
    }
  }
  data.emplace("prompts", prompts_data(s, req, c, sec, shown));
  return render(s, req, "reflections/section", std::move(data), status);
}

Shown saved_shown(const RoundContext& c, const FormSection& sec) {
  Shown shown;
  if (const auto* saved = saved_section(c, sec.id)) {
    shown.answers = saved->answers;
    shown.version = saved->version;
  }
  return shown;
}

// The section named by the path, or the 404 page.
const FormSection* section_of(const Request& req, const RoundContext& c) {
  return c.form.section(req.param("section"));
}

// The posted answers of the section's prompts. False with `error_key` for a
// choice that is not one of the prompt's options.
bool posted_answers(const Params& fields, const FormSection& sec,
                    std::map<std::string, std::string>& out, std::string& error_key) {
  for (const FormPrompt& p : sec.prompts) {
    std::string v = fields.value(field_name(p));
    if (!p.choices.empty() && !v.empty()) {
      bool known = false;
      for (const auto& o : p.choices) known = known || o.id == v;
      if (!known) {
        error_key = "reflections.error.choice_invalid";
        return false;
      }
    }
    out.emplace(p.id, std::move(v));
  }
  return true;
}

bool wants_json(const Request& req) {
  return req.header("Accept").find("application/json") != std::string::npos;
}

}  // namespace

Response section_page(auth::Auth& auth, Request& req) {
  auto access = load_round(auth, req);
  if (!access.context) return std::move(access.denial);
  const RoundContext& c = *access.context;
  const FormSection* sec = section_of(req, c);
  if (!sec) return error_response(auth.services(), req, 404, "reflections.error.section_invalid");
  Shown shown = saved_shown(c, *sec);
  if (req.query.value("saved") == "1")
    shown.notice = tr(auth.services(), req, "reflections.saved.section");
  return render_section(auth, req, c, *sec, shown);
}

Response section_save(auth::Auth& auth, Request& req) {
  auto access = load_round(auth, req);
  if (!access.context) return std::move(access.denial);
  RoundContext& c = *access.context;
  Services& s = auth.services();
  const FormSection* sec = section_of(req, c);
  if (!sec) return error_response(s, req, 404, "reflections.error.section_invalid");
  auto fields = parse_form(req.body);
  if (!fields) return error_response(s, req, 400, "error.http.bad_request");
  Shown typed;
  typed.version = std::max<std::int64_t>(0, std::atoll(fields->value("version", "0").c_str()));
  std::string error_key;
  const bool valid = posted_answers(*fields, *sec, typed.answers, error_key);
  if (req.language_switch) return render_section(auth, req, c, *sec, typed);
  if (!valid) {
    typed.error = tr(s, req, error_key);
    return render_section(auth, req, c, *sec, typed, 400);
  }
  auto fail = [&](const core::Error& e) -> Response {
    if (wants_json(req)) return error_response(s, req, e);
    if (tool_views::is_page_error(e)) return error_response(s, req, e);
    if (e.key == "reflections.error.stale_draft") {
      c.mine = s.store.reflections().mine(c.member.org.id, c.round.id, c.author).value();
      Shown newer = saved_shown(c, *sec);
      newer.unsaved = typed.answers;
      newer.error = tr(s, req, "reflections.conflict.text");
      return render_section(auth, req, c, *sec, newer, 409);
    }
    typed.error = e.key == "reflections.error.stage_locked" && c.mine && c.mine->stage_two_opens_at
                      ? format_message(tr(s, req, "reflections.status.stage_two_locked"),
                                       {{"date", readable_date(*c.mine->stage_two_opens_at,
                                                               c.member.org.time_zone, req.lang)}})
                      : tr(s, req, e.key);
    return render_section(auth, req, c, *sec, typed,
                          e.code == core::ErrorCode::kConflict ? 409 : 400);
  };
  if (!c.mine) {
    auto begun =
        s.store.reflections().start(c.member.org.id, c.round.id, c.author, web_actor(c.member));
    if (!begun) return fail(begun.error());
    c.mine = std::move(begun).value();
  }
  store::SectionAnswers answers{sec->id, sec->stage, typed.answers, 0, 0};
  auto saved = s.store.reflections().save_section(c.member.org.id, c.mine->id, c.author, answers,
                                                  typed.version, web_actor(c.member));
  if (!saved) return fail(saved.error());
  if (wants_json(req)) return Response::json({{"version", saved->version}});
  const Place place = place_of(c.form, *sec);
  const std::string go = fields->value("go");
  // Back from an ended session (auth/login.h): the person lands where they typed.
  if (fields->has("resumed") || go == "stay") {
    return Response::redirect(section_url(c.member, c.round.id, sec->id) + "?saved=1");
  }
  if (go == "back" && !place.previous.empty())
    return Response::redirect(section_url(c.member, c.round.id, place.previous));
  if (go == "next" && !place.next.empty())
    return Response::redirect(section_url(c.member, c.round.id, place.next));
  return Response::redirect(round_url(c.member, c.round.id));
}

}  // namespace solipraxis::web::handlers::reflections
