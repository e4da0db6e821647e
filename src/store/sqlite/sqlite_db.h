// SQLite engine for the Store (the embedded default). Opens one database file
// in WAL mode with foreign keys on and synchronous=FULL. One writer connection
// (writes serialised by a mutex, BEGIN IMMEDIATE so other processes such as the
// CLI wait instead of deadlocking) and a small pool of reader connections.
// Every connection waits up to kLockWait for a write lock another process holds
// (polling often, so a CLI write gets in beside a busy server), then fails with
// kStoreBusy. A file that is not an SQLite database is refused with
// kUnavailable before anything is written to it. Every connection keeps its
// statements prepared (BEGIN and COMMIT too); inside a ReadBatch the reads of a
// thread share one reader connection and one read transaction.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/sql/db.h"

namespace solipraxis::store::sqlite {

// The longest a transaction waits for another process's write lock.
inline constexpr std::chrono::seconds kLockWait{10};

struct Connection;  // a SQLite::Database plus its prepared-statement cache
class HeldSqliteRead;  // a ReadBatch's open read transaction

class SqliteDb final : public sql::Db {
 public:
  struct Options {
    bool read_only = false;       // open the file read-only; never create it
    std::int64_t max_pages = 0;   // PRAGMA max_page_count on every connection (0 = none)
  };
  // Opens (creating if missing, unless read-only) the database file at `path`.
  static core::Result<std::unique_ptr<SqliteDb>> open(const std::string& path, Options options);
  ~SqliteDb() override;

  const char* engine() const override { return "sqlite"; }
  core::Status read(const sql::TxFn& fn) override;
  core::Status write(const sql::TxFn& fn) override;
  core::Status lock_for_migration(sql::Tx& tx) override;
  core::Result<bool> table_exists(sql::Tx& tx, std::string_view table) override;

 private:
  friend class HeldSqliteRead;
  SqliteDb(std::string path, Options options);
  core::Result<std::unique_ptr<Connection>> connect() const;
  core::Status run(Connection& conn, const char* begin, const sql::TxFn& fn);
  core::Result<std::unique_ptr<Connection>> take_reader();
  void give_back(std::unique_ptr<Connection> reader);
  core::Status batched_read(const sql::TxFn& fn);

  std::string path_;
  Options options_;
  std::mutex write_mu_;  // held for the whole of a write transaction
  std::unique_ptr<Connection> writer_;
  std::mutex pool_mu_;
  std::vector<std::unique_ptr<Connection>> idle_readers_;
};

}  // namespace solipraxis::store::sqlite
