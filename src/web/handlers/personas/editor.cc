// The form to create and edit a persona (see personas.h). Every problem is
// shown next to its field with the person's input kept. A save against an
// older version (the hidden "version" field) is refused with the input kept
// and what is saved now shown above the form; the form then carries the
// current version, so saving again replaces exactly what the person has seen.
#include <optional>
#include <utility>

#include "store/personas.h"
#include "store/store.h"
#include "web/handlers/common/params.h"
#include "web/handlers/personas/form.h"
#include "web/handlers/personas/personas.h"
#include "web/handlers/site/dashboard.h"
#include "web/handlers/tools/tool_views.h"
#include "web/page.h"

namespace solipraxis::web::handlers::personas {

using tool_views::editor_form;
using tool_views::is_page_error;
using tool_views::kWriteRole;

namespace {

struct FormState {
  FormValues values{};
  std::vector<core::FieldError> errors{};
  std::string version{};                  // hidden field; "" for a new persona
  std::optional<core::Persona> stored{};  // after a conflict: what is saved now
  std::string error_key{};                // a message not tied to a field
  int status = 200;
};

Response render_form(const Services& s, const Request& req, const auth::Membership& m,
                     const std::optional<core::Persona>& existing, const FormState& st) {
  mstch::map data = form_data(s, req, st.values, st.errors);
  for (auto& [k, v] : org_page_data(s, req, m)) data.emplace(k, std::move(v));
  const bool editing = existing.has_value();
  data.emplace("title", editing ? tr(s, req, "personas.form.edit_title") + ": " + existing->name
                                : tr(s, req, "personas.form.new_title"));
  data.emplace("editing", editing);
  data.emplace("switch_form", std::string("persona-form"));  // the language switch keeps the input
  data.emplace("action", editing ? persona_url(m, existing->id) : personas_url(m));
  data.emplace("cancel_url", editing ? persona_url(m, existing->id) : personas_url(m));
  if (editing) data.emplace("persona_name", existing->name);
  data.emplace("version", st.version);
  if (!st.error_key.empty()) data.emplace("error", tr(s, req, st.error_key));
  if (st.stored) data.emplace("stored", persona_data(s, req, m, *st.stored));
  return render(s, req, "personas/form", std::move(data), st.status);
}

// After a refused save: the stored persona now, whose version the form takes.
void show_conflict(FormState& st, const core::Persona& now) {
  st.error_key = "personas.form.stale";
  st.stored = now;
  st.version = std::to_string(now.version);
  st.status = 409;
}

// Runs fn(membership, persona) for an editor or owner and the persona of the request.
template <typename Fn>
Response editor_persona(auth::Auth& auth, Request& req, Fn fn) {
  auto m = auth.require_member(req, req.param("org"), kWriteRole);
  if (!m) return m.response();
  auto p = persona_of_request(auth.services(), req, *m);
  if (!p) return error_response(auth.services(), req, p.error());
  return fn(*m, *p);
}

}  // namespace

Response persona_new_page(auth::Auth& auth, Request& req) {
  auto m = auth.require_member(req, req.param("org"), kWriteRole);
  if (!m) return m.response();
  return render_form(auth.services(), req, *m, std::nullopt, FormState{values_of(core::Persona{})});
}

Response persona_create(auth::Auth& auth, Request& req) {
  return editor_form(auth, req, [&](const auth::Membership& m, const Params& form) {
    Services& s = auth.services();
    FormState st{values_of(form)};
    const core::Persona p = persona_of(st.values, core::Persona{}, st.errors);
    // The language switch shows the form again as typed, in the other language, unsaved.
    if (!st.errors.empty() || req.language_switch) {
      st.status = st.errors.empty() ? 200 : 422;
      return render_form(s, req, m, std::nullopt, st);
    }
    auto created = s.store.personas().create(m.org.id, p, web_actor(m));
    if (!created) {
      if (is_page_error(created.error())) return error_response(s, req, created.error());
      st.error_key = created.error().key;
      st.status = http_status(created.error().code);
      return render_form(s, req, m, std::nullopt, st);
    }
    return Response::redirect(persona_url(m, created->id) + "?saved=created");
  });
}

Response persona_edit_page(auth::Auth& auth, Request& req) {
  return editor_persona(auth, req, [&](const auth::Membership& m, const core::Persona& p) {
    return render_form(auth.services(), req, m, p,
                       FormState{values_of(p), {}, std::to_string(p.version)});
  });
}

Response persona_update(auth::Auth& auth, Request& req) {
  return editor_persona(auth, req, [&](const auth::Membership& m, const core::Persona& stored) {
    Services& s = auth.services();
    auto form = parse_form(req.body);
    if (!form) return auth.error(req, 400, "error.http.bad_request");
    FormState st{values_of(*form), {}, form->value("version")};
    const core::Persona p = persona_of(st.values, stored, st.errors);
    const auto version = parse_id(st.version);
    if (!version || *version != stored.version) {
      show_conflict(st, stored);
      return render_form(s, req, m, stored, st);
    }
    if (!st.errors.empty() || req.language_switch) {  // a switch: shown again, unsaved
      st.status = st.errors.empty() ? 200 : 422;
      return render_form(s, req, m, stored, st);
    }
    auto saved = s.store.personas().update(m.org.id, p, *version, web_actor(m));
    if (!saved) {
      if (is_page_error(saved.error())) return error_response(s, req, saved.error());
      st.error_key = saved.error().key;
      st.status = http_status(saved.error().code);
      if (saved.error().key == "personas.error.stale") {
        if (auto now = s.store.personas().get(m.org.id, stored.id)) show_conflict(st, *now);
      }
      return render_form(s, req, m, stored, st);
    }
    return Response::redirect(persona_url(m, saved->id) + "?saved=updated");
  });
}

}  // namespace solipraxis::web::handlers::personas
