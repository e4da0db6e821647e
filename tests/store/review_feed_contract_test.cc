// Store contract for the review calendar feed secret (issue 6), on every
// engine: one secret hash per org, replaced on rotation, removed on delete,
// invisible to other orgs, audited without the hash.
#include <gtest/gtest.h>

#include "store/common.h"
#include "store/orgs.h"
#include "store/store.h"
#include "store/tools.h"
#include "store/users.h"
#include "store_fixture.h"

namespace solipraxis::store::testing {
namespace {

TEST_P(StoreContract, ReviewFeedIsOnePerOrgRotatesAndIsAuditedWithoutTheHash) {
  const Org org = make_org("verein");
  const Org other = make_org("andere");
  const User editor = make_user("ed@example.org");
  const Actor actor{editor.id, "web"};
  auto none = store_->tools().review_feed(org.id);
  ASSERT_FALSE(none.has_value());
  EXPECT_EQ(none.error().code, core::ErrorCode::kNotFound);
  EXPECT_EQ(none.error().key, "tools.error.feed_not_found");

  const std::string first = hash_token(random_token());
  auto created = store_->tools().set_review_feed(org.id, first, actor);
  ASSERT_TRUE(created.has_value()) << created.error().detail;
  EXPECT_EQ(created->secret_hash, first);
  EXPECT_EQ(created->created_by, editor.id);
  EXPECT_EQ(created->created_at, clock_.now());
  EXPECT_EQ(store_->tools().review_feed(org.id)->secret_hash, first);
  EXPECT_FALSE(store_->tools().review_feed(other.id).has_value()) << "another org sees nothing";

  clock_.advance(3600);
  const std::string second = hash_token(random_token());
  ASSERT_TRUE(store_->tools().set_review_feed(org.id, second, actor).has_value());
  auto now = store_->tools().review_feed(org.id);
  ASSERT_TRUE(now.has_value());
  EXPECT_EQ(now->secret_hash, second) << "rotation replaces the old secret";
  EXPECT_EQ(now->created_at, clock_.now());
  EXPECT_EQ(count_raw("SELECT COUNT(*) FROM review_feeds"), 1);

  ASSERT_TRUE(store_->tools().delete_review_feed(org.id, actor).has_value());
  EXPECT_FALSE(store_->tools().review_feed(org.id).has_value());
  EXPECT_TRUE(store_->tools().delete_review_feed(org.id, actor).has_value()) << "idempotent";
  EXPECT_EQ(store_->tools().set_review_feed(core::OrgId(999), first, actor).error().code,
            core::ErrorCode::kNotFound);

  const auto log = audit(org.id);  // newest first
  ASSERT_GE(log.size(), 3u);
  EXPECT_EQ(log[0].action, "review_feed.delete");
  EXPECT_EQ(log[1].action, "review_feed.rotate");
  EXPECT_EQ(log[2].action, "review_feed.create");
  EXPECT_EQ(log[2].actor, editor.id);
  for (const auto& e : log) {
    EXPECT_EQ(e.before.find(first), std::string::npos);
    EXPECT_EQ(e.after.find(second), std::string::npos);
  }
}

}  // namespace
}  // namespace solipraxis::store::testing
