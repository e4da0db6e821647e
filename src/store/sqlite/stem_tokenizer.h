// The FTS5 tokenizer "solipraxis_stem" for SQLite's catalog search: SQLite's own
// unicode61 tokenizer (remove_diacritics 2) plus, for every document word, its
// Snowball stem as a colocated token when store::index_stem() asks for one, so
// prefix queries with stems (store::search_prefixes) find what PostgreSQL's
// german/english tsvector finds. Argument: the language, "de" or "en"
// (tokenize = 'solipraxis_stem de'). Query text is not stemmed: the query
// builder already passes every prefix it means.
#pragma once

#include "core/result.h"

struct sqlite3;

namespace solipraxis::store::sqlite {

// Registers the tokenizer on `db`; needed on every connection before an FTS5
// table using it is read or written (migration 0010 creates such tables).
core::Status register_stem_tokenizer(sqlite3* db);

}  // namespace solipraxis::store::sqlite
