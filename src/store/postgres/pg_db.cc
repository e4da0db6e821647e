#include "store/postgres/pg_db.h"

#include <optional>

#include <pqxx/pqxx>

namespace solipraxis::store::postgres {

using core::ErrorCode;
using core::make_error;
using core::Result;
using core::Status;

constexpr std::size_t kMaxIdle = 8;
constexpr std::int64_t kMigrationLockKey = 0x736f6c6970726178;  // "soliprax"

struct PgConnection {
  pqxx::connection conn;
  explicit PgConnection(const std::string& url) : conn(url) {}
};

namespace {

// Column types returned as integers; everything else is text.
bool is_integer_type(pqxx::oid type) { return type == 20 || type == 21 || type == 23; }

core::Error error_from(const std::exception& e, const std::string& where) {
  if (dynamic_cast<const pqxx::broken_connection*>(&e) != nullptr ||
      dynamic_cast<const pqxx::in_doubt_error*>(&e) != nullptr) {
    return make_error(ErrorCode::kUnavailable, "error.store.unavailable",
                      "lost the connection to PostgreSQL at " + where + ": " + e.what());
  }
  if (const auto* sql = dynamic_cast<const pqxx::sql_error*>(&e)) {
    const std::string& state = sql->sqlstate();
    if (state == "23505") {
      return make_error(ErrorCode::kConflict, "error.store.duplicate", e.what());
    }
    if (state == "53100") return make_error(ErrorCode::kUnavailable, kStoreFull, e.what());
    if (state == "25006") return make_error(ErrorCode::kUnavailable, kStoreReadOnly, e.what());
    if (state.starts_with("08") || state.starts_with("57P")) {
      return make_error(ErrorCode::kUnavailable, "error.store.unavailable",
                        "PostgreSQL at " + where + " is not available: " + e.what());
    }
  }
  return make_error(ErrorCode::kInternal, "error.store.internal", e.what());
}

class PgTx final : public sql::Tx {
 public:
  PgTx(pqxx::transaction_base& tx, const std::string& where) : tx_(tx), where_(where) {}

  Result<std::vector<sql::Row>> query(std::string_view sql, const sql::Params& params) override {
    try {
      pqxx::result r = run(sql, params);
      std::vector<sql::Row> rows;
      rows.reserve(r.size());
      const auto columns = r.columns();
      for (const auto& pr : r) {
        sql::Row row;
        row.values.reserve(columns);
        for (pqxx::row::size_type c = 0; c < columns; ++c) {
          const auto f = pr[c];
          if (f.is_null()) {
            row.values.emplace_back(std::monostate{});
          } else if (is_integer_type(r.column_type(c))) {
            row.values.emplace_back(f.as<std::int64_t>());
          } else {
            row.values.emplace_back(std::string(f.c_str(), f.size()));
          }
        }
        rows.push_back(std::move(row));
      }
      return rows;
    } catch (const std::exception& e) {
      return error_from(e, where_);
    }
  }

  Result<std::int64_t> exec(std::string_view sql, const sql::Params& params) override {
    try {
      return static_cast<std::int64_t>(run(sql, params).affected_rows());
    } catch (const std::exception& e) {
      return error_from(e, where_);
    }
  }

  Status exec_script(std::string_view sql) override {
    try {
      tx_.exec(std::string(sql));
      return {};
    } catch (const std::exception& e) {
      return error_from(e, where_);
    }
  }

 private:
  pqxx::result run(std::string_view sql, const sql::Params& params) {
    std::vector<std::string> texts(params.size());
    std::vector<const char*> ptrs(params.size(), nullptr);
    for (std::size_t i = 0; i < params.size(); ++i) {
      if (const auto* v = std::get_if<std::int64_t>(&params[i])) {
        texts[i] = std::to_string(*v);
        ptrs[i] = texts[i].c_str();
      } else if (const auto* s = std::get_if<std::string>(&params[i])) {
        ptrs[i] = s->c_str();
      }
    }
    return tx_.exec_params(std::string(sql), pqxx::prepare::make_dynamic_params(ptrs));
  }

