#include "store/sqlite/sqlite_db.h"

#include <sqlite3.h>

#include <SQLiteCpp/SQLiteCpp.h>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <thread>
#include <unordered_map>

#include "store/sqlite/stem_tokenizer.h"

namespace solipraxis::store::sqlite {

using core::ErrorCode;
using core::make_error;
using core::Result;
using core::Status;

constexpr std::size_t kMaxIdleReaders = 8;

// Finds a statement by its SQL text without copying the text.
struct SqlHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view sql) const { return std::hash<std::string_view>{}(sql); }
};

struct Connection {
  std::unique_ptr<SQLite::Database> db;
  // Prepared statements by their SQL text; each is reset after every use.
  std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>, SqlHash, std::equal_to<>>
      statements;
  std::chrono::steady_clock::time_point busy_since;  // see wait_for_lock
  std::minstd_rand jitter{std::random_device{}()};
};

namespace {

// SQLite's busy handler for every connection. Another process (a CLI command
// beside the server, or the server beside it) may hold the database's one write
// lock; wait for it, up to kLockWait in total, then give up with SQLITE_BUSY.
// The sleeps are short and jittered on purpose: a busy server frees the lock
// only for microseconds between two of its transactions, and SQLite's default
// handler, which sleeps up to 100 ms at a time, almost never lands in such a
// gap, so a CLI write failed while six API clients wrote (issue 31).
int wait_for_lock(void* arg, int attempt) {
  auto& conn = *static_cast<Connection*>(arg);
  const auto now = std::chrono::steady_clock::now();
  if (attempt == 0) conn.busy_since = now;
  if (now - conn.busy_since >= kLockWait) return 0;
  std::uniform_int_distribution<int> micros(100, 1000);
  std::this_thread::sleep_for(std::chrono::microseconds(micros(conn.jitter)));
  return 1;
}

bool is_busy(int code) { return code == SQLITE_BUSY || code == SQLITE_LOCKED; }

core::Error error_from(const SQLite::Exception& e, std::string_view what) {
  const int code = e.getErrorCode();
  const int ext = e.getExtendedErrorCode();
  std::string detail = std::string(what) + ": " + e.what();
  if (ext == SQLITE_CONSTRAINT_UNIQUE || ext == SQLITE_CONSTRAINT_PRIMARYKEY) {
    return make_error(ErrorCode::kConflict, "error.store.duplicate", detail);
  }
  // The faults a person can act on get their own message (store/store.h).
  if (code == SQLITE_FULL) return make_error(ErrorCode::kUnavailable, kStoreFull, detail);
  if (code == SQLITE_READONLY) return make_error(ErrorCode::kUnavailable, kStoreReadOnly, detail);
  if (is_busy(code)) {
    return make_error(ErrorCode::kUnavailable, kStoreBusy,
                      detail + " (another program held the write lock for " +
                          std::to_string(kLockWait.count()) + " s)");
  }
  switch (code) {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_PERM:
      return make_error(ErrorCode::kUnavailable, "error.store.unavailable", detail);
    default:
      return make_error(ErrorCode::kInternal, "error.store.internal", detail);
  }
}

// "$1" -> "?1": SQLite numbers "?NNN" parameters exactly like PostgreSQL's "$NNN".
std::string sqlite_placeholders(std::string_view sql) {
  std::string out(sql);
  for (std::size_t i = 0; i + 1 < out.size(); ++i) {
    if (out[i] == '$' && out[i + 1] >= '0' && out[i + 1] <= '9') out[i] = '?';
  }
  return out;
}

// Resets a statement when leaving scope, also on exceptions, so it never holds
// a read lock that makes a later write see "database is locked".
struct ResetGuard {
  SQLite::Statement& st;
  ~ResetGuard() {
    try {
      st.reset();
      st.clearBindings();
    } catch (...) {
    }
  }
};

// The connection's prepared statement for `sql`, prepared on first use.
SQLite::Statement& prepared(Connection& conn, std::string_view sql) {
  auto it = conn.statements.find(sql);
  if (it == conn.statements.end()) {
    auto st = std::make_unique<SQLite::Statement>(*conn.db, sqlite_placeholders(sql));
    it = conn.statements.emplace(std::string(sql), std::move(st)).first;
  }
  return *it->second;
}

// BEGIN, COMMIT and ROLLBACK, prepared once per connection: through
// sqlite3_exec they were compiled again for every transaction, a tenth of the
// time of a signed-in page (issue 20).
void exec_control(Connection& conn, const char* sql) {
  SQLite::Statement& st = prepared(conn, sql);
  ResetGuard guard{st};
  st.exec();
}

class SqliteTx final : public sql::Tx {
 public:
  explicit SqliteTx(Connection& conn) : conn_(conn) {}

