#include "core/password.h"

#include <string>

#include "core/text_field.h"

namespace solipraxis::core {

Status check_password(std::string_view password) {
  if (!utf8_valid(password)) {
    return make_error(ErrorCode::kInvalidInput, "auth.password.invalid",
                      "the password is not valid UTF-8");
  }
  if (utf8_length(password) < kMinPasswordChars) {
    return make_error(ErrorCode::kInvalidInput, "auth.password.too_short",
                      "the password needs at least " + std::to_string(kMinPasswordChars) +
                          " characters");
  }
  if (password.size() > kMaxPasswordBytes) {
    return make_error(ErrorCode::kInvalidInput, "auth.password.too_long",
                      "the password is longer than " + std::to_string(kMaxPasswordBytes) +
                          " bytes");
  }
  return ok_status();
}

}  // namespace solipraxis::core
