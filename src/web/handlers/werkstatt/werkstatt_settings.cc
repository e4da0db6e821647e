// The org's checker settings page of the Prompt-Werkstatt (werkstatt.h).
#include "store/checker.h"
#include "store/common.h"
#include "store/orgs.h"
#include "store/store.h"
#include "web/handlers/site/dashboard.h"
#include "web/handlers/common/params.h"
#include "web/handlers/werkstatt/werkstatt.h"
#include "web/handlers/werkstatt/werkstatt_terms.h"
#include "web/i18n.h"
#include "web/page.h"

namespace solipraxis::web::handlers {

namespace {

// Which field a refused save is about, from the error (the store names the
// context field first in its detail).
std::string field_of(const core::Error& e) {
  if (e.key == "error.checker.style_invalid") return "style";
  if (e.key == "error.checker.word_invalid" || e.key == "error.checker.too_many_words") return "words";
  if (e.key.starts_with("error.checker.term") || e.key == "error.checker.too_many_terms") {
    return "terms";
  }
  for (const char* f : {"role", "values", "sector"}) {
    if (e.detail.starts_with(f)) return f;
  }
  return "";
}

// What the form shows: the settings and, after a refusal, the text and term rows as typed.
struct SettingsForm {
  std::string accepted_text;
  std::vector<TermRow> term_rows;
  std::vector<std::size_t> row_of;  // row of each term given to the store
};

Response render_settings(auth::Auth& auth, const Request& req, const auth::Membership& m,
                         const store::CheckerSettings& st, const core::Error* refused,
                         const SettingsForm& form) {
  Services& s = auth.services();
  mstch::map data = org_page_data(s, req, m);
  data.emplace("title", tr(s, req, "check.settings.title"));
  data.emplace("can_edit", m.role >= store::Role::kEditor);
  data.emplace("role_text", st.role);
  data.emplace("values_text", st.values);
  data.emplace("sector_text", st.sector);
  data.emplace("style_label", tr(s, req, "check.style." + st.style));
  data.emplace("accepted_text", form.accepted_text);
  data.emplace("org_terms", terms_read_only(st.org_terms));
  data.emplace("has_terms", !st.org_terms.empty());
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
  std::optional<std::size_t> fault_row;
  std::string fault_field;
  std::string error_text;
  if (refused) {
    status = http_status(refused->code);
    error_text = tr(s, req, refused->key);
    if (auto f = term_fault(*refused); f && f->index < form.row_of.size()) {
      fault_row = form.row_of[f->index];
      fault_field = f->field;
      // The summary at the top says which row; the row repeats the reason.
      data.emplace("error", format_message(tr(s, req, "check.settings.term_row"),
                                           {{"n", std::to_string(*fault_row + 1)}}) +
                                ": " + error_text);
    } else {
      data.emplace("error", error_text);
      data.emplace("error_" + field_of(*refused), true);
    }
  }
  data.emplace("term_rows",
               term_rows_data(s, req, form.term_rows, fault_row, fault_field, error_text));
  return render(s, req, "pages/werkstatt_settings", std::move(data), status);
}

}  // namespace

Response werkstatt_settings_page(auth::Auth& auth, Request& req) {
  auto m = auth.require_member(req, req.param("org"));
  if (!m) return m.response();
  auto st = auth.services().store.checker().checker_settings(m->org.id);
  if (!st) return error_response(auth.services(), req, st.error());
  const SettingsForm form{joined(st->accepted_words, "\n"), term_rows(st->org_terms), {}};
  return render_settings(auth, req, *m, *st, nullptr, form);
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
  SettingsForm typed{form->value("accepted_words"), term_rows_from_form(*form), {}};
  wanted.accepted_words = split_lines(typed.accepted_text);
  wanted.org_terms = terms_to_save(typed.term_rows, &typed.row_of);
  if (!form->has("term")) {  // a form without the term rows keeps the stored terms
    auto stored = auth.services().store.checker().checker_settings(m->org.id);
    if (!stored) return error_response(auth.services(), req, stored.error());
    wanted.org_terms = stored->org_terms;
    typed.term_rows = term_rows(stored->org_terms);
  }
  auto saved = auth.services().store.checker().set_checker_settings(m->org.id, wanted,
                                                          store::Actor{m->user.id, "web"});
  if (!saved) {
    const core::Error& e = saved.error();
    if (e.code != core::ErrorCode::kInvalidInput && !store::is_storage_fault(e.key)) {
      return error_response(auth.services(), req, e);
    }
    // Show the form again with what was typed and the reason.
    return render_settings(auth, req, *m, wanted, &e, typed);
  }
  return Response::redirect("/o/" + m->org.slug + "/werkstatt/settings?saved=1");
}

}  // namespace solipraxis::web::handlers
