// Word stems for catalog search, the same on both engines: Snowball's German and
// English stemmers (libstemmer, the algorithms PostgreSQL's german and english
// text search configurations use). Words are folded first (core/fold.h). The
// SQLite FTS5 tokenizer (sqlite/stem_tokenizer.h), the queries of both engines
// and the highlighter all stem through here, so what the index finds is what the
// page marks. Thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace solipraxis::store {

// The Snowball stem of a folded word in "de" (German) or any other lang (English).
// Words with digits are their own stem (PostgreSQL does not stem them either).
std::string stem(std::string_view lang, std::string_view folded_word);

// Whether the document side indexes a stem for `folded_word` next to the word: when
// the stem is not a prefix of the word (prefix queries find the word otherwise),
// unless PostgreSQL's stop list for `lang` drops the word before stemming.
bool index_stem(std::string_view lang, std::string_view folded_word, std::string_view stem);

// For every word of `query` (core::query_terms, in order, at most `max_terms`), the
// prefixes that find it in `lang`: the folded word, its umlaut variant, their stems
// and, for German, the stem without a verb ending "-t"/"-et" ("überwacht" finds
// "Überwachung"). Shortest first, none a prefix of another. A document matches a
// query when every word has a prefix that starts one of its words or their stems.
std::vector<std::vector<std::string>> search_prefixes(std::string_view query,
                                                      std::string_view lang,
                                                      std::size_t max_terms = 8);

// Whether the folded text word, or its stem in `lang`, starts with one of `prefixes`.
bool word_matches(std::string_view folded_word, const std::vector<std::string>& prefixes,
                  std::string_view lang);

}  // namespace solipraxis::store
