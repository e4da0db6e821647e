// The review dashboard of an org (/o/{org}/reviews): overdue and upcoming
// reviews of tools in pilot, in use or under evaluation, each linked to its
// tool page, and the review dates as an iCalendar feed (RFC 5545) for the org's
// calendar: /o/{org}/reviews.ics for signed-in members, the same under
// /api/v1/orgs/{org}/reviews.ics for API tokens, and a secret subscription URL.
// Members see everything here; editors manage the calendar subscription.
#pragma once

#include <string>
#include <vector>

#include "core/ical.h"
#include "core/tool.h"
#include "store/orgs.h"
#include "web/auth/auth.h"

namespace solipraxis::web::handlers {

Response reviews_page(auth::Auth& auth, Request& req);  // GET /o/{org}/reviews
Response reviews_ics(auth::Auth& auth, Request& req);   // GET /o/{org}/reviews.ics

// The calendar subscription without login: calendar apps cannot sign in, so the
// URL carries a per-org secret (stored hashed, like API tokens). Editors create
// or rotate it on the reviews page (the old URL stops working) or switch it off.
Response review_feed_rotate(auth::Auth& auth, Request& req);  // POST /o/{org}/reviews/feed
Response review_feed_delete(auth::Auth& auth, Request& req);  // POST /o/{org}/reviews/feed/delete
Response public_review_feed(auth::Auth& auth, Request& req);  // GET /p/{org}/reviews/{secret}.ics

// The org's tools whose review is overdue or due within core::kUpcomingReviewDays
// of `today`, each list by date: what the reviews page lists and the org
// dashboard counts.
struct DueReviews {
  std::vector<core::Tool> overdue;
  std::vector<core::Tool> upcoming;
};
core::Result<DueReviews> due_reviews(Services& s, store::OrgId org, core::Date today);

// The calendar of review dates of `tools` (each must have next_review).
core::Calendar review_calendar(const Services& s, const Request& req, const store::Org& org,
                               const std::vector<core::Tool>& tools, const std::string& base_url);
// The .ics response for the org's reviewed tools, or the store's error.
Response review_calendar_response(auth::Auth& auth, const Request& req, const store::Org& org);

}  // namespace solipraxis::web::handlers
