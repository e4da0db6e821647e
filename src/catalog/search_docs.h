// The catalog's text as documents for a database full-text index (core/search_doc.h):
// every top-level item (phases, entries, principles, methods) once per language, with the
// same fields the in-memory search looks at (title; text plus the searchable body).
#pragma once

#include <vector>

#include "catalog/catalog.h"
#include "core/search_doc.h"

namespace solipraxis::catalog {

// In catalog order, German before English for each item; a language without text is left out.
std::vector<core::SearchDoc> search_docs(const Catalog& catalog);

}  // namespace solipraxis::catalog
