#include "web/handlers/reflections/author.h"

#include <gtest/gtest.h>

#include "store/secrets.h"

namespace solipraxis::web::handlers::reflections {
namespace {

store::ReflectionRound round_of(std::int64_t id, bool anonymous) {
  store::ReflectionRound r;
  r.id = id;
  r.anonymous = anonymous;
  return r;
}

TEST(ReflectionAuthor, NamedRoundNamesThePerson) {
  auto a = author_for(store::random_token(), round_of(3, false), core::UserId(42));
  ASSERT_TRUE(a.user.has_value());
  EXPECT_EQ(a.user->value, 42);
  EXPECT_TRUE(a.key.empty());
}

TEST(ReflectionAuthor, AnonymousRoundGivesAStableKeyThatNamesNobody) {
  const std::string secret = store::random_token();
  auto a = author_for(secret, round_of(3, true), core::UserId(42));
  EXPECT_FALSE(a.user.has_value());
  ASSERT_EQ(a.key.size(), 64u);
  EXPECT_EQ(author_for(secret, round_of(3, true), core::UserId(42)).key, a.key)
      << "the same person finds their draft again";
  EXPECT_NE(author_for(secret, round_of(3, true), core::UserId(43)).key, a.key);
  EXPECT_NE(author_for(secret, round_of(4, true), core::UserId(42)).key, a.key)
      << "keys of one person in two rounds cannot be linked";
  EXPECT_NE(author_for(store::random_token(), round_of(3, true), core::UserId(42)).key, a.key)
      << "without the server's key nobody can recompute it";
  EXPECT_NE(store::hash_token("3:42"), a.key);
}

}  // namespace
}  // namespace solipraxis::web::handlers::reflections
