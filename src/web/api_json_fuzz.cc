// libFuzzer target: any bytes as the JSON body of every API route that takes
// one (POST, PUT, PATCH under /api/, read from the router itself, so a route
// added later is fuzzed too), sent by the org's owner with an API token. The
// first byte picks the route, the rest is the body. Never a crash, never a 5xx,
// and an error is the API shape {"error":{"code","message"}}. The store starts
// over every few thousand runs, so what the fuzzer created cannot pile up.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "web/fuzz_site.h"

using namespace solipraxis::web;

namespace {

const fuzz::Routes& targets() {
  static const auto all = fuzz::body_routes(fuzz::site().app().router(), /*api=*/true);
  return all;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  targets();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  Request req = fuzz::route_request(targets(), data[0]);
  req.headers.add("Content-Type", (data[0] & 0x80) ? "application/json; charset=utf-8" : "application/json");
  req.headers.add("Authorization", "Bearer " + fuzz::site().token());
  req.body.assign(reinterpret_cast<const char*>(data) + 1, size - 1);
  const Response res = fuzz::site().app().handle(req);
  if (res.status < 200 || res.status >= 500) std::abort();
  if (res.status >= 400) {
    const auto body = nlohmann::json::parse(res.body, nullptr, false);
    if (!body.is_object() || !body["error"]["code"].is_string() ||
        !body["error"]["message"].is_string())
      std::abort();
  }
  return 0;
}
