// Reminders of open second stages in the org's review calendar feed (issue 23):
// "Reflexion, Teil 2" on the day a named round's follow-up opens, one event per
// round and day with how many people may go on, and no names. Anonymous rounds
// never appear (store::Reflections::follow_ups leaves them out).
#pragma once

#include <string>
#include <vector>

#include "core/ical.h"
#include "store/orgs.h"
#include "web/app.h"

namespace solipraxis::web::handlers::reflections {

// A store failure gives no events: the feed still carries the reviews.
std::vector<core::CalendarEvent> follow_up_events(const Services& s, const Request& req,
                                                  const store::Org& org,
                                                  const std::string& base_url);

}  // namespace solipraxis::web::handlers::reflections
