#include "store/paging.h"

#include <charconv>

namespace solipraxis::store {

int page_limit(const PageRequest& page) { return std::clamp(page.limit, 1, kPageLimitMax); }

Result<std::int64_t> page_after(const PageRequest& page) {
  std::int64_t after = 0;
  const std::string& cursor = page.cursor;
  if (cursor.empty()) return after;
  const char* end = cursor.data() + cursor.size();
  auto [p, ec] = std::from_chars(cursor.data(), end, after);
  if (ec != std::errc{} || p != end || after <= 0) {
    return core::make_error(core::ErrorCode::kInvalidInput, "error.page.cursor_invalid",
                            "invalid cursor");
  }
  return after;
}

}  // namespace solipraxis::store
