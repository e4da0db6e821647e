// Contract: invitations (expiry, single use, atomic accept).
#include <atomic>
#include <thread>

#include "store/orgs.h"
#include "store/store.h"
#include "store/users.h"
#include "store_fixture.h"

namespace solipraxis::store::testing {
namespace {

class Invites : public StoreContract {
 protected:
  void SetUp() override {
    StoreContract::SetUp();
    if (HasFatalFailure()) return;
    org_ = make_org("verein");
    owner_ = make_user("owner@example.org");
    ASSERT_OK(store_->orgs().add_member(org_.id, owner_.id, Role::kOwner, actor_));
  }

  Invite invite(const std::string& token, Role role, std::int64_t ttl, std::string email = "") {
    Invite inv;
    inv.token_hash = hash_token(token);
    inv.role = role;
    inv.email = std::move(email);
    inv.created_by = owner_.id;
    inv.expires_at = clock_.now() + ttl;
    auto made = store_->orgs().create_invite(org_.id, inv, actor_);
    EXPECT_TRUE(made.has_value()) << made.error().detail;
    return made ? *made : Invite{};
  }

  Org org_;
  User owner_;
};

TEST_P(Invites, AnInviteAddsTheMemberWithItsRoleOnce) {
  Invite inv = invite("t1", Role::kEditor, 3600);
  EXPECT_GT(inv.id, 0);
  EXPECT_EQ(inv.org_id, org_.id);
  auto open = store_->orgs().open_invites(org_.id);
  ASSERT_OK(open);
  ASSERT_EQ(open->size(), 1u);
  auto looked_up = store_->orgs().invite_by_token_hash(hash_token("t1"));
  ASSERT_OK(looked_up);
  EXPECT_EQ(looked_up->id, inv.id);
  EXPECT_EQ(looked_up->role, Role::kEditor);
  EXPECT_EQ(looked_up->created_by, owner_.id);
  EXPECT_FALSE(looked_up->used_at.has_value());

  User u = make_user("neu@example.org");
  ASSERT_OK(store_->orgs().accept_invite(hash_token("t1"), u.id));
  EXPECT_EQ(*store_->orgs().member_role(org_.id, u.id), Role::kEditor);
  EXPECT_TRUE(store_->orgs().invite_by_token_hash(hash_token("t1"))->used_at.has_value());
  EXPECT_TRUE(store_->orgs().open_invites(org_.id)->empty());

  User other = make_user("other@example.org");
  auto reuse = store_->orgs().accept_invite(hash_token("t1"), other.id);
  EXPECT_ERR(reuse, kConflict);
  EXPECT_EQ(reuse.error().key, "error.invite.used");
  EXPECT_ERR(store_->orgs().member_role(org_.id, other.id), kNotFound);
  EXPECT_ERR(store_->orgs().accept_invite(hash_token("unknown"), other.id), kNotFound);
}

TEST_P(Invites, AnExpiredInviteIsRefused) {
  invite("t2", Role::kMember, 3600);
  clock_.advance(3600);
  EXPECT_TRUE(store_->orgs().open_invites(org_.id)->empty());
  User u = make_user("late@example.org");
  auto late = store_->orgs().accept_invite(hash_token("t2"), u.id);
  EXPECT_ERR(late, kConflict);
  EXPECT_EQ(late.error().key, "error.invite.expired");
  EXPECT_ERR(store_->orgs().member_role(org_.id, u.id), kNotFound);
  EXPECT_FALSE(store_->orgs().invite_by_token_hash(hash_token("t2"))->used_at.has_value());
  Invite past;
  past.token_hash = hash_token("t3");
  past.expires_at = clock_.now();
  EXPECT_ERR(store_->orgs().create_invite(org_.id, past, actor_), kInvalidInput);
}

TEST_P(Invites, AnInviteForAnEmailIsOnlyForThatAccount) {
  invite("t4", Role::kMember, 3600, "Gemeint@Example.org");
  User wrong = make_user("falsch@example.org");
  EXPECT_ERR(store_->orgs().accept_invite(hash_token("t4"), wrong.id), kForbidden);
  EXPECT_FALSE(store_->orgs().invite_by_token_hash(hash_token("t4"))->used_at.has_value());
  User right = make_user("gemeint@example.org");
  ASSERT_OK(store_->orgs().accept_invite(hash_token("t4"), right.id));
}

TEST_P(Invites, AFailedAcceptChangesNothing) {
  invite("t5", Role::kMember, 3600);
  EXPECT_ERR(store_->orgs().accept_invite(hash_token("t5"), UserId(999999)), kNotFound);
  EXPECT_FALSE(store_->orgs().invite_by_token_hash(hash_token("t5"))->used_at.has_value());
  EXPECT_EQ(store_->orgs().members(org_.id)->size(), 1u);
}

TEST_P(Invites, AcceptingNeverLowersAnExistingRole) {
  invite("t6", Role::kMember, 3600);
  ASSERT_OK(store_->orgs().accept_invite(hash_token("t6"), owner_.id));
  EXPECT_EQ(*store_->orgs().member_role(org_.id, owner_.id), Role::kOwner);
}

TEST_P(Invites, RevokedInvitesCannotBeUsed) {
  Invite inv = invite("t7", Role::kMember, 3600);
  ASSERT_OK(store_->orgs().revoke_invite(org_.id, inv.id, actor_));
  EXPECT_TRUE(store_->orgs().open_invites(org_.id)->empty());
  User u = make_user("u@example.org");
  EXPECT_ERR(store_->orgs().accept_invite(hash_token("t7"), u.id), kNotFound);
  EXPECT_ERR(store_->orgs().revoke_invite(org_.id, inv.id, actor_), kNotFound);
}

TEST_P(Invites, TwoPeopleRacingForOneInviteOnlyOneGetsIn) {
  invite("t8", Role::kMember, 3600);
  constexpr int kRacers = 6;
  std::vector<User> users;
  for (int i = 0; i < kRacers; ++i) users.push_back(make_user("r" + std::to_string(i) + "@example.org"));
  std::atomic<int> ok{0}, used{0};
  std::vector<std::thread> threads;
  for (const User& u : users) {
    threads.emplace_back([&, id = u.id] {
      auto st = store_->orgs().accept_invite(hash_token("t8"), id);
      if (st) ++ok;
      else if (st.error().key == "error.invite.used") ++used;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), 1);
  EXPECT_EQ(used.load(), kRacers - 1);
  EXPECT_EQ(store_->orgs().members(org_.id)->size(), 2u);
}

INSTANTIATE_TEST_SUITE_P(sqlite, Invites, ::testing::Values("sqlite"),
                         [](const auto& info) { return info.param; });
INSTANTIATE_TEST_SUITE_P(postgresql, Invites, ::testing::Values("postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace solipraxis::store::testing
