#include "web/middleware.h"

namespace solipraxis::web {

std::optional<Response> negotiate_language_hook(const Services& s, Request& req) {
  req.lang = negotiate_language(s.i18n, req.user_lang, req.cookie(kLangCookie),
                                req.header("Accept-Language"));
  return std::nullopt;
}

void apply_security_headers(Response& res) {
  res.headers.set("Content-Security-Policy",
                  "default-src 'self'; script-src 'self'; style-src 'self'; "
                  "img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; "
                  "form-action 'self'");
  res.headers.set("X-Content-Type-Options", "nosniff");
  res.headers.set("Referrer-Policy", "same-origin");
  res.headers.set("X-Frame-Options", "DENY");
}

}  // namespace solipraxis::web
