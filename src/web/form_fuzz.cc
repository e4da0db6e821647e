// libFuzzer target: form and query decoding. Any bytes through percent_decode,
// parse_urlencoded, parse_form and parse_cookies: what comes out is valid UTF-8
// without control characters (a form keeps tabs and line breaks), encoding a
// decoded value and decoding it again gives it back, and is_local_path never
// lets a redirect leave the site. Then the same bytes as the body of every form
// post of the site (routes outside /api/ that are not GET, read from the
// router; the first byte picks one), signed in as the owner with the right
// CSRF token: never a crash, never a 5xx.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "text/utf8.h"
#include "web/fuzz_site.h"
#include "web/handlers/common/params.h"

using namespace solipraxis::web;

namespace {

const fuzz::Routes& targets() {
  static const auto all = fuzz::body_routes(fuzz::site().app().router(), /*api=*/false, {"/logout"});
  return all;
}

void require(bool ok) {
  if (!ok) std::abort();
}

bool clean(std::string_view s, bool form) {
  if (solipraxis::text::find_invalid_utf8(s)) return false;
  for (unsigned char c : s) {
    if (c == 0x7f) return false;
    if (c < 0x20 && !(form && (c == '\t' || c == '\n' || c == '\r'))) return false;
  }
  return true;
}

void check_decoding(std::string_view in) {
  for (bool plus : {false, true}) {
    if (auto d = percent_decode(in, plus)) require(clean(*d, false));
  }
  if (auto q = parse_urlencoded(in)) {
    for (const auto& [k, v] : *q) {
      require(clean(k, false) && clean(v, false));
      auto again = parse_urlencoded("k=" + percent_encode(v));
      require(again && again->value("k") == v);
    }
  }
  if (auto f = parse_form(in)) {
    for (const auto& [k, v] : *f) {
      require(clean(v, true));
      auto again = parse_form(percent_encode(k) + "=" + percent_encode(v));
      require(again && again->value(k) == v);
    }
  }
  (void)parse_cookies(in);
  (void)percent_encode_unsafe(in);
  if (is_local_path(in)) {
    require(in.starts_with("/") && !in.starts_with("//") && !in.starts_with("/\\"));
  }
  if (auto id = handlers::parse_id(in)) require(*id > 0);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  targets();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view body(reinterpret_cast<const char*>(data) + 1, size - 1);
  check_decoding(body);

  Request req = fuzz::route_request(targets(), data[0]);
  req.headers.add("Content-Type", "application/x-www-form-urlencoded");
  req.cookies[auth::kSessionCookie] = fuzz::site().session_cookie();
  std::string form(body);
  if (!(data[0] & 0x80)) form += "&csrf_token=" + fuzz::site().csrf_token();  // else: the 403 path
  req.body = std::move(form);
  const Response res = fuzz::site().app().handle(req);
  require(res.status >= 200 && res.status < 500);
  return 0;
}
