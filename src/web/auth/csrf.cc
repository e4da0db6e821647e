#include "web/auth/csrf.h"

#include <sodium.h>

namespace solipraxis::web::auth {

namespace {
bool is_form(const Request& req) {
  const std::string type = req.header("Content-Type");
  return type.starts_with("application/x-www-form-urlencoded");
}
}  // namespace

std::string submitted_csrf_token(const Request& req) {
  if (auto h = req.headers.get(kCsrfHeader)) return std::string(*h);
  if (!is_form(req)) return {};
  auto form = parse_form(req.body);
  if (!form) return {};
  return form->value(kCsrfField);
}

bool unreadable_form(const Request& req) { return is_form(req) && !parse_form(req.body); }

bool csrf_matches(std::string_view expected, std::string_view given) {
  if (expected.empty() || expected.size() != given.size()) return false;
  return sodium_memcmp(expected.data(), given.data(), expected.size()) == 0;
}

}  // namespace solipraxis::web::auth
