#include "web/handlers/werkstatt/check_common.h"

#include <charconv>

#include "store/checker.h"
#include "text/utf8.h"
#include "web/i18n.h"
#include "web/page.h"

namespace solipraxis::web::handlers {

namespace {
constexpr std::string_view kInvalidUtf8 = "error.check.invalid_utf8";
constexpr std::string_view kOffsetPrefix = "invalid UTF-8 at byte offset ";
}  // namespace

text::CheckOptions options_for(const store::CheckerSettings& settings) {
  text::CheckOptions o;
  o.style = text::parse_style(settings.style).value_or(text::Style::kColon);
  o.accepted_words = settings.accepted_words;
  for (const auto& t : settings.org_terms) {
    o.org_terms.push_back({t.term, t.suggestions, t.message});
  }
  return o;
}

core::Error invalid_utf8_error(std::size_t offset) {
  return core::Error{core::ErrorCode::kInvalidInput, std::string(kInvalidUtf8),
                     std::string(kOffsetPrefix) + std::to_string(offset)};
}

std::optional<WorkLimit::Slot> enter_check(const Services& s) {
  if (s.check_limit == nullptr) return std::nullopt;
  return s.check_limit->try_enter();
}

Response checker_busy(const Services& s, const Request& req) {
  Response res = error_response(s, req, 503, "error.check.busy", "busy");
  res.headers.set("Retry-After", std::to_string(kCheckRetryAfter));
  return res;
}

core::Result<text::CheckReport> run_check(std::string_view input,
                                          const text::CheckOptions& options,
                                          std::size_t max_bytes) {
  if (input.size() > max_bytes) {
    return core::make_error(core::ErrorCode::kTooLarge, "error.check.too_large",
                            "the text is larger than " + std::to_string(max_bytes) + " bytes");
  }
  if (auto bad = text::find_invalid_utf8(input)) return invalid_utf8_error(*bad);
  return text::check_text(input, options);
}

std::optional<std::size_t> invalid_utf8_offset(const core::Error& e) {
  if (e.key != kInvalidUtf8 || !e.detail.starts_with(kOffsetPrefix)) return std::nullopt;
  std::size_t offset = 0;
  const char* first = e.detail.data() + kOffsetPrefix.size();
  const char* last = e.detail.data() + e.detail.size();
  auto [ptr, ec] = std::from_chars(first, last, offset);
  if (ec != std::errc{} || ptr != last) return std::nullopt;
  return offset;
}

std::string check_error_message(const Services& s, const Request& req, const core::Error& e,
                                std::size_t max_bytes) {
  std::map<std::string, std::string, std::less<>> args{{"max_kb", std::to_string(max_bytes / 1024)}};
  if (auto offset = invalid_utf8_offset(e)) args.emplace("offset", std::to_string(*offset));
  return format_message(tr(s, req, e.key), args);
}

}  // namespace solipraxis::web::handlers
