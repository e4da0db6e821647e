#include "text/sentences.h"

#include <algorithm>
#include <array>

namespace solipraxis::text {

namespace {

constexpr std::array<std::string_view, 70> kAbbreviations = {
    "Abb", "Abs", "Abt", "Art", "Aufl", "Bd", "Co", "Dez", "Di", "Do", "Dr", "Feb", "Fig",
    "Fr", "Hr", "Hrsg", "Inc", "Jan", "Jh", "Jr", "Ltd", "Mio", "Mo", "Mr", "Mrd", "Mrs",
    "Ms", "Nov", "Nr", "Okt", "Prof", "Sa", "Sept", "So", "Sr", "St", "Str", "Tel", "approx",
    "bspw", "bzgl", "bzw", "ca", "cf", "eg", "etc", "evtl", "ff", "geb", "gem", "ggf", "ggfs",
    "gest", "ie", "inkl", "max", "min", "mind", "no", "resp", "sog", "tel", "usf", "usw",
    "vgl", "vs", "zB", "zzgl", "zus", "zw"};

constexpr std::array<std::string_view, 12> kMonths = {
    "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
    "Oktober", "November", "Dezember"};

bool is_single_letter(std::string_view w) {
  if (w.size() == 1) return true;
  // One non-ASCII letter (Ä.) counts too.
  return w.size() <= 2 && static_cast<unsigned char>(w[0]) >= 0xC0;
}

bool is_closing(std::string_view p) {
  return p == "\"" || p == "'" || p == ")" || p == "]" || p == "\xC2\xBB" /* » */ ||
         p == "\xC2\xAB" /* « */ || p == "\xE2\x80\x9C" /* “ */ || p == "\xE2\x80\x9D" ||
         p == "\xE2\x80\x99" /* ’ */ || p == "\xE2\x80\x98";
}

bool is_terminal_mark(std::string_view p) {
  if (p.size() == 1) return p[0] == '.' || p[0] == '!' || p[0] == '?';
  return p == "\xE2\x80\xA6";  // …
}

}  // namespace

bool is_abbreviation(std::string_view word) {
  return std::find(kAbbreviations.begin(), kAbbreviations.end(), word) != kAbbreviations.end();
}

bool SentenceSplitter::pull(Token* t) {
  if (has_pending_) {
    *t = pending_;
    has_pending_ = false;
    return true;
  }
  return tokenizer_.next(t);
}

bool SentenceSplitter::peek(Token* t) {
  if (!has_pending_) {
    if (!tokenizer_.next(&pending_)) return false;
    has_pending_ = true;
  }
  *t = pending_;
  return true;
}

// Called when the last token of *tokens is a terminal mark.
bool SentenceSplitter::ends_sentence(const std::vector<Token>& tokens) {
  const Token& mark = tokens.back();
  Token next;
  const bool has_next = peek(&next);
  if (!has_next) return true;
  if (next.has(kBlankLineBefore)) return true;
  if (mark.text(in_) != ".") return true;
  if (tokens.size() < 2) return true;
  const Token& prev = tokens[tokens.size() - 2];
  const bool attached = !mark.has(kSpaceBefore);
  const std::string_view next_text = next.text(in_);
  const bool next_lower = next.kind == TokenKind::kWord && !next.has(kCapitalized) &&
                          !next.has(kAllUpper);
  if (attached && prev.kind == TokenKind::kWord) {
    const std::string_view w = prev.text(in_);
    if (is_abbreviation(w) || is_single_letter(w)) return false;
  }
  if (attached && prev.kind == TokenKind::kNumber) {
    const std::string_view num = prev.text(in_);
    if (num.size() <= 2) {  // ordinal: "am 3. Mai", "der 2. Platz", "3. Absatz"
      if (next_lower || next.kind == TokenKind::kNumber ||
          std::find(kMonths.begin(), kMonths.end(), next_text) != kMonths.end())
        return false;
    }
  }
  if (next_lower) return false;  // "ca. fünf", "Mitarbeiter/-innen usw. sind"
  return true;
}

bool SentenceSplitter::next(std::vector<Token>* tokens) {
  tokens->clear();
  Token t;
  while (true) {
    Token look;
    if (!tokens->empty() && peek(&look) && look.has(kBlankLineBefore)) return true;
    if (!pull(&t)) return !tokens->empty();
    tokens->push_back(t);
    if (t.kind != TokenKind::kPunct || !is_terminal_mark(t.text(in_))) continue;
    if (!ends_sentence(*tokens)) continue;
    // Absorb further marks and closing quotes directly attached: "?!", ".)", ".“"
    while (peek(&look) && look.kind == TokenKind::kPunct && !look.has(kSpaceBefore) &&
           (is_terminal_mark(look.text(in_)) || is_closing(look.text(in_)))) {
      pull(&look);
      tokens->push_back(look);
    }
    return true;
  }
}

std::vector<std::pair<std::uint32_t, std::uint32_t>> split_sentences(std::string_view input) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
  SentenceSplitter s(input);
  std::vector<Token> tokens;
  while (s.next(&tokens)) out.emplace_back(tokens.front().start, tokens.back().end);
  return out;
}

}  // namespace solipraxis::text
