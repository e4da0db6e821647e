#include "fault_db.h"

namespace solipraxis::store::testing {

namespace {

core::Error injected_fault(std::string_view sql) {
  return core::make_error(core::ErrorCode::kInternal, "error.store.internal",
                          "injected fault: " + std::string(sql.substr(0, 60)));
}

// Passes statements to the engine's own Tx unless the plan says to fail.
class FaultTx final : public sql::Tx {
 public:
  FaultTx(sql::Tx& inner, FaultPlan& plan) : inner_(inner), plan_(plan) {}

  core::Result<std::vector<sql::Row>> query(std::string_view sql,
                                            const sql::Params& params) override {
    if (plan_.should_fail(sql)) return injected_fault(sql);
    return inner_.query(sql, params);
  }
  core::Result<std::int64_t> exec(std::string_view sql, const sql::Params& params) override {
    if (plan_.should_fail(sql)) return injected_fault(sql);
    return inner_.exec(sql, params);
  }
  core::Status exec_script(std::string_view sql) override {
    if (plan_.should_fail(sql)) return injected_fault(sql);
    return inner_.exec_script(sql);
  }
  sql::Tx& inner() { return inner_; }

 private:
  sql::Tx& inner_;
  FaultPlan& plan_;
};

}  // namespace

void FaultPlan::fail_nth(std::string pattern, int nth) {
  std::lock_guard lock(mu_);
  pattern_ = std::move(pattern);
  remaining_ = nth;
}

void FaultPlan::disarm() {
  std::lock_guard lock(mu_);
  remaining_ = 0;
}

bool FaultPlan::should_fail(std::string_view sql) {
  std::lock_guard lock(mu_);
  if (remaining_ == 0 || sql.find(pattern_) == std::string_view::npos) return false;
  if (--remaining_ > 0) return false;
  ++injected_;
  return true;
}

int FaultPlan::injected() const {
  std::lock_guard lock(mu_);
  return injected_;
}

core::Status FaultDb::read(const sql::TxFn& fn) {
  return inner_->read([&](sql::Tx& tx) {
    FaultTx ftx(tx, *plan_);
    return fn(ftx);
  });
}

core::Status FaultDb::write(const sql::TxFn& fn) {
  return inner_->write([&](sql::Tx& tx) {
    FaultTx ftx(tx, *plan_);
    return fn(ftx);
  });
}

// The engines' own helpers get the engine's Tx, which FaultTx wraps.
core::Status FaultDb::lock_for_migration(sql::Tx& tx) {
  return inner_->lock_for_migration(static_cast<FaultTx&>(tx).inner());
}

core::Result<bool> FaultDb::table_exists(sql::Tx& tx, std::string_view table) {
  return inner_->table_exists(static_cast<FaultTx&>(tx).inner(), table);
}

}  // namespace solipraxis::store::testing
