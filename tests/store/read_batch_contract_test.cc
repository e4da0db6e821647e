// Store contract for ReadBatch (store/read_batch.h): the reads of one thread
// inside a batch share one snapshot, a write on that thread ends it so that
// later reads see the write, a failed read leaves later reads working, and every batch ends its
// transaction.
#include <thread>

#include "store/read_batch.h"
#include "store_fixture.h"

namespace solipraxis::store::testing {
namespace {

// Renames the org from another thread, so this thread's batch stays open.
void rename_elsewhere(Store& store, OrgId org, const std::string& name, const Actor& actor) {
  std::thread writer([&] { ASSERT_OK(store.orgs().rename_org(org, name, actor)); });
  writer.join();
}

TEST_P(StoreContract, ReadsInABatchShareOneSnapshot) {
  Org org = make_org("verein");
  {
    ReadBatch batch;
    EXPECT_EQ(store_->orgs().org_by_slug("verein")->name, org.name);
    rename_elsewhere(*store_, org.id, "Neuer Name", actor_);
    EXPECT_EQ(store_->orgs().org_by_slug("verein")->name, org.name) << "the batch's snapshot";
    EXPECT_EQ(store_->orgs().org(org.id)->name, org.name);
  }
  EXPECT_EQ(store_->orgs().org_by_slug("verein")->name, "Neuer Name") << "after the batch";
}

TEST_P(StoreContract, AWriteInABatchIsSeenByTheReadsAfterIt) {
  Org org = make_org("verein");
  ReadBatch batch;
  EXPECT_EQ(store_->orgs().org_by_slug("verein")->name, org.name);
  ASSERT_OK(store_->orgs().rename_org(org.id, "Neuer Name", actor_));
  EXPECT_EQ(store_->orgs().org_by_slug("verein")->name, "Neuer Name");
  rename_elsewhere(*store_, org.id, "Dritter Name", actor_);
  EXPECT_EQ(store_->orgs().org_by_slug("verein")->name, "Neuer Name") << "a new snapshot, held again";
  ReadBatch inner;  // batches do not nest: the inner one neither ends nor resets the outer
  EXPECT_EQ(store_->orgs().org(org.id)->name, "Neuer Name");
}

TEST_P(StoreContract, AFailedReadInABatchLeavesLaterReadsWorking) {
  Org org = make_org("verein");
  ReadBatch batch;
  EXPECT_ERR(store_->orgs().org_by_slug("fehlt"), kNotFound);
  EXPECT_ERR(store_->users().session(hash_token("no-such-session")), kNotFound);
  auto found = store_->orgs().org_by_slug("verein");
  ASSERT_OK(found);
  EXPECT_EQ(found->id, org.id);
  ASSERT_OK(store_->orgs().rename_org(org.id, "Neuer Name", actor_));
  EXPECT_EQ(store_->orgs().org(org.id)->name, "Neuer Name");
}

TEST_P(StoreContract, EveryBatchEndsItsTransaction) {
  Org org = make_org("verein");
  // Each batch ends its transaction before its connection goes back to the
  // pool: a connection still in one would fail the next batch's BEGIN.
  for (int i = 0; i < 200; ++i) {
    ReadBatch batch;
    ASSERT_OK(store_->orgs().org_by_slug("verein"));
  }
  EXPECT_EQ(store_->orgs().org(org.id)->name, org.name);
}

}  // namespace
}  // namespace solipraxis::store::testing
