#include "web/handlers/dashboard.h"

#include "web/page.h"

namespace solipraxis::web::handlers {

mstch::map org_page_data(const Services& s, const Request& req, const auth::Membership& m) {
  const std::string role = store::role_name(m.role);
  return mstch::map{
      {"org", mstch::map{{"slug", m.org.slug}, {"name", m.org.name}}},
      {"role", mstch::map{{"code", role}, {"label", tr(s, req, "members.role." + role)}}},
      {"is_owner", m.role >= store::Role::kOwner},
      {"is_editor", m.role >= store::Role::kEditor},
  };
}

Response dashboard(auth::Auth& auth, Request& req) {
  auto m = auth.require_member(req, req.param("org"));
  if (!m) return m.response();
  Services& s = auth.services();
  mstch::map data = org_page_data(s, req, *m);
  data.emplace("title", m->org.name);
  data.emplace("user_name", m->user.name.empty() ? m->user.email : m->user.name);
  return render(s, req, "pages/dashboard", std::move(data));
}

}  // namespace solipraxis::web::handlers
