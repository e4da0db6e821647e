// The thread's ReadBatch and the read transaction it holds (see store/read_batch.h).
#include "store/read_batch.h"

#include "store/sql/db.h"

namespace solipraxis::store {

namespace {

struct BatchState {
  bool active = false;
  const sql::Db* owner = nullptr;
  std::unique_ptr<sql::HeldRead> read;
};

thread_local BatchState batch;

}  // namespace

ReadBatch::ReadBatch() : outermost_(!batch.active) { batch.active = true; }

ReadBatch::~ReadBatch() {
  if (!outermost_) return;
  sql::read_batch::end();
  batch.active = false;
}

namespace sql::read_batch {

bool active() { return batch.active; }

HeldRead* held(const Db* db) { return batch.owner == db ? batch.read.get() : nullptr; }

HeldRead& hold(const Db* db, std::unique_ptr<HeldRead> read) {
  end();
  batch.owner = db;
  batch.read = std::move(read);
  return *batch.read;
}

void end() {
  // Moved out first: the destructor may run Store code that asks again.
  std::unique_ptr<HeldRead> read = std::move(batch.read);
  batch.owner = nullptr;
  read.reset();
}

}  // namespace sql::read_batch

}  // namespace solipraxis::store
