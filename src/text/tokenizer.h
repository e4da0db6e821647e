// Tokenizer for German and English prose: words (with inner hyphens and
// apostrophes), numbers (3.5, 1.000,00), URLs, e-mail addresses and single
// punctuation marks, each with its byte range in the input. Whitespace is not a
// token; a token records whether a line break or blank line came before it.
// Input must be valid UTF-8 (see utf8.h). No allocation per token.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace solipraxis::text {

enum class TokenKind : std::uint8_t { kWord, kNumber, kUrl, kEmail, kPunct };

enum TokenFlag : std::uint8_t {
  kCapitalized = 1,      // first letter is upper case (Mitarbeiter, Über)
  kAllUpper = 2,         // at least two letters, none lower case (NGO, IT)
  kHasHyphen = 4,        // IT-Berater, man-hours
  kSpaceBefore = 8,      // whitespace directly before the token
  kLineBreakBefore = 16, // a line break in the whitespace before
  kBlankLineBefore = 32, // an empty line before (paragraph break)
};

struct Token {
  std::uint32_t start = 0;  // byte offsets into the input, end exclusive
  std::uint32_t end = 0;
  TokenKind kind = TokenKind::kPunct;
  std::uint8_t flags = 0;

  std::string_view text(std::string_view input) const {
    return input.substr(start, end - start);
  }
  bool has(TokenFlag f) const { return (flags & f) != 0; }
};

// Pulls tokens one at a time. Offsets are 32 bit: inputs must be < 4 GiB.
class Tokenizer {
 public:
  explicit Tokenizer(std::string_view input, std::uint32_t pos = 0) : in_(input), pos_(pos) {}
  // Stores the next token in *out; false at the end of the input.
  bool next(Token* out);

 private:
  std::uint32_t scan_word(std::uint32_t pos, std::uint8_t* flags) const;
  std::uint32_t scan_number(std::uint32_t pos) const;
  std::uint32_t scan_link(std::uint32_t pos, TokenKind* kind) const;

  std::string_view in_;
  std::uint32_t pos_;
};

std::vector<Token> tokenize(std::string_view input);

// Letter or digit (Unicode-aware); soft hyphen and combining marks count too.
bool is_word_char(char32_t cp);

}  // namespace solipraxis::text
