// PostgreSQL engine for the Store (for several instances or larger installs).
// A small pool of connections; each read()/write() takes one for its
// transaction. An unreachable server or a broken connection is kUnavailable
// with a message that names the server but never the password. After the
// server restarts, the pool reconnects by itself (see PgDb::run). Inside a
// ReadBatch the reads of a thread share one connection and read transaction.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/sql/db.h"

namespace solipraxis::store::postgres {

struct PgConnection;  // wraps one pqxx connection
class HeldPgRead;     // a ReadBatch's open read transaction

class PgDb final : public sql::Db {
 public:
  // Connects once to check the URL; kUnavailable if the server cannot be reached.
  static core::Result<std::unique_ptr<PgDb>> open(const std::string& url);
  ~PgDb() override;

  const char* engine() const override { return "postgresql"; }
  core::Status read(const sql::TxFn& fn) override;
  core::Status write(const sql::TxFn& fn) override;
  core::Status lock_for_migration(sql::Tx& tx) override;
  core::Result<bool> table_exists(sql::Tx& tx, std::string_view table) override;

 private:
  friend class HeldPgRead;
  explicit PgDb(std::string url);
  core::Result<std::unique_ptr<PgConnection>> connect() const;
  core::Result<std::unique_ptr<PgConnection>> acquire();
  void release(std::unique_ptr<PgConnection> conn);
  void drop_idle();  // after a broken connection: the others are most likely gone too
  core::Status run(bool writable, const sql::TxFn& fn);
  // A failed transaction's status: kUnavailable when its connection is gone
  // (and then the idle pool is dropped too).
  core::Status after_failure(core::Status result, const PgConnection& conn);
  core::Status batched_read(const sql::TxFn& fn);

  std::string url_;       // with connect_timeout added
  std::string shown_;     // the URL without its password, for messages
  std::mutex mu_;
  std::vector<std::unique_ptr<PgConnection>> idle_;
};

// The URL with any password replaced by "***".
std::string redact_url(std::string_view url);

}  // namespace solipraxis::store::postgres
