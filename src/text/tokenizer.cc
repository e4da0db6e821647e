#include "text/tokenizer.h"

#include <unicode/uchar.h>

#include "text/utf8.h"

namespace solipraxis::text {

namespace {

inline bool ascii_alpha(unsigned char c) { return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'); }
inline bool ascii_digit(unsigned char c) { return c >= '0' && c <= '9'; }
inline bool ascii_space(unsigned char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

bool is_unicode_space(char32_t cp) {
  return cp == 0xA0 || cp == 0x202F || cp == 0x2009 || cp == 0x200B || cp == 0x3000 ||
         cp == 0xFEFF || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 ||
         cp == 0x85;
}

bool is_upper(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  return u_isupper(static_cast<UChar32>(cp));
}
bool is_lower(char32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  return u_islower(static_cast<UChar32>(cp));
}

bool starts_with(std::string_view s, std::size_t pos, std::string_view prefix) {
  return s.size() - pos >= prefix.size() && s.compare(pos, prefix.size(), prefix) == 0;
}

// Characters that may appear inside a URL or e-mail address run.
bool link_char(unsigned char c) {
  return c > 0x20 && c != '<' && c != '>' && c != '"' && c != '(' && c != ')' && c != '[' &&
         c != ']' && c != '{' && c != '}' && c != ',' && c != ';' && c < 0x80;
}

bool known_tld(std::string_view tld) {
  static constexpr std::string_view kTlds[] = {"at", "ch", "com", "de", "edu", "eu", "gov",
                                               "info", "io", "net", "org", "uk"};
  for (auto t : kTlds)
    if (t == tld) return true;
  return false;
}

}  // namespace

bool is_word_char(char32_t cp) {
  if (cp < 0x80) return ascii_alpha(static_cast<unsigned char>(cp)) || ascii_digit(cp);
  if (cp == 0xAD) return true;
  const auto c = static_cast<UChar32>(cp);
  if (u_isalnum(c)) return true;
  const int8_t type = u_charType(c);
  return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK;
}

std::uint32_t Tokenizer::scan_word(std::uint32_t pos, std::uint8_t* flags) const {
  const std::uint32_t n = static_cast<std::uint32_t>(in_.size());
  bool first = true;
  int uppers = 0, lowers = 0;
  while (pos < n) {
    const unsigned char c = in_[pos];
    if (c < 0x80 && ascii_alpha(c)) {  // fast path for ASCII letters
      if (c <= 'Z') {
        ++uppers;
        if (first) *flags |= kCapitalized;
      } else {
        ++lowers;
      }
      first = false;
      ++pos;
      continue;
    }
    std::size_t len = 1;
    char32_t cp = c;
    if (c >= 0x80) cp = decode_utf8(in_, pos, &len);
    if (is_word_char(cp)) {
      if (is_upper(cp)) {
        ++uppers;
        if (first) *flags |= kCapitalized;
      } else if (is_lower(cp)) {
        ++lowers;
      }
      first = false;
      pos += static_cast<std::uint32_t>(len);
      continue;
    }
    // Inner hyphen or apostrophe: only between two word characters.
    const bool hyphen = c == '-';
    const bool apostrophe = c == '\'' || cp == 0x2019;
    if ((hyphen || apostrophe) && pos + len < n) {
      std::size_t l2;
      const char32_t next = decode_utf8(in_, pos + len, &l2);
      if (is_word_char(next)) {
        if (hyphen) *flags |= kHasHyphen;
        pos += static_cast<std::uint32_t>(len);
        continue;
      }
    }
    break;
  }
  if (uppers >= 2 && lowers == 0) *flags |= kAllUpper;
  return pos;
}

std::uint32_t Tokenizer::scan_number(std::uint32_t pos) const {
  const std::uint32_t n = static_cast<std::uint32_t>(in_.size());
  while (pos < n) {
    const unsigned char c = in_[pos];
    if (ascii_digit(c)) {
      ++pos;
    } else if ((c == '.' || c == ',') && pos + 1 < n && ascii_digit(in_[pos + 1])) {
      ++pos;
    } else {
      break;
    }
  }
  return pos;
}

// Returns the end of a URL or e-mail address starting at pos, or pos if none.
std::uint32_t Tokenizer::scan_link(std::uint32_t pos, TokenKind* kind) const {
  const std::uint32_t n = static_cast<std::uint32_t>(in_.size());
  std::uint32_t end = pos;
  while (end < n && link_char(in_[end])) ++end;
  // Trailing punctuation belongs to the sentence, not the link.
  while (end > pos && (in_[end - 1] == '.' || in_[end - 1] == ':' || in_[end - 1] == '!' ||
                       in_[end - 1] == '?' || in_[end - 1] == '\'' || in_[end - 1] == '-'))
    --end;
  const std::string_view run = in_.substr(pos, end - pos);
  if (starts_with(in_, pos, "http://") || starts_with(in_, pos, "https://") ||
      starts_with(in_, pos, "www.")) {
    if (run.size() > 7) {
      *kind = TokenKind::kUrl;
      return end;
    }
    return pos;
  }
  const auto at = run.find('@');
  if (at != std::string_view::npos && at > 0) {
    const auto dot = run.find('.', at);
    if (dot != std::string_view::npos && dot > at + 1 && dot + 1 < run.size()) {
      *kind = TokenKind::kEmail;
      return end;
    }
    return pos;
  }
  // Bare domain such as example.org or d64.eu/path: lower case, known top-level domain.
  const auto slash = run.find('/');
  const std::string_view host = run.substr(0, slash);
  const auto last_dot = host.rfind('.');
  if (last_dot == std::string_view::npos || last_dot == 0) return pos;
  for (unsigned char c : host)
    if (c >= 'A' && c <= 'Z') return pos;
  if (!known_tld(host.substr(last_dot + 1))) return pos;
  *kind = TokenKind::kUrl;
  return end;
}

bool Tokenizer::next(Token* out) {
  const std::uint32_t n = static_cast<std::uint32_t>(in_.size());
  std::uint8_t flags = 0;
  int newlines = 0;
  // Skip whitespace, counting line breaks.
  while (pos_ < n) {
    const unsigned char c = in_[pos_];
    if (c < 0x80) {
      if (!ascii_space(c)) break;
      flags |= kSpaceBefore;
      if (c == '\n') {
        ++newlines;
        flags |= kLineBreakBefore;
        if (newlines >= 2) flags |= kBlankLineBefore;
      }
      ++pos_;
    } else {
      std::size_t len;
      const char32_t cp = decode_utf8(in_, pos_, &len);
      if (!is_unicode_space(cp)) break;
      flags |= kSpaceBefore;
      pos_ += static_cast<std::uint32_t>(len);
    }
  }
  if (pos_ >= n) return false;
  const std::uint32_t start = pos_;
  const unsigned char c = in_[pos_];
  std::size_t len = 1;
  char32_t cp = c;
  if (c >= 0x80) cp = decode_utf8(in_, pos_, &len);

  TokenKind kind = TokenKind::kPunct;
  std::uint32_t end;
  if (is_word_char(cp)) {
    // URLs and e-mail addresses start like words; check them only when the
    // word is followed by a character that can continue a link.
    std::uint8_t wflags = 0;
    if (ascii_digit(c)) {
      end = scan_number(pos_);
      kind = TokenKind::kNumber;
      if (end < n) {
        std::size_t l2;
        const char32_t next = decode_utf8(in_, end, &l2);
        if (is_word_char(next) || (in_[end] == '-' && end + 1 < n && !ascii_space(in_[end + 1]) &&
                                   in_[end + 1] != '-')) {
          end = scan_word(pos_, &wflags);
          kind = TokenKind::kWord;
        }
      }
    } else {
      end = scan_word(pos_, &wflags);
      kind = TokenKind::kWord;
    }
    if (end < n && (in_[end] == '@' || in_[end] == '.' || in_[end] == ':' || in_[end] == '/') &&
        c < 0x80) {
      TokenKind link_kind;
      const std::uint32_t link_end = scan_link(pos_, &link_kind);
      if (link_end > end) {
        end = link_end;
        kind = link_kind;
        wflags = 0;
      }
    }
    flags |= wflags;
  } else {
    end = pos_ + static_cast<std::uint32_t>(len);
  }
  pos_ = end;
  *out = Token{start, end, kind, flags};
  return true;
}

std::vector<Token> tokenize(std::string_view input) {
  std::vector<Token> tokens;
  Tokenizer t(input);
  Token tok;
  while (t.next(&tok)) tokens.push_back(tok);
  return tokens;
}

}  // namespace solipraxis::text