  Result<std::vector<sql::Row>> query(std::string_view sql, const sql::Params& params) override {
    std::vector<sql::Row> rows;
    auto st = step_all(sql, params, &rows);
    if (!st) return st.error();
    return rows;
  }

  Result<std::int64_t> exec(std::string_view sql, const sql::Params& params) override {
    auto st = step_all(sql, params, nullptr);
    if (!st) return st.error();
    return static_cast<std::int64_t>(sqlite3_changes(conn_.db->getHandle()));
  }

  Status exec_script(std::string_view sql) override {
    try {
      conn_.db->exec(std::string(sql));
      return {};
    } catch (const SQLite::Exception& e) {
      return error_from(e, "script");
    }
  }

 private:
  Status step_all(std::string_view sql, const sql::Params& params, std::vector<sql::Row>* rows) {
    try {
      SQLite::Statement& st = prepared(conn_, sql);
      ResetGuard guard{st};
      for (std::size_t i = 0; i < params.size(); ++i) {
        const int index = static_cast<int>(i) + 1;
        if (const auto* v = std::get_if<std::int64_t>(&params[i])) {
          st.bind(index, static_cast<int64_t>(*v));
        } else if (const auto* s = std::get_if<std::string>(&params[i])) {
          st.bind(index, *s);
        } else {
          st.bind(index);
        }
      }
      const int columns = st.getColumnCount();
      while (st.executeStep()) {
        if (rows == nullptr) continue;
        sql::Row row;
        row.values.reserve(static_cast<std::size_t>(columns));
        for (int c = 0; c < columns; ++c) {
          SQLite::Column col = st.getColumn(c);
          if (col.isNull()) {
            row.values.emplace_back(std::monostate{});
          } else if (col.isInteger()) {
            row.values.emplace_back(static_cast<std::int64_t>(col.getInt64()));
          } else {
            row.values.emplace_back(col.getString());
          }
        }
        rows->push_back(std::move(row));
      }
      return {};
    } catch (const SQLite::Exception& e) {
      return error_from(e, "query");
    }
  }

  Connection& conn_;
};

// True if the file is missing, empty, or starts with the SQLite header. Read
// before SQLite opens it, so a foreign file is never touched.
//
// Call it only while this process holds no SQLite connection to the file:
// closing ANY descriptor of a file drops all of the process's POSIX locks on
// it (fcntl semantics), including the shared lock every WAL connection keeps.
// Without that lock another process (e.g. a CLI command next to a running
// server) believes it is the last user, checkpoints and deletes the -wal and
// -shm files under the running server, and later writes are lost.
Status check_header(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  auto status = fs::status(path, ec);
  if (ec || status.type() == fs::file_type::not_found) return {};
  if (status.type() != fs::file_type::regular) {
    return make_error(ErrorCode::kUnavailable, "error.store.unavailable",
                      path + " is not a regular file; expected an SQLite database");
  }
  if (fs::file_size(path, ec) == 0 && !ec) return {};
  std::ifstream in(path, std::ios::binary);
  char header[16] = {};
  in.read(header, sizeof header);
  static constexpr char kMagic[16] = "SQLite format 3";  // 15 chars + NUL
  if (!in || std::string_view(header, 16) != std::string_view(kMagic, 16)) {
    return make_error(ErrorCode::kUnavailable, "error.store.not_a_database",
                      path + " is not an SQLite database (left unchanged); check --database");
  }
  return {};
}

// "file:<path>?immutable=1", the path percent-encoded where a URI needs it.
std::string immutable_uri(const std::string& path) {
  std::string uri = "file:";
  for (unsigned char c : path) {
    if (c == '%' || c == '?' || c == '#' || c <= ' ' || c >= 0x7f) {
      static constexpr char kHex[] = "0123456789ABCDEF";
      uri += '%';
      uri += kHex[c >> 4];
      uri += kHex[c & 15];
    } else {
      uri += static_cast<char>(c);
    }
  }
  return uri + "?immutable=1";
}

}  // namespace

