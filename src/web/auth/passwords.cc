#include "web/auth/passwords.h"

#include "store/validation.h"

namespace solipraxis::web::auth {

core::Status check_new_password(std::string_view password, std::string_view repeat) {
  using core::ErrorCode;
  if (password.size() > kMaxPasswordBytes) {
    return core::make_error(ErrorCode::kInvalidInput, "auth.password.too_long", "password too long");
  }
  const std::size_t chars = store::utf8_length(password);
  if (chars == std::string_view::npos || chars < kMinPasswordChars) {
    return core::make_error(ErrorCode::kInvalidInput, "auth.password.too_short",
                            "password shorter than 10 characters");
  }
  if (password != repeat) {
    return core::make_error(ErrorCode::kInvalidInput, "auth.password.mismatch",
                            "the two passwords differ");
  }
  return core::ok_status();
}

}  // namespace solipraxis::web::auth
