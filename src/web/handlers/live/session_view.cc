// The facilitator's shared pieces: see session_view.h.
#include "web/handlers/live/session_view.h"

#include "store/live.h"
#include "store/store.h"
#include "web/handlers/common/params.h"
#include "web/page.h"
#include "web/handlers/public/public_register.h"

namespace solipraxis::web::handlers::live {



SessionAccess load_session(auth::Auth& auth, const Request& req) {
  SessionAccess out;
  Services& s = auth.services();
  auto m = auth.require_member(req, req.param("org"));
  if (!m) {
    out.denial = m.response();
    return out;
  }
  const auto id = parse_id(req.param("id"));
  if (!id) {
    out.denial = error_response(s, req, 404, "live.error.not_found");
    return out;
  }
  auto session = s.store.live().session(m->org.id, *id);
  if (!session) {
    out.denial = error_response(s, req, session.error());
    return out;
  }
  out.session = std::move(*session);
  out.member = std::move(*m);
  return out;
}

std::string sessions_url(const auth::Membership& m) { return "/o/" + m.org.slug + "/sessions"; }

std::string session_url(const auth::Membership& m, std::int64_t id) {
  return sessions_url(m) + "/" + std::to_string(id);
}

std::string join_url(auth::Auth& auth, const Request& req, const std::string& code) {
  return handlers::base_url(auth, req) + "/join/" + code;
}

void publish(const Services& s, const store::LiveEvent& event) {
  // Wired to the event bus (live/bus.h) once it lands; until then browsers reload.
  (void)s;
  (void)event;
}

}  // namespace solipraxis::web::handlers::live
