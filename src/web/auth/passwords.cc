#include "web/auth/passwords.h"

#include "core/password.h"

namespace solipraxis::web::auth {

core::Status check_new_password(std::string_view password, std::string_view repeat) {
  if (auto st = core::check_password(password); !st) return st;
  if (password != repeat) {
    return core::make_error(core::ErrorCode::kInvalidInput, "auth.password.mismatch",
                            "the two passwords differ");
  }
  return core::ok_status();
}

}  // namespace solipraxis::web::auth
