// Word splitting and folding for search: one definition of "the same word" shared by the
// in-memory catalog search, the highlighter and both database full-text indexes, so that a
// word the index finds is also the word that gets highlighted.
// Folding lower-cases ASCII, strips accents and umlauts (ä -> a, é -> e) and maps ß -> ss;
// a query word spelled with "ae"/"oe"/"ue" also matches the umlaut ("Fuersorge" ~ "Fürsorge").
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace solipraxis::core {

struct Word {
  std::size_t start = 0;  // byte offsets into the split text
  std::size_t end = 0;
  std::string folded;  // lower case, accents and umlauts removed, ß -> ss
};

// Splits UTF-8 text into words (letters and digits; punctuation, quotes and dashes separate).
std::vector<Word> split_words(std::string_view text);

// Folded form of one word (see Word::folded).
std::string fold(std::string_view word);

// The folded words of `text` joined by single spaces: what the full-text indexes store.
std::string fold_text(std::string_view text);

// One word of a search query: its folded form and, when it has "ae"/"oe"/"ue", the form with
// those read as umlauts ("fuersorge" -> "fursorge"); `variant` is "" otherwise.
struct QueryTerm {
  std::string folded;
  std::string variant;
};

// The distinct words of a query, in order. Empty when the query has no words.
std::vector<QueryTerm> query_terms(std::string_view query);

}  // namespace solipraxis::core
