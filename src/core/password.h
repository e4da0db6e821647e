// The rule for new passwords, one for every way in (CLI, account page,
// invitation): 10 to 1024 bytes of valid UTF-8, counted in code points for the
// minimum, so long passphrases are welcome and short ones are refused.
#pragma once

#include <cstddef>
#include <string_view>

#include "core/result.h"

namespace solipraxis::core {

inline constexpr std::size_t kMinPasswordChars = 10;
inline constexpr std::size_t kMaxPasswordBytes = 1024;

// kInvalidInput with key auth.password.invalid (malformed UTF-8),
// auth.password.too_short or auth.password.too_long; the detail is English.
Status check_password(std::string_view password);

}  // namespace solipraxis::core
