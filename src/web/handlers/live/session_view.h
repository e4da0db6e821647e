// What the facilitator's pages share: the session of the request (member
// access checked), its URLs, and the store's events as a stream's backlog.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "store/live.h"
#include "web/app.h"
#include "web/auth/auth.h"
#include "web/http.h"
#include "web/live_stream.h"

namespace solipraxis::web::handlers::live {

struct SessionAccess {
  std::optional<auth::Membership> member;
  store::LiveSession session;
  Params form;      // the posted form, when asked for
  Response denial;  // set when member is empty
};
// The member and the session {id} of /o/{org}/sessions/{id}/...; `with_form`:
// also the posted form (a body that is no form is a 400).
SessionAccess load_session(auth::Auth& auth, const Request& req, bool with_form = false);

std::string sessions_url(const auth::Membership& m);
std::string session_url(const auth::Membership& m, std::int64_t id);
// The absolute join link of a code (for the QR code and to read aloud).
std::string join_url(auth::Auth& auth, const Request& req, const std::string& code);

// A new session of `kind` ("retro", "workshop") on the org's tools, with the
// catalog method's steps in the request's language and a title naming the
// tools. Errors: live.error.kind_invalid, retro_one_tool, workshop_tools,
// tools.error.not_found, error.catalog.unavailable.
core::Result<store::NewLiveSession> prepare_session(Services& s, const Request& req,
                                                    const auth::Membership& m,
                                                    std::string_view kind,
                                                    const std::vector<std::int64_t>& tool_ids);

// The store's events of a session as the live stream's backlog (web/live_stream.h).
EventBacklog store_backlog(Services& s, store::OrgId org, std::int64_t session);

}  // namespace solipraxis::web::handlers::live
