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

// Largest text the Prompt-Werkstatt page checks (bytes): a prompt pasted into
// a form. A check is CPU work for the server.
inline constexpr std::size_t kMaxCheckBytes = 100 * 1024;

// Largest text POST /api/v1/check takes (bytes): 1000 KB, so that a program can
// send a 1 MB document (checked in about 20-40 ms of CPU, bench/README.md). It
// fits the server's body limit (1 MiB by default, --max-body) with room for the
// JSON around it; a body over that limit is refused with 413 as well. The cap on
// findings per answer and the two checks at once bound what it costs.
inline constexpr std::size_t kMaxApiCheckBytes = 1000 * 1024;

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

// check_text with a size limit: kTooLarge "error.check.too_large" above
// `max_bytes`; kInvalidInput "error.check.invalid_utf8" naming the offset.
core::Result<text::CheckReport> run_check(std::string_view input,
                                          const text::CheckOptions& options,
                                          std::size_t max_bytes);

// The message of a checker error in the request's language, with the limit
// (`max_bytes`, in KB) and the byte offset of invalid UTF-8 filled in.
std::string check_error_message(const Services& s, const Request& req, const core::Error& e,
                                std::size_t max_bytes);

// The byte offset named in an "error.check.invalid_utf8" error, if any.
std::optional<std::size_t> invalid_utf8_offset(const core::Error& e);

// An error for invalid UTF-8 at `offset` (for bodies that never reach the checker).
core::Error invalid_utf8_error(std::size_t offset);

}  // namespace solipraxis::web::handlers
