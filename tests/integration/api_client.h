// A JSON API client for HTTP tests: one caller with a Bearer token (or none),
// speaking English, over the loopback socket of http_client.h. Bodies that are
// not JSON leave `body` discarded and keep `raw`.
#pragma once

#include <utility>

#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "http_client.h"
#include "web/router.h"

namespace solipraxis::web {

struct ApiResponse {
  int status = 0;
  nlohmann::json body;
  std::string raw;
};

class Api {
 public:
  Api(std::uint16_t port, std::string token) : port_(port), token_(std::move(token)) {}
  ApiResponse send(std::string_view method, const std::string& target,
                   const nlohmann::json* body = nullptr) {
    std::string extra = "Accept-Language: en\r\n";
    if (!token_.empty()) extra += "Authorization: Bearer " + token_ + "\r\n";
    std::string payload;
    if (body) {
      extra += "Content-Type: application/json\r\n";
      payload = body->dump();
    }
    auto r = testing::request(port_, method, target, extra, payload);
    EXPECT_TRUE(r) << method << " " << target;
    ApiResponse out;
    if (!r) return out;
    out.status = r->status;
    out.raw = r->body;
    out.body = nlohmann::json::parse(r->body, nullptr, false);
    return out;
  }
  ApiResponse get(const std::string& t) { return send("GET", t); }
  ApiResponse post(const std::string& t, const nlohmann::json& b) { return send("POST", t, &b); }
  ApiResponse patch(const std::string& t, const nlohmann::json& b) { return send("PATCH", t, &b); }
  ApiResponse put(const std::string& t, const nlohmann::json& b) { return send("PUT", t, &b); }
  ApiResponse del(const std::string& t) { return send("DELETE", t); }

 private:
  std::uint16_t port_;
  std::string token_;
};

// The API routes of `router` whose pattern contains `part`, each as "METHOD
// /pattern": those the served /api/openapi.json describes and those it does not.
struct OpenApiCoverage {
  std::vector<std::string> documented, missing;
};
inline OpenApiCoverage openapi_coverage(std::uint16_t port, const Router& router,
                                        std::string_view part) {
  OpenApiCoverage out;
  auto spec = testing::get(port, "/api/openapi.json");
  EXPECT_TRUE(spec);
  if (!spec) return out;
  const nlohmann::json paths = nlohmann::json::parse(spec->body)["paths"];
  for (const auto& route : router.routes()) {
    if (!route.pattern.starts_with("/api/") || route.pattern.find(part) == std::string::npos) continue;
    std::string method = route.method;
    for (auto& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const bool described = paths.contains(route.pattern) && paths[route.pattern].contains(method);
    (described ? out.documented : out.missing).push_back(route.method + " " + route.pattern);
  }
  return out;
}

}  // namespace solipraxis::web
