// The new-password check of the account page and invitations: the rule of
// core/password.h, and the password typed twice the same.
#pragma once

#include <string_view>

#include "core/result.h"

namespace solipraxis::web::auth {

// invalid_input with key auth.password.invalid / too_short / too_long / mismatch.
core::Status check_new_password(std::string_view password, std::string_view repeat);

}  // namespace solipraxis::web::auth
