#include "web/json.h"

namespace solipraxis::web {

namespace {
constexpr const char* kUnsupportedMediaType = "error.http.unsupported_media_type";
}

core::Result<nlohmann::json> parse_json_body(const Request& req) {
  std::string_view type = req.headers.get("Content-Type").value_or("");
  type = type.substr(0, type.find(';'));
  while (!type.empty() && type.back() == ' ') type.remove_suffix(1);
  if (type != "application/json") {
    return core::make_error(core::ErrorCode::kInvalidInput, kUnsupportedMediaType,
                            "Content-Type must be application/json");
  }
  auto doc = nlohmann::json::parse(req.body, nullptr, false);
  if (doc.is_discarded()) {
    return core::make_error(core::ErrorCode::kInvalidInput, "error.http.bad_json",
                            "the body is not valid JSON");
  }
  return doc;
}

int json_body_status(const core::Error& error) {
  return error.key == kUnsupportedMediaType ? 415 : http_status(error.code);
}

nlohmann::json list_json(nlohmann::json items, const std::string& next) {
  return {{"items", std::move(items)},
          {"next", next.empty() ? nlohmann::json(nullptr) : nlohmann::json(next)}};
}

}  // namespace solipraxis::web
