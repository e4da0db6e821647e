#include "store/secrets.h"

#include <gtest/gtest.h>

#include <set>

namespace solipraxis::store {
namespace {

TEST(Secrets, PasswordHashVerifiesOnlyTheRightPassword) {
  auto hash = hash_password("richtig-langes-passwort");
  ASSERT_TRUE(hash.has_value());
  EXPECT_TRUE(hash->starts_with("$argon2id$"));
  EXPECT_TRUE(verify_password("richtig-langes-passwort", *hash));
  EXPECT_FALSE(verify_password("falsches-passwort", *hash));
  EXPECT_FALSE(verify_password("richtig-langes-passwort", "not a hash"));
  EXPECT_FALSE(verify_password("richtig-langes-passwort", ""));
}

TEST(Secrets, SamePasswordHashesDifferently) {
  auto a = hash_password("richtig-langes-passwort");
  auto b = hash_password("richtig-langes-passwort");
  ASSERT_TRUE(a && b);
  EXPECT_NE(*a, *b);  // random salt
}

TEST(Secrets, RandomTokensAreUrlSafeAndUnique) {
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    const std::string t = random_token();
    EXPECT_EQ(t.size(), 43u);
    EXPECT_EQ(t.find_first_not_of(
                  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
              std::string::npos);
    EXPECT_TRUE(seen.insert(t).second);
  }
}

TEST(Secrets, TokenHashIsStableHex) {
  EXPECT_EQ(hash_token("abc"), hash_token("abc"));
  EXPECT_NE(hash_token("abc"), hash_token("abd"));
  EXPECT_EQ(hash_token("abc").size(), 64u);
}

TEST(Secrets, ConstantTimeEqual) {
  EXPECT_TRUE(constant_time_equal("abc", "abc"));
  EXPECT_FALSE(constant_time_equal("abc", "abd"));
  EXPECT_FALSE(constant_time_equal("abc", "abcd"));
  EXPECT_TRUE(constant_time_equal("", ""));
}

}  // namespace
}  // namespace solipraxis::store
