#include "web/handlers/account/org_settings.h"

#include "store/orgs.h"
#include "store/store.h"
#include "store/validation.h"
#include "web/handlers/site/dashboard.h"
#include "web/handlers/common/params.h"
#include "web/page.h"
#include "web/time_zone.h"

namespace solipraxis::web::handlers {

namespace {

struct SettingsView {
  std::string name{};       // what the form shows: the stored name, or what was typed
  std::string time_zone{};  // likewise for the zone
  std::string name_error_key{};
  std::string zone_error_key{};
  std::string notice_key{};
  int status = 200;
};

// The zone select: one group per region, the chosen zone selected. A zone the
// list lacks (refused input) selects nothing; the browser then shows the first.
mstch::array zone_regions(const Services& s, const Request& req, const std::string& chosen) {
  mstch::array regions;
  for (const auto& r : time_zone_regions(req.lang)) {
    mstch::array zones;
    for (const auto& z : r.zones) {
      zones.push_back(mstch::map{{"id", z.id}, {"city", z.city}, {"selected", z.id == chosen}});
    }
    regions.push_back(
        mstch::map{{"label", tr(s, req, "org_settings.region." + r.region)}, {"zones", zones}});
  }
  return regions;
}

Response render_settings(auth::Auth& auth, const Request& req, const auth::Membership& m,
                         const SettingsView& view) {
  Services& s = auth.services();
  mstch::map data = org_page_data(s, req, m);
  data.emplace("title", tr(s, req, "org_settings.title") + " · " + m.org.name);
  data.emplace("name", view.name);
  data.emplace("switch_form", std::string("org-settings-form"));  // the switch keeps the input
  data.emplace("zone_regions", zone_regions(s, req, view.time_zone));
  data.emplace("now_there", readable_time(s.clock.now(), m.org.time_zone, req.lang));
  data.emplace("stored_zone", m.org.time_zone);
  const bool failed = !view.name_error_key.empty() || !view.zone_error_key.empty();
  if (failed) data.emplace("error", true);
  if (!view.name_error_key.empty()) data.emplace("name_error", tr(s, req, view.name_error_key));
  if (!view.zone_error_key.empty()) data.emplace("zone_error", tr(s, req, view.zone_error_key));
  if (!view.notice_key.empty()) data.emplace("notice", tr(s, req, view.notice_key));
  return render(s, req, "pages/org_settings", std::move(data), view.status);
}

}  // namespace

Response org_settings_page(auth::Auth& auth, Request& req) {
  auto m = auth.require_member(req, req.param("org"), store::Role::kOwner);
  if (!m) return m.response();
  SettingsView view{.name = m->org.name, .time_zone = m->org.time_zone};
  if (req.query.value("saved") == "1") view.notice_key = "org_settings.saved";
  return render_settings(auth, req, *m, view);
}

// Both fields are checked before either is written, so a refused form changes
// nothing and shows again with everything typed; each change is audited.
Response org_settings_save(auth::Auth& auth, Request& req) {
  auto m = auth.require_member(req, req.param("org"), store::Role::kOwner);
  if (!m) return m.response();
  auto form = parse_form(req.body);
  if (!form) return auth.error(req, 400, "error.http.bad_request");
  SettingsView view{.name = form->value("name"), .time_zone = form->value("time_zone")};
  // A form from before the zone was offered (or a script) may leave it out.
  if (!form->has("time_zone")) view.time_zone = m->org.time_zone;
  // The language switch shows the form again with what was typed, unsaved.
  if (req.language_switch) return render_settings(auth, req, *m, view);
  if (auto ok = store::validate_org_name(view.name); !ok) view.name_error_key = ok.error().key;
  if (auto ok = store::validate_time_zone(view.time_zone); !ok) {
    view.zone_error_key = ok.error().key;
  }
  if (!view.name_error_key.empty() || !view.zone_error_key.empty()) {
    view.status = 422;
    return render_settings(auth, req, *m, view);
  }
  store::Orgs& st = auth.services().store.orgs();
  auto org = st.rename_org(m->org.id, view.name, web_actor(*m));
  if (!org) return error_response(auth.services(), req, org.error());
  if (auto zone = st.set_org_time_zone(m->org.id, view.time_zone, web_actor(*m)); !zone) {
    return error_response(auth.services(), req, zone.error());
  }
  return Response::redirect("/o/" + m->org.slug + "/settings?saved=1");
}

}  // namespace solipraxis::web::handlers