  pqxx::transaction_base& tx_;
  const std::string& where_;
};

}  // namespace

std::string redact_url(std::string_view url) {
  std::string out(url);
  const auto scheme = out.find("://");
  if (scheme == std::string::npos) return out;
  const auto at = out.find('@', scheme + 3);
  const auto slash = out.find('/', scheme + 3);
  if (at == std::string::npos || (slash != std::string::npos && slash < at)) return out;
  const auto colon = out.find(':', scheme + 3);
  if (colon != std::string::npos && colon < at) out.replace(colon + 1, at - colon - 1, "***");
  const auto pw = out.find("password=");
  if (pw != std::string::npos) {
    const auto end = out.find('&', pw);
    out.replace(pw + 9, (end == std::string::npos ? out.size() : end) - pw - 9, "***");
  }
  return out;
}

PgDb::PgDb(std::string url) : url_(std::move(url)), shown_(redact_url(url_)) {
  if (url_.find("connect_timeout=") == std::string::npos) {
    url_ += (url_.find('?') == std::string::npos ? "?" : "&");
    url_ += "connect_timeout=5";
  }
}

PgDb::~PgDb() = default;

Result<std::unique_ptr<PgDb>> PgDb::open(const std::string& url) {
  std::unique_ptr<PgDb> db(new PgDb(url));
  auto conn = db->connect();
  if (!conn) return conn.error();
  db->release(std::move(*conn));
  return db;
}

Result<std::unique_ptr<PgConnection>> PgDb::connect() const {
  try {
    auto conn = std::make_unique<PgConnection>(url_);
    pqxx::nontransaction setup(conn->conn);
    setup.exec("SET client_min_messages TO warning");  // no NOTICE lines on stderr
    setup.commit();
    return conn;
  } catch (const std::exception& e) {
    std::string msg = e.what();
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
    return make_error(ErrorCode::kUnavailable, "error.store.unavailable",
                      "cannot connect to PostgreSQL at " + shown_ + ": " + msg);
  }
}

Result<std::unique_ptr<PgConnection>> PgDb::acquire() {
  {
    std::lock_guard lock(mu_);
    while (!idle_.empty()) {
      auto conn = std::move(idle_.back());
      idle_.pop_back();
      if (conn->conn.is_open()) return conn;
    }
  }
  return connect();
}

void PgDb::release(std::unique_ptr<PgConnection> conn) {
  std::lock_guard lock(mu_);
  if (conn->conn.is_open() && idle_.size() < kMaxIdle) idle_.push_back(std::move(conn));
}

// A pooled connection may have died with the server it was opened to (a
// restart, a failover). When its BEGIN fails, nothing has run yet: every idle
// connection is dropped (they died together) and the transaction starts once
// more on a new one, so the first request after a restart does not fail.
Status PgDb::run(bool writable, const sql::TxFn& fn) {
  for (int attempt = 0;; ++attempt) {
    auto conn = acquire();
    if (!conn) return conn.error();
    std::unique_ptr<pqxx::transaction_base> tx;
    try {
      if (writable) {
        tx = std::make_unique<pqxx::work>((*conn)->conn);
      } else {
        tx = std::make_unique<pqxx::read_transaction>((*conn)->conn);
      }
    } catch (const pqxx::broken_connection& e) {
      drop_idle();
      if (attempt == 0) continue;
      return error_from(e, shown_);
    } catch (const std::exception& e) {
      return error_from(e, shown_);
    }
    Status result;
    try {
      PgTx ptx(*tx, shown_);
      result = fn(ptx);
      if (result) {
        tx->commit();
      } else {
        tx->abort();
      }
    } catch (const std::exception& e) {
      result = error_from(e, shown_);
    }
    tx.reset();
    result = after_failure(std::move(result), **conn);
    release(std::move(*conn));
    return result;
  }
}

Status PgDb::after_failure(Status result, const PgConnection& conn) {
  if (result) return result;
  // Whatever a statement reported, a connection that is gone means the
  // database went away (a restart cuts connections mid-statement): say so.
  if (result.error().code == ErrorCode::kInternal && !conn.conn.is_open()) {
    result = make_error(ErrorCode::kUnavailable, "error.store.unavailable",
                        "lost the connection to PostgreSQL at " + shown_ + ": " +
                            result.error().detail);
  }
  if (result.error().code == ErrorCode::kUnavailable) drop_idle();
  return result;
}

void PgDb::drop_idle() {
  std::lock_guard lock(mu_);
  idle_.clear();
}

// The read transaction a ReadBatch keeps open on one pooled connection. It is
// REPEATABLE READ, so that the batch's reads see one snapshot, as on SQLite
// (a read-only transaction never fails to serialise).
class HeldPgRead final : public sql::HeldRead {
  using ReadTx = pqxx::transaction<pqxx::repeatable_read, pqxx::read_only>;

