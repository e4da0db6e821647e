// Reading the catalog from disk: a thin layer over parse_catalog_set() (parse.h).
// The directory holds one subdirectory per version (v1/, v2/ ...) and published-ids.txt.
#pragma once

#include <string>
#include <string_view>

#include "catalog/catalog.h"
#include "core/result.h"

namespace solipraxis::catalog {

// Loads and validates every version below `dir`. Errors name the file (and entry id).
core::Result<CatalogSet> load_catalog_dir(const std::string& dir);

// Where the catalog lives: `explicit_dir` (--catalog-dir) if set, else $SOLIPRAXIS_CATALOG_DIR,
// else <dir of exe_path>/../data/catalog if that exists (installed or build tree beside source),
// else <dir of exe_path>/../../data/catalog, else ./data/catalog.
std::string find_catalog_dir(std::string_view explicit_dir, std::string_view exe_path);

}  // namespace solipraxis::catalog
