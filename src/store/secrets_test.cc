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

TEST(Secrets, SealedTextOpensOnlyWithItsKeyAndUnaltered) {
  const std::string key = random_token();
  ASSERT_TRUE(valid_key(key));
  EXPECT_FALSE(valid_key("kurz"));
  const std::string sealed = seal(key, "einladung-123");
  EXPECT_EQ(sealed.find("einladung"), std::string::npos) << "the token is not readable";
  EXPECT_NE(seal(key, "einladung-123"), sealed) << "a fresh nonce each time";
  EXPECT_EQ(unseal(key, sealed), "einladung-123");
  EXPECT_EQ(unseal(random_token(), sealed), std::nullopt) << "another key";
  std::string altered = sealed;
  altered[altered.size() / 2] = altered[altered.size() / 2] == 'A' ? 'B' : 'A';
  EXPECT_EQ(unseal(key, altered), std::nullopt);
  EXPECT_EQ(unseal(key, ""), std::nullopt);
  EXPECT_EQ(unseal("kein-schluessel", sealed), std::nullopt);
}

TEST(Secrets, KeyedHashDependsOnKeyPurposeAndMessage) {
  const std::string key = random_token();
  const std::string h = keyed_hash(key, "purpose-a", "7:12");
  EXPECT_EQ(h.size(), 64u);
  EXPECT_EQ(keyed_hash(key, "purpose-a", "7:12"), h) << "the same input finds the same digest";
  EXPECT_NE(keyed_hash(key, "purpose-a", "7:13"), h);
  EXPECT_NE(keyed_hash(key, "purpose-b", "7:12"), h) << "another purpose, another digest";
  EXPECT_NE(keyed_hash(random_token(), "purpose-a", "7:12"), h) << "another key";
  EXPECT_NE(hash_token("7:12"), h) << "not computable without the key";
}

}  // namespace
}  // namespace solipraxis::store
