// The forms to place, re-assess and delete risks (see risks.h). A save from
// an older version than the stored one is never written: the form comes back
// with the person's input, the message and what is saved now, and the next
// save replaces that version. A move on the matrix asks why (the store keeps
// it in the risk's history).
#include <utility>

#include "core/risk_export.h"
#include "store/risks.h"
#include "store/store.h"
#include "store/tools.h"
#include "web/handlers/common/params.h"
#include "web/handlers/risks/form.h"
#include "web/handlers/risks/risk_views.h"
#include "web/handlers/risks/risks.h"
#include "web/handlers/site/dashboard.h"
#include "web/handlers/tools/tool_views.h"
#include "web/page.h"

namespace solipraxis::web::handlers::risks {

using namespace risk_views;
using tool_views::is_page_error;
using tool_views::kWriteRole;

namespace {

// Runs fn(membership, risk, its tool) for an editor or owner; otherwise the
// denial or the error page (404 for another org's risk).
template <typename Fn>
Response editor_risk(auth::Auth& auth, Request& req, Fn fn) {
  auto m = auth.require_member(req, req.param("org"), kWriteRole);
  if (!m) return m.response();
  Services& s = auth.services();
  auto risk = risk_of_request(s, req, *m);
  if (!risk) return error_response(s, req, risk.error());
  auto tool = s.store.tools().tool(m->org.id, risk->tool);
  if (!tool) return error_response(s, req, tool.error());
  return fn(*m, *risk, *tool);
}

// A failed store call: the error page for what a form cannot fix, else the
// form again with the message and the input kept.
Response refused(const Services& s, const Request& req, const auth::Membership& m,
                 const core::Tool& tool, const std::optional<core::Risk>& existing,
                 const Choices& choices, FormView view, const core::Error& e) {
  if (is_page_error(e) && e.key != "personas.error.not_found") return error_response(s, req, e);
  // On the form, a stale save keeps the input: the form's own words, not "reload".
  view.error_key = e.key == "risks.error.stale" ? "risks.form.stale" : e.key;
  view.status = http_status(e.code);
  return render_form(s, req, m, tool, existing, choices, view);
}

// Runs fn(form, choices) with the posted form and what it may choose from;
// otherwise the error page (400 for a body that is not a form).
template <typename Fn>
Response with_posted(Services& s, Request& req, const auth::Membership& m, core::ToolId tool,
                     Fn fn) {
  auto form = parse_form(req.body);
  if (!form) return error_response(s, req, 400, "error.http.bad_request");
  auto choices = load_choices(s, m, tool);
  if (!choices) return error_response(s, req, choices.error());
  return fn(*form, *choices);
}

}  // namespace

Response new_page(auth::Auth& auth, Request& req) {
  return tool_views::editor_tool(auth, req, [&](const auth::Membership& m, const core::Tool& tool) {
    Services& s = auth.services();
    auto choices = load_choices(s, m, tool.id);
    if (!choices) return error_response(s, req, choices.error());
    core::Risk fresh;
    fresh.tool = tool.id;
    // Whom it concerns and where it sits are the person's choice: nothing is
    // pre-selected (a default of "users, medium, medium" would decide for them).
    FormView view{form_of(fresh, req.lang)};
    for (const char* choice : {"affected", "likelihood", "impact"}) view.form.values[choice] = "";
    return render_form(s, req, m, tool, std::nullopt, *choices, view);
  });
}

Response create(auth::Auth& auth, Request& req) {
  return tool_views::editor_tool(auth, req, [&](const auth::Membership& m, const core::Tool& tool) {
    Services& s = auth.services();
    return with_posted(s, req, m, tool.id, [&](const Params& form, const Choices& choices) {
      FormView view{form_of(form)};
      core::Risk base;
      base.tool = tool.id;
      const core::Risk risk = risk_of(view.form, base, choices, view.errors);
      if (!view.errors.empty() || req.language_switch) {  // a switch: shown again, unsaved
        view.status = view.errors.empty() ? 200 : 422;
        return render_form(s, req, m, tool, std::nullopt, choices, view);
      }
      auto created = s.store.risks().create(m.org.id, risk, web_actor(m));
      if (!created) return refused(s, req, m, tool, std::nullopt, choices, view, created.error());
      if (auto back = session_return(m, req, "risk"); !back.empty()) return Response::redirect(back);
      return Response::redirect(risk_url(m, created->id) + "?saved=created");
    });
  });
}

Response edit_page(auth::Auth& auth, Request& req) {
  return editor_risk(auth, req, [&](const auth::Membership& m, const core::Risk& risk,
                                    const core::Tool& tool) {
    Services& s = auth.services();
    auto choices = load_choices(s, m, tool.id);
    if (!choices) return error_response(s, req, choices.error());
    return render_form(s, req, m, tool, risk, *choices, FormView{form_of(risk, req.lang)});
  });
}

Response update(auth::Auth& auth, Request& req) {
  return editor_risk(auth, req, [&](const auth::Membership& m, const core::Risk& stored,
                                    const core::Tool& tool) {
    Services& s = auth.services();
    return with_posted(s, req, m, tool.id, [&](const Params& form, const Choices& choices) {
      FormView view{form_of(form)};
      const core::Risk risk = risk_of(view.form, stored, choices, view.errors);
      const std::string reason = view.form.values["reason"];
      const auto version = parse_id(form.value("version"));
      if (!version || *version != stored.version) {
        // Someone saved in between: keep the input, show what is stored now,
        // and let the next save replace that version.
        view.error_key = "risks.form.stale";
        view.stored = stored;
        view.status = 409;
        return render_form(s, req, m, tool, stored, choices, view);
      }
      const auto moved = core::reassessment_errors(stored, risk, reason);
      view.errors.insert(view.errors.end(), moved.begin(), moved.end());
      if (!view.errors.empty() || req.language_switch) {
        view.status = view.errors.empty() ? 200 : 422;
        return render_form(s, req, m, tool, stored, choices, view);
      }
      auto saved = s.store.risks().update(m.org.id, risk, reason, *version, web_actor(m));
      if (!saved) {
        if (saved.error().key == "risks.error.stale") {
          if (auto now = s.store.risks().get(m.org.id, stored.id)) view.stored = *now;
        }
        return refused(s, req, m, tool, stored, choices, view, saved.error());
      }
      return Response::redirect(risk_url(m, saved->id) + "?saved=updated");
    });
  });
}

Response delete_page(auth::Auth& auth, Request& req) {
  return editor_risk(auth, req, [&](const auth::Membership& m, const core::Risk& risk,
                                    const core::Tool& tool) {
    Services& s = auth.services();
    mstch::map data = org_page_data(s, req, m);
    data.emplace("title", tr(s, req, "risks.delete.title") + ": " + core::risk_label(risk));
    data.emplace("risk", mstch::map{{"label", core::risk_label(risk)},
                                    {"description", risk.description},
                                    {"url", risk_url(m, risk.id)}});
    data.emplace("tool", mstch::map{{"name", tool.name}, {"url", tool_risks_url(m, tool.id)}});
    return render(s, req, "risks/delete", std::move(data));
  });
}

Response remove(auth::Auth& auth, Request& req) {
  return editor_risk(auth, req, [&](const auth::Membership& m, const core::Risk& risk,
                                    const core::Tool& tool) {
    Services& s = auth.services();
    if (auto st = s.store.risks().remove(m.org.id, risk.id, web_actor(m)); !st) {
      return error_response(s, req, st.error());
    }
    return Response::redirect(tool_risks_url(m, tool.id) + "?saved=deleted");
  });
}

}  // namespace solipraxis::web::handlers::risks
