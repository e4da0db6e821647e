#include "store/validation.h"

#include <algorithm>

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
  std::size_t count = 0;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = 0;
    std::uint32_t cp = 0;
    if (c < 0x80) { len = 1; cp = c; }
    else if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; }
    else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; }
    else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; }
    else return std::string_view::npos;
    if (i + len > s.size()) return std::string_view::npos;
    for (std::size_t k = 1; k < len; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return std::string_view::npos;
      cp = (cp << 6) | (cc & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
      return std::string_view::npos;
    }
    i += len;
    ++count;
  }
  return count;
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
