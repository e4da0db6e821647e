#include "web/handlers/common/params.h"

#include <charconv>

#include "core/text_field.h"
#include "store/common.h"

namespace solipraxis::web::handlers {

std::optional<std::int64_t> parse_id(std::string_view raw) {
  std::int64_t id = 0;
  auto [ptr, ec] = std::from_chars(raw.data(), raw.data() + raw.size(), id);
  if (ec != std::errc{} || ptr != raw.data() + raw.size() || id <= 0) return std::nullopt;
  return id;
}

store::Actor web_actor(const auth::Membership& m) { return store::Actor{m.user.id, "web"}; }

std::string session_query(const Request& req) {
  const std::string raw = req.query.value("session");
  return parse_id(raw) ? "?session=" + raw : std::string();
}

std::string session_return(const auth::Membership& m, const Request& req, std::string_view what) {
  const std::string raw = req.query.value("session");
  if (!parse_id(raw)) return {};
  return "/o/" + m.org.slug + "/sessions/" + raw + "?recorded=" + std::string(what);
}

std::string joined(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (const auto& p : parts) {
    if (!out.empty()) out += separator;
    out += p;
  }
  return out;
}

std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto end = text.find('\n', start);
    const auto line = core::trim(text.substr(start, end == std::string_view::npos ? text.npos
                                                                                  : end - start));
    if (!line.empty()) out.emplace_back(line);
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return out;
}

}  // namespace solipraxis::web::handlers
