#include "web/handlers/tools/reviews.h"

#include "core/review.h"
#include "store/orgs.h"
#include "store/secrets.h"
#include "store/store.h"
#include "store/tools.h"
#include "web/handlers/reflections/calendar.h"
#include "web/handlers/site/dashboard.h"
#include "web/handlers/common/params.h"
#include "web/handlers/public/public_register.h"
#include "web/handlers/risks/risks.h"
#include "web/page.h"
#include "web/time_zone.h"

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

core::Result<DueReviews> due_reviews(Services& s, store::OrgId org, core::Date today) {
  auto due = s.store.tools().tools_due_for_review(org, today.add_days(core::kUpcomingReviewDays));
  if (!due) return due.error();
  DueReviews out;
  for (core::Tool& t : *due) {
    const auto state = core::review_state(t.phase, t.next_review, today);
    if (state == core::ReviewState::kOverdue) out.overdue.push_back(std::move(t));
    if (state == core::ReviewState::kUpcoming) out.upcoming.push_back(std::move(t));
  }
  return out;
}

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
  auto tools = s.store.tools().tools_due_for_review(org.id, kFarFuture);
  if (!tools) return error_response(s, req, tools.error());
  Response res;
  res.headers.set("Content-Type", "text/calendar; charset=utf-8");
  res.headers.set("Content-Disposition", "inline; filename=\"" + org.slug + "-reviews.ics\"");
  res.headers.set("Cache-Control", "private, no-cache");
  const std::string base = base_url(auth, req);
  core::Calendar calendar = review_calendar(s, req, org, *tools, base);
  for (core::CalendarEvent& e : reflections::follow_up_events(s, req, org, base))
    calendar.events.push_back(std::move(e));
  // Mitigations are due like reviews (issue 24): the same feed carries them.
  if (auto st = risks::add_mitigation_events(s, req, org, base, calendar); !st) {
    return error_response(s, req, st.error());
  }
  res.body = core::calendar_text(calendar, s.clock.now());
  return res;
}

namespace {

// What the page shows besides the reviews: a notice after an action and, once,
// the new subscription URL right after it was made.
struct ReviewsView {
  std::string notice_key;
  std::string new_feed_url;
  std::string new_secret;  // sent back by the language switch to show the URL again
};

// The field by which the language switch sends the new secret back.
constexpr std::string_view kShownSecretField = "shown_secret";

std::string feed_url(auth::Auth& auth, const Request& req, const store::Org& org,
                     std::string_view secret) {
  return base_url(auth, req) + "/p/" + org.slug + "/reviews/" + std::string(secret) + ".ics";
}

mstch::node feed_status(Services& s, const Request& req, const store::Org& org) {
  auto feed = s.store.tools().review_feed(org.id);
  if (!feed) return false;  // none (or the store is down: the page still shows the reviews)
  return mstch::map{{"since", readable_time(feed->created_at, org.time_zone, req.lang)},
                    {"since_iso", core::utc_timestamp(feed->created_at)}};
}

Response render_reviews(auth::Auth& auth, const Request& req, const auth::Membership& m,
                        const ReviewsView& view) {
  Services& s = auth.services();
  auto due = due_reviews(s, m.org.id, today_in(s.clock, m.org.time_zone));
  if (!due) return error_response(s, req, due.error());
  mstch::array overdue, upcoming;
  for (const core::Tool& t : due->overdue) overdue.push_back(review_row(s, req, m.org, t));
  for (const core::Tool& t : due->upcoming) upcoming.push_back(review_row(s, req, m.org, t));
  mstch::map data = org_page_data(s, req, m);
  data.emplace("title", tr(s, req, "reviews.heading") + " · " + m.org.name);
  // A section per kind of due item; later issues add open action items and
  // recent feedback as further sections of this page.
  auto section = [&](std::string_view key, mstch::array rows) -> mstch::node {
    if (rows.empty()) return false;
    return mstch::map{{"caption", tr(s, req, key)}, {"rows", std::move(rows)}};
  };
  data.emplace("nothing_due", overdue.empty() && upcoming.empty());  // reviews only
  data.emplace("overdue", section("reviews.overdue.heading", std::move(overdue)));
  data.emplace("upcoming", section("reviews.upcoming.heading", std::move(upcoming)));
  mstch::array mitigations = risks::overdue_rows(auth, req, m);
  data.emplace("has_mitigations", !mitigations.empty());
  data.emplace("mitigations", mitigations);
  data.emplace("feed", feed_status(s, req, m.org));
  data.emplace("can_manage_feed", m.role >= store::Role::kEditor);
  if (!view.new_feed_url.empty()) {
    data.emplace("new_feed_url", view.new_feed_url);
    data.emplace("lang_fields", mstch::array{mstch::map{{"name", std::string(kShownSecretField)},
                                                        {"value", view.new_secret}}});
  }
  if (!view.notice_key.empty()) data.emplace("notice", tr(s, req, view.notice_key));
  return render(s, req, "pages/reviews", std::move(data));
}

}  // namespace

