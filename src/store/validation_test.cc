#include "store/validation.h"

#include <gtest/gtest.h>

#include <vector>

namespace solipraxis::store {
namespace {

TEST(Validation, Slugs) {
  for (const std::string& ok : std::vector<std::string>{"ab", "mein-verein", "verein-2024", std::string(40, 'a')}) {
    EXPECT_TRUE(validate_slug(ok).has_value()) << ok;
  }
  for (const std::string& bad : std::vector<std::string>{"", "a", "-ab", "ab-", "Ab", "ab_c", "ab c", "ä-b", std::string(41, 'a')}) {
    auto st = validate_slug(bad);
    ASSERT_FALSE(st.has_value()) << bad;
    EXPECT_EQ(st.error().key, "error.org.slug_invalid");
  }
}

TEST(Validation, OrgNameCountsCharactersNotBytes) {
  std::string hundred_umlauts;
  for (int i = 0; i < 100; ++i) hundred_umlauts += "ä";
  EXPECT_TRUE(validate_org_name(hundred_umlauts).has_value());
  EXPECT_FALSE(validate_org_name(hundred_umlauts + "a").has_value());
  EXPECT_FALSE(validate_org_name("").has_value());
  EXPECT_FALSE(validate_org_name("   ").has_value());
  EXPECT_FALSE(validate_org_name("a\nb").has_value());
  EXPECT_FALSE(validate_org_name("\xff\xfe").has_value());
}

TEST(Validation, EmailsAreTrimmedAndLowerCased) {
  auto e = normalize_email("  Ada@Example.ORG ");
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(*e, "ada@example.org");
  for (const char* bad : {"", "ada", "@example.org", "ada@", "a@b@c", "a b@c.de"}) {
    EXPECT_FALSE(normalize_email(bad).has_value()) << bad;
  }
}

TEST(Validation, Utf8Length) {
  EXPECT_EQ(utf8_length("abc"), 3u);
  EXPECT_EQ(utf8_length("äöü"), 3u);
  EXPECT_EQ(utf8_length("\xc0\xaf"), std::string_view::npos);  // overlong
  EXPECT_EQ(utf8_length("\xed\xa0\x80"), std::string_view::npos);  // surrogate
}

}  // namespace
}  // namespace solipraxis::store
