// JSON views of the catalog, shared by the CLI and the HTTP API.
// catalog_json() mirrors the data files (both languages, same field names) plus "version";
// item_json() is the short, one-language form used in listings and search results:
// {"id", "kind", "phase", "phases", "title", "text"} with phase a number or null.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "catalog/catalog.h"

namespace solipraxis::catalog {

nlohmann::json catalog_json(const Catalog& c);

// One top-level item in full (both languages), as in its data file, plus "kind".
// Null when the id is unknown.
nlohmann::json detail_json(const Catalog& c, std::string_view id);

nlohmann::json item_json(const Item& item, Lang lang);

}  // namespace solipraxis::catalog