Response reviews_page(auth::Auth& auth, Request& req) {
  auto m = auth.require_member(req, req.param("org"));
  if (!m) return m.response();
  ReviewsView view;
  if (req.query.value("saved") == "feed_off") view.notice_key = "reviews.calendar.deleted";
  return render_reviews(auth, req, *m, view);
}

Response review_feed_rotate(auth::Auth& auth, Request& req) {
  auto m = auth.require_member(req, req.param("org"), store::Role::kEditor);
  if (!m) return m.response();
  ReviewsView view;
  if (req.language_switch) {
    // The same page in the other language: the URL again if it is still the
    // current one, and no new secret (that would end the one just shown).
    auto form = parse_form(req.body);
    const std::string shown = form ? form->value(kShownSecretField) : std::string();
    auto feed = auth.services().store.tools().review_feed(m->org.id);
    if (!shown.empty() && feed &&
        store::constant_time_equal(feed->secret_hash, store::hash_token(shown))) {
      view.new_secret = shown;
      view.new_feed_url = feed_url(auth, req, m->org, shown);
    }
    return render_reviews(auth, req, *m, view);
  }
  const std::string secret = store::random_token();
  auto feed =
      auth.services().store.tools().set_review_feed(m->org.id, store::hash_token(secret), web_actor(*m));
  if (!feed) return error_response(auth.services(), req, feed.error());
  view.new_secret = secret;
  view.new_feed_url = feed_url(auth, req, m->org, secret);
  return render_reviews(auth, req, *m, view);
}

Response review_feed_delete(auth::Auth& auth, Request& req) {
  auto m = auth.require_member(req, req.param("org"), store::Role::kEditor);
  if (!m) return m.response();
  if (auto st = auth.services().store.tools().delete_review_feed(m->org.id, web_actor(*m)); !st) {
    return error_response(auth.services(), req, st.error());
  }
  return Response::redirect("/o/" + m->org.slug + "/reviews?saved=feed_off");
}

Response public_review_feed(auth::Auth& auth, Request& req) {
  // Every way of not matching is the same 404: no hint whether the org exists.
  auto not_found = [&] { return auth.error(req, 404, "error.http.not_found"); };
  std::string file = req.param("file");
  if (!file.ends_with(".ics")) return not_found();
  file.resize(file.size() - 4);
  if (file.empty() || file.size() > 256) return not_found();
  Services& s = auth.services();
  auto org = s.store.orgs().org_by_slug(req.param("org"));
  if (!org) return not_found();
  auto feed = s.store.tools().review_feed(org->id);
  if (!feed || !store::constant_time_equal(store::hash_token(file), feed->secret_hash)) {
    return not_found();
  }
  Response res = review_calendar_response(auth, req, *org);
  res.headers.set("X-Robots-Tag", "noindex");
  return res;
}

Response reviews_ics(auth::Auth& auth, Request& req) {
  auto m = auth.require_member(req, req.param("org"));
  if (!m) return m.response();
  return review_calendar_response(auth, req, m->org);
}

}  // namespace solipraxis::web::handlers
