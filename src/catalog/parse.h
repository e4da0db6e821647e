// Turns the JSON files of one catalog version into a validated Catalog, and several versions
// into a CatalogSet. Pure: callers pass file contents, nothing here touches the disk (see load.h).
// Every failure is an Error (key "error.catalog.invalid") whose detail names the file and,
// where there is one, the entry id, e.g. "v1/questions.json: q.selection.07: text.en is missing".
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "catalog/catalog.h"
#include "core/result.h"

namespace solipraxis::catalog {

// File name (relative to the version directory, e.g. "questions.json") -> content.
using VersionFiles = std::map<std::string, std::string, std::less<>>;

// The files every version directory must contain.
inline constexpr const char* kCatalogFiles[] = {
    "catalog.json",   "phases.json", "questions.json",  "approaches.json",
    "resources.json", "boxes.json",  "principles.json", "methods.json"};

// label prefixes file names in messages ("v1" -> "v1/questions.json").
core::Result<Catalog> parse_catalog(const VersionFiles& files, std::string_view label);

// Cross-checks a parsed catalog: unique ids (nested ones too), every reference resolves, both
// languages present. parse_catalog() calls it; exposed for tests.
core::Status validate_catalog(const Catalog& catalog, std::string_view label);

// Paths relative to the catalog root ("v1/questions.json", "published-ids.txt") -> content.
// Every "v<N>/" prefix is one version; catalog.json's version must equal N. When
// "published-ids.txt" is present, every id listed there must exist in the current version.
core::Result<CatalogSet> parse_catalog_set(const std::map<std::string, std::string>& files);

// Lines of published-ids.txt that are ids (no blank lines, no '#' comments).
std::vector<std::string> published_ids(std::string_view text);

}  // namespace solipraxis::catalog
