// The rule for new passwords, the same for the account page and invitations:
// 10 to 1024 bytes (long passphrases welcome), typed twice the same.
#pragma once

#include <cstddef>
#include <string_view>

#include "core/result.h"

namespace solipraxis::web::auth {

inline constexpr std::size_t kMinPasswordChars = 10;
inline constexpr std::size_t kMaxPasswordBytes = 1024;

// invalid_input with key auth.password.too_short / too_long / mismatch.
core::Status check_new_password(std::string_view password, std::string_view repeat);

}  // namespace solipraxis::web::auth
