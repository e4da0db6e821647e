#include "core/text_field.h"

#include <gtest/gtest.h>

namespace solipraxis::core {
namespace {

TEST(TextFieldTest, Utf8Validity) {
  EXPECT_TRUE(utf8_valid("Nutzer:innen äöü ß € 😀"));
  EXPECT_FALSE(utf8_valid("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(utf8_valid("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(utf8_valid("\xF4\x90\x80\x80"));  // beyond U+10FFFF
  EXPECT_FALSE(utf8_valid("\xE2\x82"));          // truncated
  EXPECT_FALSE(utf8_valid("\xFF"));
}

TEST(TextFieldTest, LengthCountsCodePoints) {
  EXPECT_EQ(utf8_length(""), 0u);
  EXPECT_EQ(utf8_length("äöü"), 3u);
  EXPECT_EQ(utf8_length("😀a"), 2u);
}

TEST(TextFieldTest, TrimAndBlank) {
  EXPECT_EQ(trim("  a b \n\t"), "a b");
  EXPECT_TRUE(is_blank(" \r\n\t "));
  EXPECT_FALSE(is_blank(" x "));
  EXPECT_TRUE(has_control_chars("a\x1b[0m"));
  EXPECT_FALSE(has_control_chars("a\tb\r\nc"));
}

TEST(TextFieldTest, CheckTextFieldNamesTheProblem) {
  std::vector<FieldError> out;
  check_text_field(out, "vendor", "abc", 3);
  EXPECT_TRUE(out.empty());
  check_text_field(out, "vendor", "abcd", 3);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].field, "vendor");
  EXPECT_EQ(out[0].error.key, "tools.error.field_too_long");
}

}  // namespace
}  // namespace solipraxis::core
