#include "web/handlers/site/dashboard.h"

#include "core/review.h"
#include "store/orgs.h"
#include "web/handlers/reflections/view.h"
#include "web/handlers/risks/risks.h"
#include "web/handlers/tools/reviews.h"
#include "web/page.h"
#include "web/time_zone.h"

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
  // How many reviews are due, in words and numbers (never colour alone); the
  // reviews page lists them. A store failure leaves the summary out, not the page.
  if (auto due = due_reviews(s, m->org.id, today_in(s.clock, m->org.time_zone))) {
    auto line = [&](std::string_view key, std::size_t n) -> mstch::node {
      if (n == 0) return false;
      return format_message(tr(s, req, key),
                            {{"count", std::to_string(n)},
                             {"days", std::to_string(core::kUpcomingReviewDays)}});
    };
    data.emplace("reviews_overdue", line("dashboard.reviews_overdue", due->overdue.size()));
    data.emplace("reviews_upcoming", line("dashboard.reviews_upcoming", due->upcoming.size()));
    data.emplace("reviews_none", due->overdue.empty() && due->upcoming.empty());
    data.emplace("reviews_summary", true);
  }
  // The risks that need attention first: high impact, still without a mitigation.
  if (auto urgent = risks::unmitigated_high_count(auth, *m)) {
    data.emplace("risks_urgent", *urgent == 0 ? mstch::node(tr(s, req, "risks.dashboard.none"))
                                              : mstch::node(format_message(
                                                    tr(s, req, "risks.dashboard.urgent"),
                                                    {{"count", std::to_string(*urgent)}})));
    data.emplace("risks_urgent_count", *urgent > 0);
  }
  mstch::array open = reflections::open_reflections_data(auth, req, *m);
  data.emplace("has_reflections", !open.empty());
  data.emplace("reflections", open);
  return render(s, req, "pages/dashboard", std::move(data));
}

}  // namespace solipraxis::web::handlers
