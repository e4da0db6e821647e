// The API's list paging, one rule for every list route: `?limit=` 1..200
// (default 50) and an opaque `?cursor=` (the `next` of the previous page; the
// store refuses one it did not hand out with kInvalidInput, i.e. 400), and the
// answer {"items":[...],"next":...} (list_json in web/json.h).
#pragma once

#include <utility>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "store/paging.h"
#include "web/http.h"
#include "web/json.h"

namespace solipraxis::web::handlers {

// The page the query asks for; kInvalidInput "error.http.bad_request" (detail
// "limit: 1 to 200") for a limit that is not a whole number in that range.
core::Result<store::PageRequest> page_request(const Request& req);

// A page in the API list shape, each item as `to_json` makes it.
template <typename T, typename ToJson>
Response page_response(const store::Page<T>& page, ToJson to_json) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& item : page.items) items.push_back(to_json(item));
  return Response::json(list_json(std::move(items), page.next));
}

}  // namespace solipraxis::web::handlers
