// CSRF protection by synchroniser token: every sign-in session has one random
// token (LoginSession::csrf_token). Forms send it as the hidden field
// `csrf_token`, scripts send it as the header `X-CSRF-Token`. A state-changing
// request made with a session cookie must carry it; Bearer-token API calls need
// not, since browsers never attach those on their own. Comparison is constant-time.
#pragma once

#include <string>
#include <string_view>

#include "web/http.h"
#include "web/router.h"  // is_state_changing: GET, HEAD and OPTIONS are safe

namespace solipraxis::web::auth {

inline constexpr const char* kCsrfField = "csrf_token";
inline constexpr const char* kCsrfHeader = "X-CSRF-Token";

// The token the request carries: the header first, else the form field of an
// application/x-www-form-urlencoded body. "" when neither is there.
std::string submitted_csrf_token(const Request& req);

// True for a form post (application/x-www-form-urlencoded) whose body cannot
// be decoded (bad percent escapes, invalid UTF-8, control characters): such a
// request gets 400, not the "form expired" answer of a missing token.
bool unreadable_form(const Request& req);

// True when `given` equals the non-empty `expected`, in constant time.
bool csrf_matches(std::string_view expected, std::string_view given);

}  // namespace solipraxis::web::auth
