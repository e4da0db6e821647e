#include "web/handlers/common/paging.h"

#include "store/paging.h"
#include "web/handlers/common/params.h"

namespace solipraxis::web::handlers {

core::Result<store::PageRequest> page_request(const Request& req) {
  store::PageRequest page;
  if (const std::string l = req.query.value("limit"); !l.empty()) {
    const auto limit = parse_id(l);
    if (!limit || *limit > store::kPageLimitMax) {
      return core::make_error(core::ErrorCode::kInvalidInput, "error.http.bad_request",
                              "limit: 1 to 200");
    }
    page.limit = static_cast<int>(*limit);
  }
  page.cursor = req.query.value("cursor");
  return page;
}

}  // namespace solipraxis::web::handlers
