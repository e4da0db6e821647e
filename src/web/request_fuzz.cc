// libFuzzer target: any bytes as one HTTP request to the whole web application,
// parsed as the server parses them (request_parse.h), then routed through the
// middleware and the handlers, anonymously (no session can be guessed, so
// nothing is written). Never a crash, never a 5xx, and every answer carries the
// security headers; a request the parser refuses gets the status it named.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "web/fuzz_site.h"
#include "web/request_parse.h"
#include "web/server.h"

using namespace solipraxis::web;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  fuzz::site();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const ServerOptions limits;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  ParsedRequest parsed = parse_request(bytes, limits.max_header, limits.max_body);
  parsed.req.remote_addr = "192.0.2.1";
  const Response res = parsed.status ? fuzz::site().app().reject(parsed.status, parsed.req)
                                     : fuzz::site().app().handle(parsed.req);
  if (parsed.status && res.status != parsed.status) std::abort();
  if (res.status < 100 || res.status >= 500) std::abort();
  if (!res.headers.has("Content-Security-Policy") || !res.headers.has("X-Content-Type-Options"))
    std::abort();
  return 0;
}
