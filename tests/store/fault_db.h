// A fault-injection seam for the Store's own invariants: FaultDb wraps a real
// engine (sql::Db) and makes the Nth statement whose SQL contains a pattern
// fail as a broken engine would (kInternal), without sending it. Everything
// else passes through unchanged, so the Store above cannot tell it from a real
// failure of that one statement (a full disk during the audit insert, say).
#pragma once

#include <memory>
#include <mutex>
#include <string>

#include "store/sql/db.h"
#include "store/store.h"

namespace solipraxis::store::testing {

// Which statement fails. Shared by the test and the FaultDb it armed.
class FaultPlan {
 public:
  // From now on, the `nth` (1-based) statement containing `pattern` fails once.
  void fail_nth(std::string pattern, int nth = 1);
  void disarm();
  // Called for every statement; true when this one must fail.
  bool should_fail(std::string_view sql);
  int injected() const;  // how many statements failed so far

 private:
  mutable std::mutex mu_;
  std::string pattern_;
  int remaining_ = 0;  // 0: disarmed
  int injected_ = 0;
};

class FaultDb final : public sql::Db {
 public:
  FaultDb(std::unique_ptr<sql::Db> inner, std::shared_ptr<FaultPlan> plan)
      : inner_(std::move(inner)), plan_(std::move(plan)) {}

  const char* engine() const override { return inner_->engine(); }
  core::Status read(const sql::TxFn& fn) override;
  core::Status write(const sql::TxFn& fn) override;
  core::Status lock_for_migration(sql::Tx& tx) override;
  core::Result<bool> table_exists(sql::Tx& tx, std::string_view table) override;

 private:
  std::unique_ptr<sql::Db> inner_;
  std::shared_ptr<FaultPlan> plan_;
};

}  // namespace solipraxis::store::testing
