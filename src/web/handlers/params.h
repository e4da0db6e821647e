// What every member page reads and writes the same way: an id from the path or
// a form (a positive decimal and nothing else, so "12abc" or "-1" is a 404,
// never a lookup), and the audit actor of a change made on the web.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "store/store.h"
#include "web/auth/auth.h"

namespace solipraxis::web::handlers {

// A positive decimal id, else nullopt.
std::optional<std::int64_t> parse_id(std::string_view raw);

// The signed-in member as the author of an audited change ("web").
store::Actor web_actor(const auth::Membership& m);

}  // namespace solipraxis::web::handlers
