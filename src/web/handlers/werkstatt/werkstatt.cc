#include "web/handlers/werkstatt/werkstatt.h"

#include <variant>

#include "store/checker.h"
#include "store/store.h"
#include "text/prompt.h"
#include "web/handlers/werkstatt/check_common.h"
#include "web/handlers/site/dashboard.h"
#include "web/handlers/werkstatt/werkstatt_view.h"
#include "web/i18n.h"
#include "web/page.h"

namespace solipraxis::web::handlers {

namespace {

struct CheckForm {
  std::string text;
  std::string lang = "auto";  // "auto", "de", "en"
  std::string style = "colon";
  bool prompt = false;
  bool inclusive = true;
  bool plain = true;
};

struct ComposeForm {
  std::string task, audience, level, role, values, sector;
  std::string lang;  // language of the composed prompt: "de" or "en"
  bool stereotypes = true;
};

struct View {
  CheckForm check;
  ComposeForm compose;
  bool checked = false;             // show the result section
  std::optional<text::CheckReport> report;
  std::string composed;             // the composed prompt, after compose
  std::string notice, error;
  int status = 200;
};

mstch::array choice_options(const Services& s, const Request& req, std::string_view prefix,
                            std::initializer_list<const char*> values, std::string_view selected) {
  mstch::array out;
  for (const char* v : values) {
    out.push_back(mstch::map{{"value", std::string(v)},
                             {"label", tr(s, req, std::string(prefix) + v)},
                             {"selected", selected == v}});
  }
  return out;
}

text::CheckOptions options_of(const CheckForm& f, const store::CheckerSettings& settings) {
  text::CheckOptions o = options_for(settings);
  o.lang = text::parse_lang(f.lang);  // "auto": nullopt, detect
  o.style = text::parse_style(f.style).value_or(o.style);
  o.prompt = f.prompt;
  o.inclusive = f.inclusive;
  o.plain = f.plain;
  // The page lists readability as a finding, so its one verdict covers it too.
  o.readability = true;
  return o;
}

View defaults(const Request& req, const store::CheckerSettings& settings) {
  View v;
  v.check.style = settings.style;
  v.compose.role = settings.role;
  v.compose.values = settings.values;
  v.compose.sector = settings.sector;
  v.compose.lang = req.lang == "en" ? "en" : "de";
  return v;
}

CheckForm read_check_form(const Params& form, const store::CheckerSettings& settings) {
  CheckForm f;
  f.text = form.value("text");
  f.lang = form.value("lang", "auto");
  if (f.lang != "de" && f.lang != "en") f.lang = "auto";
  f.style = form.value("style", settings.style);
  if (!text::parse_style(f.style)) f.style = settings.style;
  // Unticked checkboxes send nothing: absent means off.
  f.prompt = form.has("prompt");
  f.inclusive = form.has("inclusive");
  f.plain = form.has("plain");
  return f;
}

void run(const Services& s, const Request& req, const store::CheckerSettings& settings, View* v) {
  v->checked = true;
  auto slot = enter_check(s);
  if (!slot) {
    // The text stays in the form; the person can send it again in a moment.
    v->error = tr(s, req, "error.check.busy");
    v->status = 503;
    return;
  }
  auto report = run_check(v->check.text, options_of(v->check, settings), kMaxCheckBytes);
  if (!report) {
    v->error = check_error_message(s, req, report.error(), kMaxCheckBytes);
    v->status = http_status(report.error().code);
    return;
  }
  v->report = std::move(report).value();
}

Response render_werkstatt(auth::Auth& auth, const Request& req, const auth::Membership& m,
                          const store::CheckerSettings& settings, const View& v) {
  Services& s = auth.services();
  mstch::map data = org_page_data(s, req, m);
  data.emplace("title", tr(s, req, "check.page.title"));
  // Before a check, the language switch sends the check form as typed (a text
  // typed is checked in the other language, an empty form shown again); after
  // one, it sends the same input again (page.h).
  if (!v.checked && req.method == "GET") data.emplace("switch_form", std::string("werkstatt-form"));
  const CheckForm& c = v.check;
  data.emplace("text", c.text);
  data.emplace("lang_options", choice_options(s, req, "check.form.lang.", {"auto", "de", "en"}, c.lang));
  data.emplace("style_options", choice_options(s, req, "check.style.",
                                               {"colon", "star", "pair", "neutral"}, c.style));
  data.emplace("prompt_checked", c.prompt);
  data.emplace("inclusive_checked", c.inclusive);
  data.emplace("plain_checked", c.plain);
  const ComposeForm& p = v.compose;
  data.emplace("compose", mstch::map{
      {"task", p.task}, {"audience", p.audience}, {"level", p.level}, {"role", p.role},
      {"values", p.values}, {"sector", p.sector}, {"stereotypes", p.stereotypes},
      {"lang_options", choice_options(s, req, "check.form.lang.", {"de", "en"}, p.lang)}});
  data.emplace("has_context", !(settings.role.empty() && settings.values.empty() && settings.sector.empty()));
  if (!v.composed.empty()) {
    data.emplace("composed", v.composed);
    data.emplace("composed_lang", std::string(p.lang == "en" ? "en" : "de"));
  }
  if (!v.notice.empty()) data.emplace("notice", v.notice);
  if (!v.error.empty()) data.emplace("error", v.error);
  if (v.checked && v.report) {
    const auto& findings = v.report->findings;
    data.emplace("checked", true);
    data.emplace("finding_count", format_message(tr(s, req, findings.size() == 1
                                                                ? "check.result.count_one"
                                                                : "check.result.count"),
                                                 {{"n", std::to_string(findings.size())}}));
    data.emplace("has_findings", !findings.empty());
    // Nothing ticked: say so instead of "the text is fine".
    data.emplace("no_checks", !c.inclusive && !c.plain && !c.prompt);
    const std::string code(text::lang_code(v.report->lang));
    data.emplace("checked_lang", tr(s, req, "check.form.lang." + code));
    data.emplace("checked_lang_code", code);  // lang="" on the user's text, for screen readers
    data.emplace("segments", marked_segments(c.text, findings));
    data.emplace("findings", finding_items(s, req, c.text, findings));
    // Readability belongs to the plain-language check: without it, no figures
    // that could contradict the verdict.
    if (c.plain) data.emplace("stats", stats_view(s, req, c.text, v.report->lang));
  }
  Response res = render(s, req, "pages/werkstatt", std::move(data), v.status);
  if (v.status == 503) res.headers.set("Retry-After", std::to_string(kCheckRetryAfter));
  return res;
}

// The member, the org's settings and the parsed form of a POST, or the denial.
struct PostContext {
  auth::Membership member;
  store::CheckerSettings settings;
  Params form;
};

std::variant<PostContext, Response> post_context(auth::Auth& auth, Request& req) {
  auto m = auth.require_member(req, req.param("org"));
  if (!m) return m.response();
  auto settings = auth.services().store.checker().checker_settings(m->org.id);
  if (!settings) return error_response(auth.services(), req, settings.error());
  auto form = parse_form(req.body);
  if (!form) return auth.error(req, 400, "error.http.bad_request");
  return PostContext{*m, std::move(settings).value(), std::move(*form)};
}

// Applies the suggestion named by the form's "apply" to the text, if that
// finding is still there (the text may have been edited in between).
void apply_choice(const Services& s, const Request& req, const PostContext& ctx, View* v) {
  v->notice = tr(s, req, "check.apply.stale");
  auto choice = parse_apply(ctx.form.value("apply"));
  if (!choice) return;
  auto slot = enter_check(s);
  if (!slot) return;  // the check below says the checker is busy
  auto report = run_check(v->check.text, options_of(v->check, ctx.settings), kMaxCheckBytes);
  if (!report) return;  // the check below reports the error
  for (const auto& f : report->findings) {
    if (f.start != choice->start || f.end != choice->end || choice->index >= f.suggestions.size()) continue;
    const std::string from = v->check.text.substr(f.start, f.end - f.start);
    const std::string to = f.suggestions[choice->index];
    v->check.text = apply_suggestion(v->check.text, f, choice->index);
    v->notice = format_message(tr(s, req, from.empty() ? "check.apply.added" : "check.apply.done"),
                               {{"from", from}, {"to", to}});
    return;
  }
}

}  // namespace

Response werkstatt_page(auth::Auth& auth, Request& req) {
  auto m = auth.require_member(req, req.param("org"));
  if (!m) return m.response();
  auto settings = auth.services().store.checker().checker_settings(m->org.id);
  if (!settings) return error_response(auth.services(), req, settings.error());
  return render_werkstatt(auth, req, *m, *settings, defaults(req, *settings));
}

Response werkstatt_check(auth::Auth& auth, Request& req) {
  auto got = post_context(auth, req);
  if (auto* denial = std::get_if<Response>(&got)) return std::move(*denial);
  auto& ctx = std::get<PostContext>(got);
  View v = defaults(req, ctx.settings);
  v.check = read_check_form(ctx.form, ctx.settings);
  if (ctx.form.has("apply")) apply_choice(auth.services(), req, ctx, &v);
  // The language switch of an empty form: the page again, without "no text" errors.
  if (!(req.language_switch && v.check.text.empty())) run(auth.services(), req, ctx.settings, &v);
  return render_werkstatt(auth, req, ctx.member, ctx.settings, v);
}

Response werkstatt_compose(auth::Auth& auth, Request& req) {
  auto got = post_context(auth, req);
  if (auto* denial = std::get_if<Response>(&got)) return std::move(*denial);
  auto& ctx = std::get<PostContext>(got);
  const Params& f = ctx.form;
  View v = defaults(req, ctx.settings);
  ComposeForm& c = v.compose;
  c.task = f.value("task");
  c.audience = f.value("audience");
  c.level = f.value("level");
  c.role = f.value("role");
  c.values = f.value("values");
  c.sector = f.value("sector");
  c.stereotypes = f.has("stereotypes");
  c.lang = f.value("lang") == "en" ? "en" : "de";
  const text::Lang lang = c.lang == "en" ? text::Lang::kEnglish : text::Lang::kGerman;
  v.composed = text::compose_prompt(
      text::PromptParts{c.task, c.audience, c.level, c.role, c.values, c.sector, c.stereotypes,
                        text::parse_style(ctx.settings.style).value_or(text::Style::kColon)},
      lang);
  // The composed prompt goes into the checker too, as a prompt in its language.
  v.check.text = v.composed;
  v.check.lang = c.lang;
  v.check.prompt = true;
  run(auth.services(), req, ctx.settings, &v);
  return render_werkstatt(auth, req, ctx.member, ctx.settings, v);
}

}  // namespace solipraxis::web::handlers
