#include "web/handlers/reviews.h"

#include "core/review.h"
#include "web/handlers/dashboard.h"
#include "web/handlers/public_register.h"
#include "web/page.h"

namespace solipraxis::web::handlers {

namespace {

// Every review date the feed carries: all scheduled ones, however far ahead.
const core::Date kFarFuture = *core::Date::from_ymd(9999, 12, 31);

std::string phase_label(const Services& s, const Request& req, core::Phase p) {
  return tr(s, req, std::string("tools.phase.") + core::phase_name(p));
}

mstch::map review_row(const Services& s, const Request& req, const store::Org& org,
                      const core::Tool& t) {
  return mstch::map{
      {"id", std::to_string(t.id.value)},
      {"name", t.name},
      {"url", "/o/" + org.slug + "/tools/" + std::to_string(t.id.value)},
      {"phase", phase_label(s, req, t.phase)},
      {"date", t.next_review ? t.next_review->str() : std::string()},
  };
}

}  // namespace

core::Calendar review_calendar(const Services& s, const Request& req, const store::Org& org,
                               const std::vector<core::Tool>& tools, const std::string& base_url) {
  core::Calendar cal;
  cal.prod_id = "-//solipraxis//Reviews//" + std::string(req.lang == "en" ? "EN" : "DE");
  cal.name = org.name + ": " + tr(s, req, "reviews.heading");
  for (const core::Tool& t : tools) {
    if (!t.next_review) continue;
    const std::string id = std::to_string(t.id.value);
    cal.events.push_back(core::CalendarEvent{
        .uid = "review-tool-" + id + "-" + org.slug + "@solipraxis",
        .date = *t.next_review,
        .summary = tr(s, req, "reviews.ics.summary") + ": " + t.name,
        .description = tr(s, req, "tools.field.phase") + ": " + phase_label(s, req, t.phase),
        .url = base_url + "/o/" + org.slug + "/tools/" + id,
        .sequence = static_cast<int>(t.version),
    });
  }
  return cal;
}

Response review_calendar_response(auth::Auth& auth, const Request& req, const store::Org& org) {
  Services& s = auth.services();
  auto tools = s.store.tools_due_for_review(org.id, kFarFuture);
  if (!tools) return error_response(s, req, tools.error());
  Response res;
  res.headers.set("Content-Type", "text/calendar; charset=utf-8");
  res.headers.set("Content-Disposition", "inline; filename=\"" + org.slug + "-reviews.ics\"");
  res.headers.set("Cache-Control", "private, no-cache");
  res.body =
      core::calendar_text(review_calendar(s, req, org, *tools, base_url(auth, req)), s.clock.now());
  return res;
}

Response reviews_page(auth::Auth& auth, Request& req) {
  auto m = auth.require_member(req, req.param("org"));
  if (!m) return m.response();
  Services& s = auth.services();
  const core::Date today = core::Date::today(s.clock);
  auto due = s.store.tools_due_for_review(m->org.id, today.add_days(core::kUpcomingReviewDays));
  if (!due) return error_response(s, req, due.error());
  mstch::array overdue, upcoming;
  for (const core::Tool& t : *due) {
    const auto state = core::review_state(t.phase, t.next_review, today);
    if (state == core::ReviewState::kOverdue) overdue.push_back(review_row(s, req, m->org, t));
    if (state == core::ReviewState::kUpcoming) upcoming.push_back(review_row(s, req, m->org, t));
  }
  mstch::map data = org_page_data(s, req, *m);
  data.emplace("title", tr(s, req, "reviews.heading") + " · " + m->org.name);
  // A section per kind of due item; later issues add open action items and
  // recent feedback as further sections of this page.
  auto section = [&](std::string_view key, mstch::array rows) -> mstch::node {
    if (rows.empty()) return false;
    return mstch::map{{"caption", tr(s, req, key)}, {"rows", std::move(rows)}};
  };
  data.emplace("nothing_due", overdue.empty() && upcoming.empty());
  data.emplace("overdue", section("reviews.overdue.heading", std::move(overdue)));
  data.emplace("upcoming", section("reviews.upcoming.heading", std::move(upcoming)));
  return render(s, req, "pages/reviews", std::move(data));
}

Response reviews_ics(auth::Auth& auth, Request& req) {
  auto m = auth.require_member(req, req.param("org"));
  if (!m) return m.response();
  return review_calendar_response(auth, req, m->org);
}

}  // namespace solipraxis::web::handlers