 public:
  HeldPgRead(PgDb& db, std::unique_ptr<PgConnection> conn)
      : db_(db), conn_(std::move(conn)), tx_(std::make_unique<ReadTx>(conn_->conn)) {
    ptx_.emplace(*tx_, db.shown_);
  }
  ~HeldPgRead() override {
    try {
      tx_->commit();
    } catch (const std::exception&) {
      // A read has nothing to keep; a broken connection is not pooled again.
    }
    // The transaction is gone before the connection goes back to the pool:
    // another thread may take it at once, and two transactions on one
    // connection at the same time crash (the server died with SIGSEGV when
    // PostgreSQL restarted under load).
    ptx_.reset();
    tx_.reset();
    db_.release(std::move(conn_));
  }
  sql::Tx& tx() override { return *ptx_; }
  const PgConnection& connection() const { return *conn_; }

 private:
  PgDb& db_;
  std::unique_ptr<PgConnection> conn_;
  std::unique_ptr<ReadTx> tx_;
  std::optional<PgTx> ptx_;
};

Status PgDb::batched_read(const sql::TxFn& fn) {
  auto* held = static_cast<HeldPgRead*>(sql::read_batch::held(this));
  for (int attempt = 0; held == nullptr; ++attempt) {
    auto conn = acquire();
    if (!conn) return conn.error();
    try {
      held = static_cast<HeldPgRead*>(
          &sql::read_batch::hold(this, std::make_unique<HeldPgRead>(*this, std::move(*conn))));
    } catch (const pqxx::broken_connection& e) {
      drop_idle();  // as in run(): a restarted server, try once more on a new connection
      if (attempt > 0) return error_from(e, shown_);
    } catch (const std::exception& e) {
      return error_from(e, shown_);
    }
  }
  Status st;
  try {
    st = fn(held->tx());
  } catch (const std::exception& e) {
    st = error_from(e, shown_);
  }
  if (st) return st;
  st = after_failure(std::move(st), held->connection());
  // A failed statement aborts PostgreSQL's transaction: start afresh.
  sql::read_batch::end();
  return st;
}

Status PgDb::read(const sql::TxFn& fn) {
  if (sql::read_batch::active()) return batched_read(fn);
  return run(false, fn);
}

Status PgDb::write(const sql::TxFn& fn) {
  // Reads after this write must see it: end this thread's shared read first.
  sql::read_batch::end();
  return run(true, fn);
}

Status PgDb::lock_for_migration(sql::Tx& tx) {
  auto rows = tx.query("SELECT pg_advisory_xact_lock($1::bigint)", {kMigrationLockKey});
  if (!rows) return rows.error();
  return {};
}

Result<bool> PgDb::table_exists(sql::Tx& tx, std::string_view table) {
  auto rows = tx.query(
      "SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND "
      "table_name = $1",
      {sql::value(table)});
  if (!rows) return rows.error();
  return !rows->empty();
}

}  // namespace solipraxis::store::postgres
