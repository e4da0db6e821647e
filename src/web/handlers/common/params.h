// What every member page reads and writes the same way: an id from the path or
// a form (a positive decimal and nothing else, so "12abc" or "-1" is a 404,
// never a lookup), the audit actor of a change made on the web, and lists kept
// in one text field (one entry per line).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/common.h"
#include "web/auth/auth.h"

namespace solipraxis::web::handlers {

// A positive decimal id, else nullopt.
std::optional<std::int64_t> parse_id(std::string_view raw);

// The signed-in member as the author of an audited change ("web").
store::Actor web_actor(const auth::Membership& m);

// The parts with `separator` between them (links and accepted words "\n",
// suggestions "; ", field names ", ").
std::string joined(const std::vector<std::string>& parts, std::string_view separator);
// The lines of a textarea, each trimmed, empty ones dropped (LF or CRLF).
std::vector<std::string> split_lines(std::string_view text);

// A form opened from a live session's page (the workshop's red line, risk and
// decision links) carries the session in its query, ?session=N, kept in the
// form's action, and returns to the session after saving.
// "?session=N" for the form's action; "" without a valid id.
std::string session_query(const Request& req);
// After saving: the session's page with ?recorded=`what` (its notice); "" without one.
std::string session_return(const auth::Membership& m, const Request& req, std::string_view what);

}  // namespace solipraxis::web::handlers
