#include "core/fold.h"

#include <algorithm>

namespace solipraxis::core {

namespace {

// Base letters for U+00C0..U+00FF; "" marks a separator (×, ÷).
constexpr const char* kLatin1[64] = {
    "a", "a", "a", "a", "a",  "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
    "d", "n", "o", "o", "o",  "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "ss",
    "a", "a", "a", "a", "a",  "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
    "d", "n", "o", "o", "o",  "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "y"};

// Base letters for U+0100..U+017F (Latin Extended-A), as runs: count, letters.
struct Run {
  int count;
  const char* base;
};
constexpr Run kExtendedA[] = {{6, "a"},  {8, "c"},  {4, "d"}, {10, "e"}, {8, "g"}, {4, "h"},
                              {10, "i"}, {2, "ij"}, {2, "j"}, {3, "k"},  {10, "l"}, {9, "n"},
                              {6, "o"},  {2, "oe"}, {6, "r"}, {8, "s"},  {6, "t"}, {12, "u"},
                              {2, "w"},  {3, "y"},  {6, "z"}, {1, "s"}};

const char* extended_a(unsigned cp) {
  unsigned i = cp - 0x100;
  for (const Run& r : kExtendedA) {
    if (i < static_cast<unsigned>(r.count)) return r.base;
    i -= r.count;
  }
  return nullptr;
}

// Decodes one code point at s[i]; returns its length (1 for invalid bytes).
std::size_t decode(std::string_view s, std::size_t i, unsigned& cp) {
  unsigned char c = s[i];
  std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
  if (i + n > s.size()) n = 1;
  if (n == 1) {
    cp = c;
    return 1;
  }
  cp = c & (0x7F >> n);
  for (std::size_t k = 1; k < n; ++k) {
    unsigned char cc = s[i + k];
    if ((cc & 0xC0) != 0x80) {
      cp = c;
      return 1;
    }
    cp = (cp << 6) | (cc & 0x3F);
  }
  return n;
}

bool is_word_char(unsigned cp) {
  if (cp < 0x80) return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
  if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7) return false;  // NBSP, «, », ·, ×, ÷ ...
  if (cp >= 0x2000 && cp <= 0x206F) return false;           // dashes, quotes, ellipsis
  if (cp >= 0x3000 && cp <= 0x303F) return false;           // CJK punctuation
  return true;
}

void fold_into(std::string& out, std::string_view s, std::size_t i, std::size_t n, unsigned cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
  } else if (cp >= 0xC0 && cp <= 0xFF) {
    out += kLatin1[cp - 0xC0];
  } else if (cp >= 0x100 && cp <= 0x17F) {
    out += extended_a(cp);
  } else {
    out.append(s.substr(i, n));
  }
}

}  // namespace

std::string fold(std::string_view word) {
  std::string out;
  for (std::size_t i = 0; i < word.size();) {
    unsigned cp;
    std::size_t n = decode(word, i, cp);
    fold_into(out, word, i, n, cp);
    i += n;
  }
  return out;
}

std::vector<Word> split_words(std::string_view text) {
  std::vector<Word> out;
  Word cur;
  bool in_word = false;
  for (std::size_t i = 0; i < text.size();) {
    unsigned cp;
    std::size_t n = decode(text, i, cp);
    if (is_word_char(cp)) {
      if (!in_word) {
        cur = Word{i, i, {}};
        in_word = true;
      }
      fold_into(cur.folded, text, i, n, cp);
      cur.end = i + n;
    } else if (in_word) {
      out.push_back(std::move(cur));
      in_word = false;
    }
    i += n;
  }
  if (in_word) out.push_back(std::move(cur));
  return out;
}

std::string fold_text(std::string_view text) {
  std::string out;
  for (const Word& w : split_words(text)) {
    if (w.folded.empty()) continue;
    if (!out.empty()) out += ' ';
    out += w.folded;
  }
  return out;
}

std::vector<QueryTerm> query_terms(std::string_view query) {
  std::vector<QueryTerm> out;
  for (const Word& w : split_words(query)) {
    if (w.folded.empty()) continue;
    QueryTerm t{w.folded, {}};
    std::string v;
    for (std::size_t i = 0; i < t.folded.size(); ++i) {
      char c = t.folded[i];
      v += c;
      if ((c == 'a' || c == 'o' || c == 'u') && i + 1 < t.folded.size() && t.folded[i + 1] == 'e')
        ++i;
    }
    if (v != t.folded) t.variant = v;
    if (std::none_of(out.begin(), out.end(),
                     [&](const QueryTerm& o) { return o.folded == t.folded; }))
      out.push_back(std::move(t));
  }
  return out;
}

}  // namespace solipraxis::core