SqliteDb::SqliteDb(std::string path, Options options)
    : path_(std::move(path)), options_(options) {}
SqliteDb::~SqliteDb() = default;

Result<std::unique_ptr<Connection>> SqliteDb::connect() const {
  try {
    auto conn = std::make_unique<Connection>();
    const int mode = options_.read_only ? SQLite::OPEN_READONLY
                                        : SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE;
    conn->db = std::make_unique<SQLite::Database>(path_, mode | SQLite::OPEN_NOMUTEX);
    sqlite3_busy_handler(conn->db->getHandle(), wait_for_lock, conn.get());
    // Reading the schema first fails cleanly on a damaged file before any pragma writes.
    try {
      conn->db->exec("SELECT count(*) FROM sqlite_master");
    } catch (const SQLite::Exception& e) {
      // Read-only, a WAL database needs its -shm file; on a read-only mount
      // nobody could create it, so no program writes there either: read the
      // file as immutable.
      if (!options_.read_only || e.getErrorCode() != SQLITE_CANTOPEN) throw;
      conn->db = std::make_unique<SQLite::Database>(
          immutable_uri(path_), SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX);
      conn->db->exec("SELECT count(*) FROM sqlite_master");
    }
    if (!options_.read_only) conn->db->exec("PRAGMA journal_mode=WAL");
    conn->db->exec("PRAGMA foreign_keys=ON");
    conn->db->exec("PRAGMA synchronous=FULL");
    if (auto st = register_stem_tokenizer(conn->db->getHandle()); !st) return st.error();
    if (options_.max_pages > 0) {
      conn->db->exec("PRAGMA max_page_count=" + std::to_string(options_.max_pages));
    }
    return conn;
  } catch (const SQLite::Exception& e) {
    auto err = error_from(e, "open " + path_);
    if (e.getErrorCode() == SQLITE_NOTADB) {
      err.key = "error.store.not_a_database";
      err.detail = path_ + " is not an SQLite database (left unchanged); check --database";
    }
    err.code = ErrorCode::kUnavailable;
    return err;
  }
}

Result<std::unique_ptr<SqliteDb>> SqliteDb::open(const std::string& path, Options options) {
  // Once, before the first connection (see check_header).
  if (auto st = check_header(path); !st) return st.error();
  std::unique_ptr<SqliteDb> db(new SqliteDb(path, options));
  auto writer = db->connect();
  if (!writer) return writer.error();
  db->writer_ = std::move(*writer);
  return db;
}

