// The migration runner: brings a database's schema up to the newest version this
// binary knows, one numbered SQL file at a time. Shared by both engines.
#pragma once

#include <string>
#include <vector>

#include "core/clock.h"
#include "core/embedded.h"
#include "core/result.h"
#include "store/sql/db.h"

namespace solipraxis::store::sql {

struct Migration {
  int version = 0;   // from the file name: "0003_tools.sql" -> 3
  std::string name;  // the file name
  std::string sql;
};

// Parses embedded files named NNNN_name.sql into migrations sorted by version.
// Versions must be 1, 2, 3, ... without gaps or duplicates (a build error in
// practice: the contract tests fail on the embedded set).
Result<std::vector<Migration>> parse_migrations(const std::vector<core::EmbeddedFile>& files);

// The version recorded in the database; 0 for an empty (new) database.
Result<int> current_schema_version(Db& db);

// Applies every migration newer than the database's version. Returns the
// resulting version. Refuses (kConflict, "error.store.schema_too_new") a
// database that is newer than the newest migration this binary knows.
Result<int> migrate(Db& db, const std::vector<Migration>& migrations, core::UnixTime now);

// Checks without writing: kConflict if the database is newer than the binary.
Status check_not_too_new(int db_version, int known_version);

}  // namespace solipraxis::store::sql
