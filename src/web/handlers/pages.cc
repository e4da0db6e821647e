#include "web/handlers/pages.h"

#include "web/page.h"

namespace solipraxis::web::handlers {

Response home_page(Services& s, Request& req) {
  return render(s, req, "pages/home", {{"title", tr(s, req, "home.title")}});
}

Response switch_language(Services& s, Request& req) {
  const std::string to = req.query.value("to");
  if (!s.i18n.supports(to)) return error_response(s, req, 400, "error.lang.unsupported");
  const std::string back = req.query.value("back", "/");
  Response res = Response::redirect(is_local_path(back) ? percent_encode_unsafe(back) : "/");
  CookieOptions cookie;
  cookie.max_age = 365L * 24 * 3600;
  res.set_cookie(kLangCookie, to, cookie);
  // Later (auth): a signed-in person's setting is stored too (store.set_user_lang).
  return res;
}

}  // namespace solipraxis::web::handlers
