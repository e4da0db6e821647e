// The narrow seam between the Store logic (written once, in sql/) and the two
// database engines (sqlite/, postgres/). An engine only runs parameterised SQL
// inside transactions; it never knows about orgs or users.
//
// Contract every engine keeps:
// - Placeholders are written $1, $2, ... in every statement (an engine rewrites
//   them if it needs to). Values are bound, never spliced into SQL text.
// - write() runs its function in one read-write transaction that commits only if
//   the function returns success; any error or exception rolls it back. Writes
//   are serialised (one writer at a time per process).
// - read() runs its function on a consistent snapshot; it must not write.
//   Inside a ReadBatch (store/read_batch.h) the reads of one thread share one
//   read transaction until the batch ends, the thread writes, or a read fails.
// - Engine failures become Errors: a broken connection or unreadable file is
//   kUnavailable, a unique-constraint violation is kConflict with key
//   "error.store.duplicate", anything else kInternal. No exception escapes.
#pragma once

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/result.h"
#include "store/faults.h"

namespace solipraxis::store::sql {

using core::Result;
using core::Status;

// A bound value or a column value: NULL, an integer or text.
using Value = std::variant<std::monostate, std::int64_t, std::string>;

struct Row {
  std::vector<Value> values;

  bool is_null(std::size_t i) const;
  std::int64_t int64(std::size_t i) const;   // NULL -> 0; text is parsed
  std::string text(std::size_t i) const;     // NULL -> ""; integers are printed
};

// Builds a Value from the C++ types the Store uses.
inline Value value(std::int64_t v) { return v; }
inline Value value(std::string_view v) { return std::string(v); }
inline Value value(const char* v) { return std::string(v); }
inline Value null_value() { return std::monostate{}; }

using Params = std::vector<Value>;

// One open transaction. Valid only inside the read()/write() call that made it.
class Tx {
 public:
  virtual ~Tx() = default;
  // Runs a statement and returns its rows (empty for statements without rows;
  // use RETURNING to get rows back from writes).
  virtual Result<std::vector<Row>> query(std::string_view sql, const Params& params = {}) = 0;
  // Runs a statement; returns the number of rows it changed.
  virtual Result<std::int64_t> exec(std::string_view sql, const Params& params = {}) = 0;
  // Runs several ';'-separated statements without parameters (migrations).
  virtual Status exec_script(std::string_view sql) = 0;
};

using TxFn = std::function<Status(Tx&)>;

class Db;

// The read transaction a ReadBatch (store/read_batch.h) keeps open between the
// reads of one thread. An engine makes one on the first read() of a batch;
// destroying it ends the transaction and gives the connection back.
class HeldRead {
 public:
  virtual ~HeldRead() = default;
  virtual Tx& tx() = 0;
};

namespace read_batch {
// True while a ReadBatch lives on this thread.
bool active();
// The open read of `db` in this thread's batch, or null.
HeldRead* held(const Db* db);
// Keeps `read` open for `db` until the batch ends (ending any other held read).
HeldRead& hold(const Db* db, std::unique_ptr<HeldRead> read);
// Ends the held read now: before a write, after a failed read.
void end();
}  // namespace read_batch

class Db {
 public:
  virtual ~Db() = default;
  virtual const char* engine() const = 0;  // "sqlite" or "postgresql"
  virtual Status read(const TxFn& fn) = 0;
  virtual Status write(const TxFn& fn) = 0;
  // Inside a write(): blocks other processes from migrating at the same time.
  virtual Status lock_for_migration(Tx& tx) = 0;
  // Tests whether a table exists in the current schema.
  virtual Result<bool> table_exists(Tx& tx, std::string_view table) = 0;
};

}  // namespace solipraxis::store::sql
