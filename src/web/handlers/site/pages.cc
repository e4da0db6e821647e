#include "web/handlers/site/pages.h"

#include "web/middleware.h"
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
  set_language_cookie(res, to);  // for a signed-in person too: the cookie wins over the setting
  return res;
}

}  // namespace solipraxis::web::handlers
