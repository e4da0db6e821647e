// The sign-in page as a view, shared by the /login handlers and by
// Auth::sign_in_required(): a form with e-mail and password, the target page
// (`next`, a local path only) and, when a POSTed form met an ended session, that
// form's fields as hidden `draft.<name>` inputs. After sign-in the drafts come
// back on a "resume" page that re-submits them to `next` with the new session's
// CSRF token, so nothing typed is lost and nothing is sent without a click.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "web/app.h"
#include "web/http.h"

namespace solipraxis::web::auth {

inline constexpr const char* kDraftPrefix = "draft.";
inline constexpr std::size_t kMaxDraftFields = 100;

struct LoginView {
  std::string next;                // "" = the default landing page
  std::string email;               // refilled after a failed attempt
  std::string error_key;           // shown in an alert, announced to screen readers
  std::string notice_key;          // e.g. "auth.login.session_ended"
  std::int64_t retry_after = 0;    // seconds, for the rate-limit message
  std::vector<std::pair<std::string, std::string>> drafts;  // name (without prefix), value
  int status = 200;
};

// `next` if it is a safe local path, else "".
std::string safe_next(std::string_view next);

// The fields of a form POST worth keeping (not the CSRF token, not passwords).
std::vector<std::pair<std::string, std::string>> draft_fields(const Request& req);
// The draft.* fields of a sign-in form, prefix removed.
std::vector<std::pair<std::string, std::string>> drafts_from_login_form(const Params& form);

Response render_login(const Services& s, const Request& req, const LoginView& view);
// The page that re-submits kept fields to `next` (see the header comment).
Response render_resume(const Services& s, const Request& req, const std::string& next,
                       const std::vector<std::pair<std::string, std::string>>& drafts);

}  // namespace solipraxis::web::auth
