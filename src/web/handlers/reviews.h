// The review dashboard of an org (/o/{org}/reviews): overdue and upcoming
// reviews of tools in pilot, in use or under evaluation, each linked to its
// tool page, and the review dates as an iCalendar feed (RFC 5545) for the org's
// calendar: /o/{org}/reviews.ics for signed-in members (session or Bearer).
// Members see everything here; editors manage the calendar subscription.
#pragma once

#include <string>
#include <vector>

#include "core/ical.h"
#include "core/tool.h"
#include "web/auth/auth.h"

namespace solipraxis::web::handlers {

Response reviews_page(auth::Auth& auth, Request& req);  // GET /o/{org}/reviews
Response reviews_ics(auth::Auth& auth, Request& req);   // GET /o/{org}/reviews.ics

// The calendar of review dates of `tools` (each must have next_review).
core::Calendar review_calendar(const Services& s, const Request& req, const store::Org& org,
                               const std::vector<core::Tool>& tools, const std::string& base_url);
// The .ics response for the org's reviewed tools, or the store's error.
Response review_calendar_response(auth::Auth& auth, const Request& req, const store::Org& org);

}  // namespace solipraxis::web::handlers
