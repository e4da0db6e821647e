// JSON helpers for API handlers. Responses: Response::json(value) and the
// error shape via error_response() (page.h). Requests: parse_json_body().
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "web/http.h"

namespace solipraxis::web {

// The body as JSON. invalid_input (-> 400) on malformed JSON; an error with key
// "error.http.unsupported_media_type" when Content-Type is not application/json
// (status 415 via json_body_status()).
core::Result<nlohmann::json> parse_json_body(const Request& req);
// 415 for the media-type error of parse_json_body, else http_status(error.code).
int json_body_status(const core::Error& error);

// A list page in the API shape {"items":[...],"next":"..."} ("next" null at the end).
nlohmann::json list_json(nlohmann::json items, const std::string& next);

}  // namespace solipraxis::web
