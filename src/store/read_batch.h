// One read transaction for many Store reads: while a ReadBatch lives on a
// thread, the Store reads of that thread share one read transaction (one
// snapshot, one BEGIN and COMMIT, one pooled connection) instead of one each.
// A web request opens one around its handler: a signed-in page reads session,
// user, membership, tool, decisions and history, and each separate transaction
// cost more than the query in it (bench/README.md, issue 20).
//
// Guarantees: a write on the thread ends the shared transaction before it
// starts, so every read after a write sees that write, as without a batch. A
// read that fails ends it too (the next read starts afresh). Without a batch
// (the CLI, streamed responses) every read is its own transaction as before.
// Batches do not nest; an inner one is a no-op.
#pragma once

namespace solipraxis::store {

class ReadBatch {
 public:
  ReadBatch();
  ~ReadBatch();  // ends the shared transaction, if a read opened one
  ReadBatch(const ReadBatch&) = delete;
  ReadBatch& operator=(const ReadBatch&) = delete;

 private:
  bool outermost_;
};

}  // namespace solipraxis::store
