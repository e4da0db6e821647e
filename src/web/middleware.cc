#include "web/middleware.h"

namespace solipraxis::web {

namespace {

// The language a re-submitted form asks for, "" if none (or not supported).
std::string switched_language(const Services& s, const Request& req) {
  if (req.method != "POST" ||
      !req.header("Content-Type").starts_with("application/x-www-form-urlencoded")) {
    return {};
  }
  auto form = parse_form(req.body);
  if (!form) return {};
  std::string to = form->value(kSwitchLangField);
  return s.i18n.supports(to) ? to : std::string();
}

}  // namespace

std::optional<Response> negotiate_language_hook(const Services& s, Request& req) {
  if (std::string to = switched_language(s, req); !to.empty()) {
    req.lang = std::move(to);
    req.language_switch = true;
    return std::nullopt;
  }
  req.lang = negotiate_language(s.i18n, req.user_lang, req.cookie(kLangCookie),
                                req.header("Accept-Language"));
  return std::nullopt;
}

void set_language_cookie(Response& res, const std::string& lang) {
  CookieOptions cookie;
  cookie.max_age = 365L * 24 * 3600;
  res.set_cookie(kLangCookie, lang, cookie);
}

void remember_language_hook(const Request& req, Response& res) {
  if (req.language_switch) set_language_cookie(res, req.lang);
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
