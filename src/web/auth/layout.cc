#include "web/auth/layout.h"

#include "store/orgs.h"
#include "store/store.h"
#include "web/auth/auth.h"

namespace solipraxis::web::auth {

mstch::node layout_data(const Services& s, const Request& req) {
  const Principal* p = Auth::principal(req);
  if (!p) return false;
  const std::string current = req.param("org");
  mstch::array orgs;
  mstch::node current_org = false;
  if (auto list = Auth::caller_orgs(s, req)) {
    for (const auto& item : *list) {
      const store::Org& org = item.org;
      const bool is_current = org.slug == current;
      mstch::map entry{{"slug", org.slug}, {"name", org.name}, {"current", is_current}};
      if (is_current) current_org = entry;
      orgs.push_back(std::move(entry));
    }
  }
  return mstch::map{
      {"name", p->user.name.empty() ? p->user.email : p->user.name},
      {"has_orgs", !orgs.empty()},
      {"orgs", std::move(orgs)},
      {"current_org", current_org},
  };
}

}  // namespace solipraxis::web::auth
