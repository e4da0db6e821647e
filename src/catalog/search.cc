#include "catalog/search.h"

#include <algorithm>

namespace solipraxis::catalog {

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
size_t decode(std::string_view s, size_t i, unsigned& cp) {
  unsigned char c = s[i];
  size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
  if (i + n > s.size()) n = 1;
  if (n == 1) {
    cp = c;
    return 1;
  }
  cp = c & (0x7F >> n);
  for (size_t k = 1; k < n; ++k) {
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

void fold_into(std::string& out, std::string_view s, size_t i, size_t n, unsigned cp) {
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

struct Token {
  std::string folded;
  std::string variant;  // "ae"/"oe"/"ue" spelled as umlaut ("fuersorge" -> "fursorge"), or ""
};

std::vector<Token> tokens(std::string_view query) {
  std::vector<Token> out;
  for (const Word& w : split_words(query)) {
    Token t{w.folded, {}};
    std::string v;
    for (size_t i = 0; i < t.folded.size(); ++i) {
      char c = t.folded[i];
      v += c;
      if ((c == 'a' || c == 'o' || c == 'u') && i + 1 < t.folded.size() && t.folded[i + 1] == 'e')
        ++i;
    }
    if (v != t.folded) t.variant = v;
    if (std::none_of(out.begin(), out.end(), [&](const Token& o) { return o.folded == t.folded; }))
      out.push_back(std::move(t));
  }
  return out;
}

// 0 = no match, 1 = prefix of a word, 2 = a whole word.
int match(const Token& t, const std::vector<Word>& words) {
  int best = 0;
  for (const Word& w : words) {
    for (const std::string* q : {&t.folded, &t.variant}) {
      if (q->empty() || w.folded.compare(0, q->size(), *q) != 0) continue;
      best = std::max(best, w.folded.size() == q->size() ? 2 : 1);
    }
    if (best == 2) break;
  }
  return best;
}

struct Fields {
  std::vector<Word> title, text, body;
};

Fields fields_of(const Item& it, Lang lang) {
  return Fields{split_words(it.title.get(lang)), split_words(it.text.get(lang)),
                split_words(it.body.get(lang))};
}

// Score of one language's fields, or 0 if some token matches nowhere.
double score(const std::vector<Token>& toks, const Fields& f) {
  double total = 0;
  for (const Token& t : toks) {
    double best = 0;
    for (auto [words, weight] : {std::pair{&f.title, 3.0}, std::pair{&f.text, 2.0},
                                 std::pair{&f.body, 1.0}}) {
      int m = match(t, *words);
      if (m) best = std::max(best, weight + (m == 2 ? 0.5 : 0.0));
    }
    if (best == 0) return 0;
    total += best;
  }
  return total;
}

}  // namespace

std::string fold(std::string_view word) {
  std::string out;
  for (size_t i = 0; i < word.size();) {
    unsigned cp;
    size_t n = decode(word, i, cp);
    fold_into(out, word, i, n, cp);
    i += n;
  }
  return out;
}

std::vector<Word> split_words(std::string_view text) {
  std::vector<Word> out;
  Word cur;
  bool in_word = false;
  for (size_t i = 0; i < text.size();) {
    unsigned cp;
    size_t n = decode(text, i, cp);
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

std::vector<Hit> search(const Catalog& catalog, std::string_view query, const SearchOptions& opt) {
  std::vector<Hit> hits;
  std::vector<Token> toks = tokens(query);
  if (toks.empty()) return hits;
  Lang other = opt.lang == Lang::kDe ? Lang::kEn : Lang::kDe;
  for (const Item* it : catalog.list(opt.phase, opt.kind)) {
    double s = score(toks, fields_of(*it, opt.lang));
    if (s == 0) s = score(toks, fields_of(*it, other)) / 2;
    if (s > 0) hits.push_back(Hit{it, s});
  }
  std::stable_sort(hits.begin(), hits.end(),
                   [](const Hit& a, const Hit& b) { return a.score > b.score; });
  if (hits.size() > opt.limit) hits.resize(opt.limit);
  return hits;
}

std::vector<std::pair<size_t, size_t>> match_spans(std::string_view text, std::string_view query) {
  std::vector<std::pair<size_t, size_t>> out;
  std::vector<Token> toks = tokens(query);
  for (const Word& w : split_words(text)) {
    for (const Token& t : toks) {
      if (match(t, {w})) {
        out.emplace_back(w.start, w.end);
        break;
      }
    }
  }
  return out;
}

namespace {
void escape_into(std::string& out, std::string_view s) {
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
}
}  // namespace

std::string highlight_html(std::string_view text, std::string_view query) {
  std::string out;
  size_t pos = 0;
  for (auto [start, end] : match_spans(text, query)) {
    escape_into(out, text.substr(pos, start - pos));
    out += "<mark>";
    escape_into(out, text.substr(start, end - start));
    out += "</mark>";
    pos = end;
  }
  escape_into(out, text.substr(pos));
  return out;
}

}  // namespace solipraxis::catalog
