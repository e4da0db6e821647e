// The facilitator's shared pieces: see session_view.h.
#include "web/handlers/live/session_view.h"

#include "live/bus.h"
#include "store/live.h"
#include "store/store.h"
#include "web/handlers/common/params.h"
#include "web/page.h"
#include "web/handlers/public/public_register.h"

namespace solipraxis::web::handlers::live {



SessionAccess load_session(auth::Auth& auth, const Request& req, bool with_form) {
  SessionAccess out;
  Services& s = auth.services();
  auto m = auth.require_member(req, req.param("org"));
  if (!m) {
    out.denial = m.response();
    return out;
  }
  if (with_form) {
    auto form = parse_form(req.body);
    if (!form) {
      out.denial = error_response(s, req, 400, "error.http.bad_request");
      return out;
    }
    out.form = std::move(*form);
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

EventBacklog store_backlog(Services& s, store::OrgId org, std::int64_t session) {
  return [&s, org, session](std::int64_t after) -> core::Result<std::vector<::solipraxis::live::Event>> {
    // All of it, page by page: a cut backlog would make the stream jump past events.
    constexpr int kPage = 5000;
    std::vector<::solipraxis::live::Event> out;
    for (;;) {
      auto events = s.store.live().events(org, session, after, kPage);
      if (!events) return events.error();
      for (auto& e : *events) out.push_back({e.id, e.session, std::move(e.type), std::move(e.data)});
      if (events->size() < static_cast<std::size_t>(kPage)) return out;
      after = out.back().id;
    }
  };
}

}  // namespace solipraxis::web::handlers::live
