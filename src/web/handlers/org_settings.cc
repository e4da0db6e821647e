#include "web/handlers/org_settings.h"

#include "store/orgs.h"
#include "store/store.h"
#include "store/validation.h"
#include "web/handlers/dashboard.h"
#include "web/handlers/params.h"
#include "web/page.h"

namespace solipraxis::web::handlers {

namespace {

struct SettingsView {
  std::string name{};        // what the form shows: the stored name, or what was typed
  std::string error_key{};   // why the typed name was refused
  std::string notice_key{};
  int status = 200;
};

Response render_settings(auth::Auth& auth, const Request& req, const auth::Membership& m,
                         const SettingsView& view) {
  Services& s = auth.services();
  mstch::map data = org_page_data(s, req, m);
  data.emplace("title", tr(s, req, "org_settings.title") + " · " + m.org.name);
  data.emplace("name", view.name);
  if (!view.error_key.empty()) data.emplace("error", tr(s, req, view.error_key));
  if (!view.notice_key.empty()) data.emplace("notice", tr(s, req, view.notice_key));
  return render(s, req, "pages/org_settings", std::move(data), view.status);
}

}  // namespace

Response org_settings_page(auth::Auth& auth, Request& req) {
  auto m = auth.require_member(req, req.param("org"), store::Role::kOwner);
  if (!m) return m.response();
  SettingsView view{.name = m->org.name};
  if (req.query.value("saved") == "name") view.notice_key = "org_settings.saved";
  return render_settings(auth, req, *m, view);
}

Response org_settings_save(auth::Auth& auth, Request& req) {
  auto m = auth.require_member(req, req.param("org"), store::Role::kOwner);
  if (!m) return m.response();
  auto form = parse_form(req.body);
  if (!form) return auth.error(req, 400, "error.http.bad_request");
  SettingsView view{.name = form->value("name")};
  // The language switch shows the form again with what was typed, unsaved.
  if (req.language_switch) return render_settings(auth, req, *m, view);
  auto org = auth.services().store.orgs().rename_org(m->org.id, view.name, web_actor(*m));
  if (!org) {
    if (org.error().code != core::ErrorCode::kInvalidInput) {
      return error_response(auth.services(), req, org.error());
    }
    view.error_key = org.error().key;
    view.status = 422;
    return render_settings(auth, req, *m, view);
  }
  return Response::redirect("/o/" + m->org.slug + "/settings?saved=name");
}

}  // namespace solipraxis::web::handlers
