#include "web/handlers/params.h"

#include <charconv>

namespace solipraxis::web::handlers {

std::optional<std::int64_t> parse_id(std::string_view raw) {
  std::int64_t id = 0;
  auto [ptr, ec] = std::from_chars(raw.data(), raw.data() + raw.size(), id);
  if (ec != std::errc{} || ptr != raw.data() + raw.size() || id <= 0) return std::nullopt;
  return id;
}

store::Actor web_actor(const auth::Membership& m) { return store::Actor{m.user.id, "web"}; }

}  // namespace solipraxis::web::handlers
