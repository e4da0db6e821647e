// Our HTTP vocabulary: Request, Response and their small helpers. Handlers see
// only these types, never Boost.Beast. The server (server.h) fills a Request
// whose path and query are already percent-decoded, valid UTF-8 and free of
// control characters; anything else was answered with 400 before routing.
//
// Extension points for later areas:
// - Request::lang / user_lang / csrf_token are filled by middleware (see app.h).
// - Response::stream is the hook for long-lived bodies (Server-Sent Events):
//   see StreamBody below.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/result.h"

namespace solipraxis::web {

namespace auth {
struct Principal;  // web/auth/auth.h
}

// Header fields in arrival order; names compare ASCII case-insensitively.
class Headers {
 public:
  // The first value of `name`, or nullopt.
  std::optional<std::string_view> get(std::string_view name) const;
  std::string value(std::string_view name) const;  // "" when absent
  bool has(std::string_view name) const { return get(name).has_value(); }
  void set(std::string_view name, std::string_view value);  // replaces all values
  void add(std::string_view name, std::string_view value);  // keeps others (Set-Cookie)
  void erase(std::string_view name);
  auto begin() const { return fields_.begin(); }
  auto end() const { return fields_.end(); }
  std::size_t size() const { return fields_.size(); }

 private:
  std::vector<std::pair<std::string, std::string>> fields_;
};

// Decoded name/value pairs of a query string or an urlencoded form, in order.
class Params {
 public:
  std::optional<std::string_view> get(std::string_view name) const;
  std::string value(std::string_view name, std::string_view fallback = "") const;
  std::vector<std::string> all(std::string_view name) const;  // checkboxes, multi-selects
  bool has(std::string_view name) const { return get(name).has_value(); }
  void add(std::string name, std::string value);
  auto begin() const { return items_.begin(); }
  auto end() const { return items_.end(); }
  bool empty() const { return items_.empty(); }

 private:
  std::vector<std::pair<std::string, std::string>> items_;
};

struct Request {
  std::string method;       // upper case as sent: "GET", "POST", ...
  std::string target;       // raw request target, e.g. "/o/acme/tools?limit=5"
  std::string path;         // decoded path, e.g. "/o/acme/tools"
  Params query;             // decoded query parameters
  Headers headers;
  std::string body;         // at most ServerOptions::max_body bytes
  std::map<std::string, std::string, std::less<>> params;   // path parameters, e.g. {"org","acme"}
  std::map<std::string, std::string, std::less<>> cookies;  // from the Cookie header
  std::string remote_addr;  // peer IP address

  // Filled by middleware before the handler runs.
  std::string lang = "de";  // negotiated UI language ("de" or "en")
  std::string user_lang;    // the signed-in user's setting ("" = none); set by the session middleware
  std::string csrf_token;   // token for forms of this request's session ("" = no session yet)
  // A form re-submitted by the language switch of a page that answered a POST
  // (field kSwitchLangField, see page.h): show the answer again in `lang`, but
  // a handler whose POST writes or counts something must not do it twice.
  bool language_switch = false;
  // Who is calling (session or API token); null when anonymous. Set by the auth
  // middleware; read it through web/auth/auth.h (Auth::principal, require_member).
  std::shared_ptr<const auth::Principal> principal;

  // Convenience accessors; "" when absent.
  std::string param(std::string_view name) const;
  std::string cookie(std::string_view name) const;
  std::string header(std::string_view name) const { return headers.value(name); }
  bool is_api() const;  // path under /api/: errors are JSON, never HTML
};

// A long-lived response body, e.g. Server-Sent Events (web/live_stream.h). The server
// writes the status line and headers, then repeatedly calls poll(): a string
// is written to the client at once ("" = nothing ready), nullopt ends the
// response. When poll() returns "", the server waits until the producer calls
// the waker it got from set_waker(), or until keepalive() passes (then it writes
// the comment ": keepalive"), then polls again. poll() runs on the network thread: it must not block.
class StreamBody {
 public:
  virtual ~StreamBody() = default;
  virtual std::optional<std::string> poll() = 0;
  virtual void set_waker(std::function<void()> waker) = 0;  // thread-safe to call the waker
  virtual int keepalive_seconds() const { return 15; }
};

struct CookieOptions {
  std::string path = "/";
  std::optional<long> max_age;  // seconds; nullopt = session cookie, 0 = delete
  bool http_only = true;
  bool secure = false;           // set when served over TLS (see the reverse proxy docs)
  std::string same_site = "Lax";
};

struct Response {
  int status = 200;
  Headers headers;
  std::string body;
  std::shared_ptr<StreamBody> stream;  // non-null: a streaming response, body is ignored

  static Response html(std::string body, int status = 200);
  static Response text(std::string body, int status = 200);
  static Response json(const nlohmann::json& value, int status = 200);
  // 303 See Other by default: the right answer to a POST form.
  static Response redirect(std::string_view location, int status = 303);
  // The API error shape {"error":{"code":"...","message":"..."}}.
  static Response error(int status, std::string_view code, std::string_view message);

  void set_cookie(std::string_view name, std::string_view value, const CookieOptions& opts = {});
};

// The HTTP status for an expected failure (core::ErrorCode -> 400/404/409/...).
int http_status(core::ErrorCode code);
const char* reason_phrase(int status);

// --- parsing helpers (also used by the server) ---

// Decodes %XX escapes (and '+' as space when `plus_is_space`). nullopt on a bad
// escape, invalid UTF-8 or a control character (U+0000-U+001F, U+007F).
std::optional<std::string> percent_decode(std::string_view in, bool plus_is_space);
// Parses "a=1&b=x+y" (query strings and application/x-www-form-urlencoded bodies).
// nullopt when any part fails to decode.
std::optional<Params> parse_urlencoded(std::string_view in);
// The same for a form body: values may also hold line breaks and tabs (a
// <textarea> sends CR LF). Use it for every POSTed form.
std::optional<Params> parse_form(std::string_view body);
// Parses a Cookie header; malformed pairs are skipped.
std::map<std::string, std::string, std::less<>> parse_cookies(std::string_view header);
std::string percent_encode(std::string_view in);  // for building query strings and links
// Encodes only what may not appear in a URL (space, non-ASCII, "<>\^`{|}), keeping
// an already-encoded target such as "/a?b=c%20d" unchanged.
std::string percent_encode_unsafe(std::string_view in);

// True when `target` is a safe local redirect target: starts with a single '/',
// no "//" or "/\\" prefix, no scheme, no control characters.
bool is_local_path(std::string_view target);

}  // namespace solipraxis::web
