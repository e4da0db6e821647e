// A Db around either engine that watches the outcome of writes: it remembers
// the storage fault of the last failed write (store/faults.h: storage full,
// read-only) until a write succeeds again, so /healthz can say what is wrong.
// Opened read-only on purpose, it refuses every write itself with
// kStoreReadOnly, before the engine sees it. Thread-safe.
#pragma once

#include <memory>
#include <mutex>
#include <string>

#include "store/sql/db.h"

namespace solipraxis::store::sql {

class WatchedDb final : public Db {
 public:
  WatchedDb(std::unique_ptr<Db> inner, bool read_only)
      : inner_(std::move(inner)), read_only_(read_only) {}

  const char* engine() const override { return inner_->engine(); }
  Status read(const TxFn& fn) override { return inner_->read(fn); }
  Status write(const TxFn& fn) override {
    if (read_only_) {
      return core::make_error(core::ErrorCode::kUnavailable, kStoreReadOnly,
                              "the store was opened read-only (serve --read-only)");
    }
    Status st = inner_->write(fn);
    std::lock_guard lock(mu_);
    if (st) {
      fault_.clear();
    } else if (!fault_reason(st.error().key).empty()) {
      fault_ = st.error().key;
    }
    return st;
  }
  Status lock_for_migration(Tx& tx) override { return inner_->lock_for_migration(tx); }
  Result<bool> table_exists(Tx& tx, std::string_view table) override {
    return inner_->table_exists(tx, table);
  }

  bool read_only() const { return read_only_; }
  // The fault key of the last failed write, "" once a write succeeded again.
  std::string fault() const {
    std::lock_guard lock(mu_);
    return fault_;
  }

 private:
  std::unique_ptr<Db> inner_;
  const bool read_only_;
  mutable std::mutex mu_;
  std::string fault_;
};

}  // namespace solipraxis::store::sql
