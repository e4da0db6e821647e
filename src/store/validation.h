// Input rules for accounts and organisations, checked by the Store before any
// write (so every caller, web, API or CLI, gets the same answer). Each failure
// is kInvalidInput with an i18n key ("error.org.slug_invalid", ...).
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace solipraxis::store {

inline constexpr std::size_t kMaxOrgNameChars = 100;
inline constexpr std::size_t kMaxUserNameChars = 100;
inline constexpr std::size_t kMaxEmailBytes = 254;
inline constexpr std::size_t kMaxTokenNameChars = 100;

// [a-z0-9-]{2,40}, starting and ending with a letter or digit.
core::Status validate_slug(std::string_view slug);
// 1..100 Unicode characters of valid UTF-8, not only spaces, no control characters.
core::Status validate_org_name(std::string_view name);
// 0..100 characters, valid UTF-8, no control characters.
core::Status validate_user_name(std::string_view name);
// "", "de" or "en".
core::Status validate_lang(std::string_view lang);
// A zone id ICU knows (is_time_zone, store/time_zone.h), e.g. "Europe/Berlin",
// "America/Port-au-Prince", "Etc/GMT+1". Key "error.org.time_zone_invalid".
core::Status validate_time_zone(std::string_view zone);
// 0..100 characters, valid UTF-8, no control characters.
core::Status validate_token_name(std::string_view name);
// Trims, lower-cases ASCII letters and checks the shape local@domain.
// The result is how e-mails are stored and looked up (case-insensitive match).
core::Result<std::string> normalize_email(std::string_view email);

// Number of code points if `text` is valid UTF-8, else npos.
std::size_t utf8_length(std::string_view text);

}  // namespace solipraxis::store
