#include "web/handlers/reflections/calendar.h"

#include <map>
#include <utility>

#include "store/reflections.h"
#include "store/store.h"
#include "store/time_zone.h"
#include "store/tools.h"
#include "web/handlers/reflections/view.h"
#include "web/i18n.h"
#include "web/page.h"

namespace solipraxis::web::handlers::reflections {

std::vector<core::CalendarEvent> follow_up_events(const Services& s, const Request& req,
                                                  const store::Org& org,
                                                  const std::string& base_url) {
  std::vector<core::CalendarEvent> out;
  auto due = s.store.reflections().follow_ups(org.id);
  if (!due) return out;
  // How many people may go on, per round and day (in the org's time zone).
  std::map<std::pair<core::Date, std::int64_t>, std::pair<const store::ReflectionRound*, int>> days;
  for (const store::FollowUp& f : *due) {
    auto& [round, people] = days[{store::local_date(f.opens_at, org.time_zone), f.round.id}];
    round = &f.round;
    ++people;
  }
  std::map<std::int64_t, std::string> tool_names;
  for (const auto& [key, value] : days) {
    const store::ReflectionRound& r = *value.first;
    auto name = tool_names.find(r.tool.value);
    if (name == tool_names.end()) {
      auto tool = s.store.tools().tool(org.id, r.tool);
      name = tool_names.emplace(r.tool.value, tool ? tool->name : std::string()).first;
    }
    const std::string round_id = std::to_string(r.id);
    out.push_back(core::CalendarEvent{
        .uid = "reflection-" + round_id + "-" + key.first.str() + "-" + org.slug + "@solipraxis",
        .date = key.first,
        .summary = tr(s, req, "reflections.ics.summary") + ": " + round_title(s, req, r) +
                   (name->second.empty() ? "" : " – " + name->second),
        .description = format_message(tr(s, req, "reflections.ics.description"),
                                      {{"count", std::to_string(value.second)}}),
        .url = base_url + "/o/" + org.slug + "/reflections/" + round_id,
        .sequence = value.second,
    });
  }
  return out;
}

}  // namespace solipraxis::web::handlers::reflections
