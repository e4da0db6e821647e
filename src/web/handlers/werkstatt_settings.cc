// The org's checker settings page of the Prompt-Werkstatt (werkstatt.h).
#include <sstream>

#include "web/handlers/dashboard.h"
#include "web/handlers/werkstatt.h"
#include "web/page.h"

namespace solipraxis::web::handlers {

namespace {

std::string join_lines(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : "\n") + w;
  return out;
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);  // the store trims
  return out;
}

// Which field a refused save is about, from the error (the store names the
// context field first in its detail).
std::string field_of(const core::Error& e) {
  if (e.key == "error.checker.style_invalid") return "style";
  if (e.key == "error.checker.word_invalid" || e.key == "error.checker.too_many_words") return "words";
  for (const char* f : {"role", "values", "sector"}) {
    if (e.detail.starts_with(f)) return f;
  }
  return "";
}

Response render_settings(auth::Auth& auth, const Request& req, const auth::Membership& m,
                         const store::CheckerSettings& st, const core::Error* refused,
                         std::string_view accepted_text) {
  Services& s = auth.services();
  mstch::map data = org_page_data(s, req, m);
  data.emplace("title", tr(s, req, "check.settings.title"));
  data.emplace("can_edit", m.role >= store::Role::kEditor);
  data.emplace("role_text", st.role);
  data.emplace("values_text", st.values);
  data.emplace("sector_text", st.sector);
  data.emplace("style_label", tr(s, req, "check.style." + st.style));
  data.emplace("accepted_text", std::string(accepted_text));
  mstch::array words;
  for (const auto& w : st.accepted_words) words.push_back(mstch::map{{"word", w}});
  data.emplace("accepted_words", words);
  data.emplace("has_words", !st.accepted_words.empty());
  mstch::array styles;
  for (const char* v : {"colon", "star", "pair", "neutral"}) {
    styles.push_back(mstch::map{{"value", std::string(v)},
                                {"label", tr(s, req, std::string("check.style.") + v)},
                                {"hint", tr(s, req, std::string("check.style_hint.") + v)},
                                {"selected", st.style == v}});
  }
  data.emplace("styles", styles);
  if (req.query.value("saved") == "1") data.emplace("notice", tr(s, req, "check.settings.saved"));
  int status = 200;
  if (refused) {
    status = http_status(refused->code);
    data.emplace("error", tr(s, req, refused->key));
    data.emplace("error_" + field_of(*refused), true);
  }
  return render(s, req, "pages/werkstatt_settings", std::move(data), status);
}

}  // namespace

Response werkstatt_settings_page(auth::Auth& auth, Request& req) {
  auto m = auth.require_member(req, req.param("org"));
  if (!m) return m.response();
  auto st = auth.services().store.checker_settings(m->org.id);
  if (!st) return error_response(auth.services(), req, st.error());
  return render_settings(auth, req, *m, *st, nullptr, join_lines(st->accepted_words));
}

Response werkstatt_settings_save(auth::Auth& auth, Request& req) {
  auto m = auth.require_member(req, req.param("org"), store::Role::kEditor);
  if (!m) return m.response();
  auto form = parse_form(req.body);
  if (!form) return auth.error(req, 400, "error.http.bad_request");
  store::CheckerSettings wanted;
  wanted.role = form->value("role");
  wanted.values = form->value("values");
  wanted.sector = form->value("sector");
  wanted.style = form->value("style");
  const std::string accepted = form->value("accepted_words");
  wanted.accepted_words = split_lines(accepted);
  auto saved = auth.services().store.set_checker_settings(m->org.id, wanted,
                                                          store::Actor{m->user.id, "web"});
  if (!saved) {
    const core::Error& e = saved.error();
    if (e.code != core::ErrorCode::kInvalidInput) return error_response(auth.services(), req, e);
    // Show the form again with what was typed and the reason.
    return render_settings(auth, req, *m, wanted, &e, accepted);
  }
  return Response::redirect("/o/" + m->org.slug + "/werkstatt/settings?saved=1");
}

}  // namespace solipraxis::web::handlers
