// Shared by the checker's JSON API (check_api.cc) and the Prompt-Werkstatt page
// (werkstatt.cc): the size limit, check options from an org's saved settings,
// and running the checker so that both answer the same errors with the same
// keys (error.check.too_large, error.check.invalid_utf8 with its byte offset).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "store/checker.h"
#include "text/checker.h"
#include "web/app.h"
#include "web/http.h"

namespace solipraxis::web::handlers {

// Largest text the web checks (bytes). A check is CPU work for the server.
inline constexpr std::size_t kMaxCheckBytes = 100 * 1024;

// Most findings one API answer carries; "truncated" and "findings_total" say
// when there were more (the CLI reports all). Keeps a 100 KB text from
// answering with megabytes of JSON.
inline constexpr std::size_t kMaxApiFindings = 1000;

// Seconds a client is asked to wait (Retry-After) when every check slot is taken.
inline constexpr int kCheckRetryAfter = 2;

// A place among the checks that may run at once (Services::check_limit), or
// nullopt when the checker is at capacity: answer checker_busy() then.
std::optional<WorkLimit::Slot> enter_check(const Services& s);
// 503 "error.check.busy" with Retry-After: the JSON error under /api/, else the error page.
Response checker_busy(const Services& s, const Request& req);

// Options with the org's style, accepted words and flagged terms (the other
// options default).
text::CheckOptions options_for(const store::CheckerSettings& settings);

// check_text with the web's limit: kTooLarge "error.check.too_large" above
// kMaxCheckBytes; kInvalidInput "error.check.invalid_utf8" naming the offset.
core::Result<text::CheckReport> run_check(std::string_view input,
                                          const text::CheckOptions& options);

// The message of a checker error in the request's language, with the byte
// offset filled in for invalid UTF-8 ("{offset}" in the message).
std::string check_error_message(const Services& s, const Request& req, const core::Error& e);

// The byte offset named in an "error.check.invalid_utf8" error, if any.
std::optional<std::size_t> invalid_utf8_offset(const core::Error& e);

// An error for invalid UTF-8 at `offset` (for bodies that never reach the checker).
core::Error invalid_utf8_error(std::size_t offset);

}  // namespace solipraxis::web::handlers
