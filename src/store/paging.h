// Keyset pages over lists ordered by a positive integer id, the one cursor
// format of the Store: `next` is the last id of the page, in decimal. Used by
// the SQL lists and for short lists a caller pages in memory (a tool's
// decisions, an org's red lines), so limits, cursors and errors are the same
// everywhere: limit clamped to [1, 200], a malformed cursor is kInvalidInput
// "error.page.cursor_invalid", and `next` is empty exactly on the last page.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "store/common.h"

namespace solipraxis::store {

// Keyset pagination: `cursor` is opaque to callers; an empty `next` means the end.
struct PageRequest {
  int limit = 50;  // clamped to [1, 200]
  std::string cursor;
};
template <typename T>
struct Page {
  std::vector<T> items;
  std::string next;
};

inline constexpr int kPageLimitMax = 200;

// page.limit clamped to [1, kPageLimitMax].
int page_limit(const PageRequest& page);

// The id the page starts after: 0 for the first page (empty cursor).
Result<std::int64_t> page_after(const PageRequest& page);

// A page of `rows`, which hold the items after the cursor in id order, at
// least the first limit + 1 of them (more are dropped): the first `limit`
// items, and `next` = the last one's id if more follow.
template <typename T, typename IdOf>
Page<T> take_page(std::vector<T> rows, int limit, IdOf id_of) {
  Page<T> out;
  const auto n = static_cast<std::size_t>(limit);
  if (rows.size() > n) {
    rows.resize(n);
    out.next = std::to_string(id_of(rows.back()));
  }
  out.items = std::move(rows);
  return out;
}

// One page of `all` in the caller's order (a tool's decisions come by day,
// then id, so not always by id): the items after the one the cursor names. A
// cursor whose item is gone meanwhile falls back to "ids above it", which is
// right for lists in id order.
template <typename T, typename IdOf>
Result<Page<T>> page_of(std::vector<T> all, const PageRequest& page, IdOf id_of) {
  auto after = page_after(page);
  if (!after) return after.error();
  if (*after > 0) {
    auto at = std::find_if(all.begin(), all.end(),
                           [&](const T& item) { return id_of(item) == *after; });
    if (at != all.end()) {
      all.erase(all.begin(), at + 1);
    } else {
      std::erase_if(all, [&](const T& item) { return id_of(item) <= *after; });
    }
  }
  return take_page(std::move(all), page_limit(page), id_of);
}

}  // namespace solipraxis::store
