// The SQL migrations compiled into the binary (src/store/migrations/<engine>/),
// so a deployed solipraxis needs no source tree to create or upgrade its schema.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/embedded.h"
#include "store/store.h"

namespace solipraxis::store {

// The migration files of one engine ("sqlite" or "postgresql"), sorted by name.
std::vector<core::EmbeddedFile> migration_files(std::string_view engine);
// The newest schema version this binary knows for `engine`.
int latest_schema_version(std::string_view engine);

// True for postgresql:// and postgres:// URLs.
bool is_postgres_url(std::string_view database);
// The database open_store() would use: config.database, else <data_dir>/solipraxis.db.
std::string database_location(const StoreConfig& config);
// database_location() with any password replaced by "***", for messages.
std::string database_shown(const StoreConfig& config);

}  // namespace solipraxis::store
