// SQLite engine for the Store (the embedded default). Opens one database file
// in WAL mode with foreign keys on, synchronous=FULL and a 5 s busy timeout.
// One writer connection (writes serialised by a mutex, BEGIN IMMEDIATE so other
// processes such as the CLI wait instead of deadlocking) and a small pool of
// reader connections. A file that is not an SQLite database is refused with
// kUnavailable before anything is written to it.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/sql/db.h"

namespace solipraxis::store::sqlite {

struct Connection;  // a SQLite::Database plus its prepared-statement cache

class SqliteDb final : public sql::Db {
 public:
  // Opens (creating if missing) the database file at `path`.
  static core::Result<std::unique_ptr<SqliteDb>> open(const std::string& path);
  ~SqliteDb() override;

  const char* engine() const override { return "sqlite"; }
  core::Status read(const sql::TxFn& fn) override;
  core::Status write(const sql::TxFn& fn) override;
  core::Status lock_for_migration(sql::Tx& tx) override;
  core::Result<bool> table_exists(sql::Tx& tx, std::string_view table) override;

 private:
  explicit SqliteDb(std::string path);
  core::Result<std::unique_ptr<Connection>> connect() const;
  core::Status run(Connection& conn, const char* begin, const sql::TxFn& fn);

  std::string path_;
  std::mutex write_mu_;  // held for the whole of a write transaction
  std::unique_ptr<Connection> writer_;
  std::mutex pool_mu_;
  std::vector<std::unique_ptr<Connection>> idle_readers_;
};

}  // namespace solipraxis::store::sqlite
