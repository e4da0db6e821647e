// Internal to src/store/sql: writing rows of the catalog's full-text index
// (table catalog_docs; SQLite mirrors it into catalog_fts by triggers,
// PostgreSQL computes the tsvector column itself).
#pragma once

#include <optional>
#include <vector>

#include "core/search_doc.h"
#include "store/sql/db.h"
#include "store/catalog.h"

namespace solipraxis::store::sql {

// Inserts `docs` with their text folded (core/fold.h). Base catalog: org empty
// and the catalog version; an org's own entries: the org and version 0.
Status insert_search_docs(Tx& tx, std::int64_t version, std::optional<OrgId> org,
                          const std::vector<core::SearchDoc>& docs);

}  // namespace solipraxis::store::sql