namespace {

// BEGIN (or BEGIN IMMEDIATE). The busy handler waits inside it; a few busy
// answers come without it (SQLite returns them at once when waiting could
// deadlock), so retry those until the same deadline. Nothing has run yet, so a
// retry repeats nothing.
Status begin_tx(Connection& conn, const char* begin) {
  const auto deadline = std::chrono::steady_clock::now() + kLockWait;
  for (;;) {
    try {
      exec_control(conn, begin);
      return {};
    } catch (const SQLite::Exception& e) {
      if (!is_busy(e.getErrorCode()) || std::chrono::steady_clock::now() >= deadline) {
        return error_from(e, begin);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  }
}

// Runs `fn` in the open transaction; exceptions become errors.
Status run_fn(Connection& conn, const sql::TxFn& fn) {
  SqliteTx tx(conn);
  try {
    return fn(tx);
  } catch (const std::exception& e) {
    return make_error(ErrorCode::kInternal, "error.store.internal", e.what());
  }
}

// COMMIT after success, else ROLLBACK; returns `result` or the commit's error.
Status end_tx(Connection& conn, Status result) {
  try {
    if (result) {
      exec_control(conn, "COMMIT");
      return result;
    }
  } catch (const SQLite::Exception& e) {
    result = error_from(e, "commit");
  }
  try {
    exec_control(conn, "ROLLBACK");
  } catch (const SQLite::Exception&) {
    // No transaction left to roll back (SQLite may have ended it already).
  }
  return result;
}

}  // namespace

// The read transaction a ReadBatch keeps open on one reader connection.
class HeldSqliteRead final : public sql::HeldRead {
 public:
  HeldSqliteRead(SqliteDb& db, std::unique_ptr<Connection> conn)
      : db_(db), conn_(std::move(conn)), tx_(*conn_) {}
  ~HeldSqliteRead() override {
    (void)end_tx(*conn_, {});
    db_.give_back(std::move(conn_));
  }
  sql::Tx& tx() override { return tx_; }

 private:
  SqliteDb& db_;
  std::unique_ptr<Connection> conn_;
  SqliteTx tx_;
};

Status SqliteDb::run(Connection& conn, const char* begin, const sql::TxFn& fn) {
  if (auto st = begin_tx(conn, begin); !st) return st;
  return end_tx(conn, run_fn(conn, fn));
}

Status SqliteDb::write(const sql::TxFn& fn) {
  // Reads after this write must see it: end this thread's shared read first.
  sql::read_batch::end();
  std::lock_guard lock(write_mu_);
  if (!writer_) {
    auto conn = connect();
    if (!conn) return conn.error();
    writer_ = std::move(*conn);
  }
  return run(*writer_, "BEGIN IMMEDIATE", fn);
}

Result<std::unique_ptr<Connection>> SqliteDb::take_reader() {
  {
    std::lock_guard lock(pool_mu_);
    if (!idle_readers_.empty()) {
      auto conn = std::move(idle_readers_.back());
      idle_readers_.pop_back();
      return conn;
    }
  }
  return connect();
}

void SqliteDb::give_back(std::unique_ptr<Connection> reader) {
  std::lock_guard lock(pool_mu_);
  if (idle_readers_.size() < kMaxIdleReaders) idle_readers_.push_back(std::move(reader));
}

Status SqliteDb::read(const sql::TxFn& fn) {
  if (sql::read_batch::active()) return batched_read(fn);
  auto conn = take_reader();
  if (!conn) return conn.error();
  Status st = run(**conn, "BEGIN", fn);
  give_back(std::move(*conn));
  return st;
}

Status SqliteDb::batched_read(const sql::TxFn& fn) {
  sql::HeldRead* held = sql::read_batch::held(this);
  if (held == nullptr) {
    auto conn = take_reader();
    if (!conn) return conn.error();
    if (auto st = begin_tx(**conn, "BEGIN"); !st) {
      give_back(std::move(*conn));
      return st;
    }
    held = &sql::read_batch::hold(this, std::make_unique<HeldSqliteRead>(*this, std::move(*conn)));
  }
  Status st;
  try {
    st = fn(held->tx());
  } catch (const std::exception& e) {
    st = make_error(ErrorCode::kInternal, "error.store.internal", e.what());
  }
  // A failed statement may have ended SQLite's transaction: start afresh.
  if (!st) sql::read_batch::end();
  return st;
}

Status SqliteDb::lock_for_migration(sql::Tx&) {
  return {};  // BEGIN IMMEDIATE already holds the database's only write lock.
}

Result<bool> SqliteDb::table_exists(sql::Tx& tx, std::string_view table) {
  auto rows = tx.query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = $1",
                       {sql::value(table)});
  if (!rows) return rows.error();
  return !rows->empty();
}

}  // namespace solipraxis::store::sqlite
