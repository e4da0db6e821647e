// Contract: sign-in sessions and API tokens.
#include "store/store.h"
#include "store/users.h"
#include "store_fixture.h"

namespace solipraxis::store::testing {
namespace {

LoginSession new_session(const std::string& id, UserId user, core::UnixTime expires) {
  LoginSession s;
  s.id_hash = hash_token(id);
  s.user_id = user;
  s.csrf_token = "csrf-" + id;
  s.expires_at = expires;
  return s;
}

TEST_P(StoreContract, SessionsAreCreatedTouchedAndDeleted) {
  User u = make_user("u@example.org");
  const auto start = clock_.now();
  ASSERT_OK(store_->users().create_session(new_session("s1", u.id, start + 3600)));
  auto s = store_->users().session(hash_token("s1"));
  ASSERT_OK(s);
  EXPECT_EQ(s->user_id, u.id);
  EXPECT_EQ(s->csrf_token, "csrf-s1");
  EXPECT_EQ(s->created_at, start);
  EXPECT_EQ(s->last_seen_at, start);
  EXPECT_EQ(s->expires_at, start + 3600);
  EXPECT_ERR(store_->users().create_session(new_session("s1", u.id, start + 3600)), kConflict);

  clock_.advance(60);
  ASSERT_OK(store_->users().touch_session(hash_token("s1")));
  EXPECT_EQ(store_->users().session(hash_token("s1"))->last_seen_at, start + 60);
  EXPECT_EQ(store_->users().session(hash_token("s1"))->created_at, start);

  ASSERT_OK(store_->users().delete_session(hash_token("s1")));
  EXPECT_ERR(store_->users().session(hash_token("s1")), kNotFound);
  EXPECT_ERR(store_->users().touch_session(hash_token("s1")), kNotFound);
  EXPECT_ERR(store_->users().create_session(new_session("s2", UserId(999999), start + 3600)), kNotFound);
}

TEST_P(StoreContract, SessionWithUserReadsBothOrNeither) {
  User u = make_user("u@example.org");
  const auto start = clock_.now();
  ASSERT_OK(store_->users().create_session(new_session("s1", u.id, start + 3600)));
  auto both = store_->users().session_with_user(hash_token("s1"));
  ASSERT_OK(both);
  EXPECT_EQ(both->session.id_hash, hash_token("s1"));
  EXPECT_EQ(both->session.user_id, u.id);
  EXPECT_EQ(both->session.csrf_token, "csrf-s1");
  EXPECT_EQ(both->session.created_at, start);
  EXPECT_EQ(both->session.last_seen_at, start);
  EXPECT_EQ(both->session.expires_at, start + 3600);
  EXPECT_EQ(both->user.id, u.id);
  EXPECT_EQ(both->user.email, "u@example.org");
  EXPECT_EQ(both->user.name, u.name);
  EXPECT_EQ(both->user.lang, u.lang);
  EXPECT_EQ(both->user.password_hash, u.password_hash);
  EXPECT_EQ(both->user.created_at, u.created_at);

  EXPECT_ERR(store_->users().session_with_user(hash_token("no-such")), kNotFound);
  clock_.advance(3600);  // past the absolute expiry, as session()
  EXPECT_ERR(store_->users().session_with_user(hash_token("s1")), kNotFound);
  EXPECT_ERR(store_->users().session(hash_token("s1")), kNotFound);
}

TEST_P(StoreContract, ExpiredSessionsAreGoneAndCleanedUp) {
  User u = make_user("u@example.org");
  const auto start = clock_.now();
  ASSERT_OK(store_->users().create_session(new_session("short", u.id, start + 10)));
  ASSERT_OK(store_->users().create_session(new_session("long", u.id, start + 1000)));
  clock_.advance(10);
  EXPECT_ERR(store_->users().session(hash_token("short")), kNotFound);
  EXPECT_ERR(store_->users().touch_session(hash_token("short")), kNotFound);
  ASSERT_OK(store_->users().session(hash_token("long")));
  auto removed = store_->users().delete_expired_sessions();
  ASSERT_OK(removed);
  EXPECT_EQ(*removed, 1);
  EXPECT_EQ(count_raw("SELECT COUNT(*) FROM sessions"), 1);
  EXPECT_ERR(store_->users().create_session(new_session("past", u.id, clock_.now())), kInvalidInput);
}

TEST_P(StoreContract, SignOutEverywhereDeletesOnlyThatUsersSessions) {
  User a = make_user("a@example.org");
  User b = make_user("b@example.org");
  const auto exp = clock_.now() + 3600;
  ASSERT_OK(store_->users().create_session(new_session("a1", a.id, exp)));
  ASSERT_OK(store_->users().create_session(new_session("a2", a.id, exp)));
  ASSERT_OK(store_->users().create_session(new_session("b1", b.id, exp)));
  ASSERT_OK(store_->users().delete_sessions_of_user(a.id));
  EXPECT_ERR(store_->users().session(hash_token("a1")), kNotFound);
  EXPECT_ERR(store_->users().session(hash_token("a2")), kNotFound);
  ASSERT_OK(store_->users().session(hash_token("b1")));
}

TEST_P(StoreContract, TokensAreFoundByHashAndDeletedOnlyByTheirOwner) {
  User a = make_user("a@example.org");
  User b = make_user("b@example.org");
  const std::string secret = random_token();
  auto t = store_->users().create_token(a.id, "skript", hash_token(secret));
  ASSERT_OK(t);
  EXPECT_TRUE(t->id.valid());
  EXPECT_FALSE(t->last_used_at.has_value());
  auto found = store_->users().token_by_hash(hash_token(secret));
  ASSERT_OK(found);
  EXPECT_EQ(found->id, t->id);
  EXPECT_EQ(found->user_id, a.id);
  EXPECT_EQ(found->name, "skript");
  EXPECT_ERR(store_->users().token_by_hash(hash_token("wrong")), kNotFound);
  EXPECT_ERR(store_->users().create_token(a.id, "again", hash_token(secret)), kConflict);
  EXPECT_ERR(store_->users().create_token(UserId(999999), "x", hash_token("y")), kNotFound);

  clock_.advance(5);
  ASSERT_OK(store_->users().touch_token(t->id));
  EXPECT_EQ(store_->users().token_by_hash(hash_token(secret))->last_used_at, clock_.now());
  ASSERT_EQ(store_->users().tokens(a.id)->size(), 1u);
  EXPECT_TRUE(store_->users().tokens(b.id)->empty());

  EXPECT_ERR(store_->users().delete_token(b.id, t->id), kNotFound);
  ASSERT_OK(store_->users().token_by_hash(hash_token(secret)));
  ASSERT_OK(store_->users().delete_token(a.id, t->id));
  EXPECT_ERR(store_->users().token_by_hash(hash_token(secret)), kNotFound);
  EXPECT_ERR(store_->users().delete_token(a.id, t->id), kNotFound);
}

}  // namespace
}  // namespace solipraxis::store::testing
