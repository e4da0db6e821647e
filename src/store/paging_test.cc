#include "store/paging.h"

#include <gtest/gtest.h>

#include <numeric>

namespace solipraxis::store {
namespace {

std::int64_t self(std::int64_t v) { return v; }

TEST(Paging, WalksEveryItemOnceAndEndsWithAnEmptyNext) {
  std::vector<std::int64_t> all(7);
  std::iota(all.begin(), all.end(), 10);  // 10..16, ids with gaps before them
  std::vector<std::int64_t> seen;
  PageRequest page{3, ""};
  int pages = 0;
  for (; pages < 10; ++pages) {
    auto p = page_of(all, page, self);
    ASSERT_TRUE(p.has_value());
    EXPECT_LE(p->items.size(), 3u);
    seen.insert(seen.end(), p->items.begin(), p->items.end());
    if (p->next.empty()) break;
    page.cursor = p->next;
  }
  EXPECT_EQ(pages + 1, 3);
  EXPECT_EQ(seen, all);
}

TEST(Paging, TheCursorFollowsTheListsOwnOrder) {
  // Decisions come by day, then id: ids are not ascending.
  const std::vector<std::int64_t> all = {5, 2, 7, 3, 9};
  std::vector<std::int64_t> seen;
  PageRequest page{2, ""};
  for (int i = 0; i < 5; ++i) {
    auto p = page_of(all, page, self);
    ASSERT_TRUE(p.has_value());
    seen.insert(seen.end(), p->items.begin(), p->items.end());
    if (p->next.empty()) break;
    page.cursor = p->next;
  }
  EXPECT_EQ(seen, all);
}

TEST(Paging, AnExactlyFullLastPageHasNoNext) {
  auto p = page_of(std::vector<std::int64_t>{1, 2, 3}, PageRequest{3, ""}, self);
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->items.size(), 3u);
  EXPECT_TRUE(p->next.empty());
  auto after_last = page_of(std::vector<std::int64_t>{1, 2, 3}, PageRequest{3, "3"}, self);
  ASSERT_TRUE(after_last.has_value());
  EXPECT_TRUE(after_last->items.empty());
}

TEST(Paging, LimitIsClampedAndBadCursorsAreInvalidInput) {
  EXPECT_EQ(page_limit(PageRequest{0, ""}), 1);
  EXPECT_EQ(page_limit(PageRequest{1000, ""}), kPageLimitMax);
  for (const char* bad : {"x", "0", "-3", "3a", " 3", "99999999999999999999"}) {
    auto p = page_of(std::vector<std::int64_t>{1, 2}, PageRequest{5, bad}, self);
    ASSERT_FALSE(p.has_value()) << bad;
    EXPECT_EQ(p.error().code, core::ErrorCode::kInvalidInput);
    EXPECT_EQ(p.error().key, "error.page.cursor_invalid");
  }
}

}  // namespace
}  // namespace solipraxis::store
