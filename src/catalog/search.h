// In-memory full-text search over a Catalog, for the CLI (which works without a database).
// The web searches the database (Store::search_catalog); both fold words with core/fold.h.
// Matching is case-, accent- and umlaut-insensitive ("fursorge", "Fuersorge" and "Fürsorge"
// all find "Fürsorge") and by word prefix ("diskrim" finds "Diskriminierung"); every query word
// must match. Results are ranked: title before text, exact word before prefix, the chosen
// language before the other one; ties keep catalog order.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "catalog/catalog.h"
#include "core/fold.h"

namespace solipraxis::catalog {

using Word = core::Word;  // see core/fold.h

// Splits UTF-8 text into words (letters and digits; punctuation, quotes and dashes separate).
std::vector<Word> split_words(std::string_view text);

// Folded form of one word (see Word::folded).
std::string fold(std::string_view word);

struct SearchOptions {
  Lang lang = Lang::kDe;
  int phase = 0;                 // 0 = all phases
  const Kind* kind = nullptr;    // nullptr = all kinds
  size_t limit = 50;
};

struct Hit {
  const Item* item = nullptr;  // points into Catalog::items()
  double score = 0;
};

// Empty when the query has no words.
std::vector<Hit> search(const Catalog& catalog, std::string_view query, const SearchOptions& opt);

// Byte ranges [first, second) of the words in `text` that the query matches.
std::vector<std::pair<size_t, size_t>> match_spans(std::string_view text, std::string_view query);
// Byte ranges of the words for which `matches` holds (the database search passes
// its own rule, with stems: store/stem.h).
std::vector<std::pair<size_t, size_t>> match_spans(std::string_view text,
                                                   const std::function<bool(const Word&)>& matches);

// `text` HTML-escaped, with every matched word wrapped in <mark>...</mark>.
std::string highlight_html(std::string_view text, std::string_view query);

}  // namespace solipraxis::catalog
