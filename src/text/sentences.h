// Sentence splitter over the token stream. A sentence ends at . ! ? or … and at
// a blank line; a full stop does not end one after an abbreviation (z. B., bzw.,
// Nr., d. h., u. a., usw., Dr., e.g.), an initial, an ordinal ("am 3. Mai") or
// when a lower-case word follows. URLs, e-mail addresses and decimal numbers are
// single tokens already. Streams: memory is one sentence of tokens.
#pragma once

#include <string_view>
#include <vector>

#include "text/tokenizer.h"

namespace solipraxis::text {

class SentenceSplitter {
 public:
  explicit SentenceSplitter(std::string_view input) : in_(input), tokenizer_(input) {}
  // Replaces *tokens with the tokens of the next sentence; false at the end.
  bool next(std::vector<Token>* tokens);

 private:
  bool pull(Token* t);
  bool peek(Token* t);
  bool ends_sentence(const std::vector<Token>& tokens);

  std::string_view in_;
  Tokenizer tokenizer_;
  Token pending_;
  bool has_pending_ = false;
};

// Convenience for tests: the byte ranges [start, end) of all sentences.
std::vector<std::pair<std::uint32_t, std::uint32_t>> split_sentences(std::string_view input);

// True for a word that is conventionally followed by a full stop as an
// abbreviation (case-sensitive where it matters: "Nr", "bzw", "Dr").
bool is_abbreviation(std::string_view word);

}  // namespace solipraxis::text
