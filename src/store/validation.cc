#include "store/validation.h"

#include <algorithm>

#include "core/text_field.h"
#include "store/time_zone.h"

namespace solipraxis::store {

using core::ErrorCode;
using core::make_error;

namespace {

bool is_slug_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; }

bool has_control(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7f;
  });
}

core::Status check_text(std::string_view text, std::size_t min, std::size_t max,
                        const char* key, const char* what) {
  const std::size_t n = utf8_length(text);
  if (n == std::string_view::npos || has_control(text)) {
    return make_error(ErrorCode::kInvalidInput, key, std::string(what) + " contains invalid characters");
  }
  const bool blank = text.find_first_not_of(' ') == std::string_view::npos;
  if (n < min || (min > 0 && blank)) {
    return make_error(ErrorCode::kInvalidInput, key, std::string(what) + " must not be empty");
  }
  if (n > max) {
    return make_error(ErrorCode::kInvalidInput, key,
                      std::string(what) + " is longer than " + std::to_string(max) + " characters");
  }
  return {};
}

}  // namespace

std::size_t utf8_length(std::string_view s) {
  return core::utf8_valid(s) ? core::utf8_length(s) : std::string_view::npos;
}

core::Status validate_slug(std::string_view slug) {
  const bool ok = slug.size() >= 2 && slug.size() <= 40 &&
                  std::all_of(slug.begin(), slug.end(), is_slug_char) && slug.front() != '-' &&
                  slug.back() != '-';
  if (ok) return {};
  return make_error(ErrorCode::kInvalidInput, "error.org.slug_invalid",
                    "org slug must be 2 to 40 characters a-z, 0-9 and '-', not starting or "
                    "ending with '-': '" + std::string(slug.substr(0, 60)) + "'");
}

core::Status validate_org_name(std::string_view name) {
  return check_text(name, 1, kMaxOrgNameChars, "error.org.name_invalid", "org name");
}

core::Status validate_user_name(std::string_view name) {
  return check_text(name, 0, kMaxUserNameChars, "error.user.name_invalid", "user name");
}

core::Status validate_token_name(std::string_view name) {
  return check_text(name, 0, kMaxTokenNameChars, "error.token.name_invalid", "token name");
}

core::Status validate_lang(std::string_view lang) {
  if (lang.empty() || lang == "de" || lang == "en") return {};
  return make_error(ErrorCode::kInvalidInput, "error.user.lang_invalid",
                    "language must be de or en");
}

core::Status validate_time_zone(std::string_view zone) {
  if (is_time_zone(zone)) return {};
  return make_error(ErrorCode::kInvalidInput, "error.org.time_zone_invalid",
                    "time_zone: not a time zone id such as Europe/Berlin");
}

core::Result<std::string> normalize_email(std::string_view email) {
  while (!email.empty() && (email.front() == ' ' || email.front() == '\t')) email.remove_prefix(1);
  while (!email.empty() && (email.back() == ' ' || email.back() == '\t')) email.remove_suffix(1);
  std::string out(email);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; });
  const auto at = out.find('@');
  const bool ok = !out.empty() && out.size() <= kMaxEmailBytes && at != std::string::npos &&
                  at > 0 && at + 1 < out.size() && out.find('@', at + 1) == std::string::npos &&
                  out.find(' ') == std::string::npos && !has_control(out) &&
                  utf8_length(out) != std::string_view::npos;
  if (!ok) {
    return make_error(ErrorCode::kInvalidInput, "error.user.email_invalid",
                      "not a valid e-mail address: '" + out.substr(0, 80) + "'");
  }
  return out;
}

}  // namespace solipraxis::store
