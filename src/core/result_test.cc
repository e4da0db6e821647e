#include "core/result.h"

#include <gtest/gtest.h>

namespace solipraxis::core {
namespace {

Result<int> parse_positive(int v) {
  if (v <= 0) return make_error(ErrorCode::kInvalidInput, "error.not_positive", "v <= 0");
  return v;
}

TEST(ResultTest, HoldsValueOrError) {
  auto ok = parse_positive(3);
  ASSERT_TRUE(ok.has_value());
  EXPECT_EQ(ok.value(), 3);
  auto bad = parse_positive(-1);
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(bad.error().key, "error.not_positive");
  EXPECT_STREQ(error_code_name(bad.error().code), "invalid_input");
}

TEST(ResultTest, StatusDefaultsToOk) {
  Status s;
  EXPECT_TRUE(s.has_value());
  Status e = make_error(ErrorCode::kConflict, "error.conflict");
  EXPECT_FALSE(e.has_value());
  EXPECT_EQ(e.error().code, ErrorCode::kConflict);
}

}  // namespace
}  // namespace solipraxis::core
