#include "text/readability.h"

#include <vector>

#include "text/rules.h"
#include "text/sentences.h"
#include "text/utf8.h"

namespace solipraxis::text {

namespace {

// Lower-case vowel test on a code point (German umlauts and accented vowels).
bool is_vowel(char32_t c, Lang lang) {
  switch (c) {
    case 'a': case 'e': case 'i': case 'o': case 'u': case 'y':
    case U'ä': case U'ö': case U'ü': case U'é': case U'è': case U'á': case U'à': case U'ó':
      return true;
    default:
      (void)lang;
      return false;
  }
}

char32_t to_lower(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if (c == U'Ä') return U'ä';
  if (c == U'Ö') return U'ö';
  if (c == U'Ü') return U'ü';
  return c;
}

}  // namespace

int count_syllables(std::string_view word, Lang lang) {
  char32_t buf[64];
  int n = 0;
  for (std::size_t i = 0; i < word.size() && n < 64;) {
    std::size_t len;
    const char32_t c = decode_utf8(word, i, &len);
    i += len;
    if (c == '-' || c == '\'' || c == 0x2019 || c == 0xAD) continue;
    buf[n++] = to_lower(c);
  }
  int groups = 0;
  bool prev_vowel = false;
  bool has_letter = false;
  for (int i = 0; i < n; ++i) {
    const bool v = is_vowel(buf[i], lang);
    if (v && !prev_vowel) ++groups;
    prev_vowel = v;
    has_letter = has_letter || (buf[i] >= 'a' && buf[i] <= 'z') || buf[i] > 0x7F;
  }
  if (lang == Lang::kEnglish && n > 2) {
    // Silent final e (make, time), but not -le after a consonant (table, little).
    if (buf[n - 1] == 'e' && !is_vowel(buf[n - 2], lang) &&
        !(buf[n - 2] == 'l' && n > 3 && !is_vowel(buf[n - 3], lang)) && groups > 1)
      --groups;
    // -es / -ed endings are mostly silent (makes, used) except after t/d/s.
    else if (n > 3 && buf[n - 2] == 'e' && (buf[n - 1] == 's' || buf[n - 1] == 'd') &&
             !is_vowel(buf[n - 3], lang) && buf[n - 3] != 't' && buf[n - 3] != 'd' &&
             !(buf[n - 1] == 's' && (buf[n - 3] == 's' || buf[n - 3] == 'x' || buf[n - 3] == 'z')) &&
             !(buf[n - 1] == 's' && (buf[n - 3] == 'c' || buf[n - 3] == 'g' || buf[n - 3] == 'h')) &&
             groups > 1)
      --groups;
  }
  if (groups == 0 && has_letter) groups = 1;
  return groups;
}

void apply_formulas(ReadabilityStats* s) {
  if (s->sentences == 0 || s->words == 0) return;
  const double words = static_cast<double>(s->words);
  s->asl = words / static_cast<double>(s->sentences);
  s->asw = static_cast<double>(s->syllables) / words;
  s->flesch_amstad = 180.0 - s->asl - 58.5 * s->asw;
  s->flesch_reading_ease = 206.835 - 1.015 * s->asl - 84.6 * s->asw;
  const double ms = 100.0 * static_cast<double>(s->polysyllables) / words;
  const double iw = 100.0 * static_cast<double>(s->long_words) / words;
  const double es = 100.0 * static_cast<double>(s->monosyllables) / words;
  const double sl = s->asl;
  s->wstf[0] = 0.1935 * ms + 0.1672 * sl + 0.1297 * iw - 0.0327 * es - 0.875;
  s->wstf[1] = 0.2007 * ms + 0.1682 * sl + 0.1373 * iw - 2.779;
  s->wstf[2] = 0.2963 * ms + 0.1905 * sl - 1.1144;
  s->wstf[3] = 0.2744 * ms + 0.2656 * sl - 1.693;
  s->lix = s->asl + 100.0 * static_cast<double>(s->long_words) / words;
}

ReadabilityStats readability(std::string_view text, Lang lang) {
  ReadabilityStats s;
  SentenceSplitter splitter(text);
  std::vector<Token> tokens;
  while (splitter.next(&tokens)) {
    bool counted = false;
    for (const Token& t : tokens) {
      if (t.kind != TokenKind::kWord) continue;
      const std::string_view w = t.text(text);
      std::uint64_t letters = 0;
      for (std::size_t i = 0; i < w.size();) {
        std::size_t len;
        const char32_t c = decode_utf8(w, i, &len);
        i += len;
        if (c != '-' && c != '\'' && c != 0x2019 && c != 0xAD && !(c >= '0' && c <= '9'))
          ++letters;
      }
      if (letters == 0) continue;
      const int syl = count_syllables(w, lang);
      ++s.words;
      s.letters += letters;
      s.syllables += static_cast<std::uint64_t>(syl);
      s.long_words += letters > 6;
      s.polysyllables += syl >= 3;
      s.monosyllables += syl == 1;
      counted = true;
    }
    s.sentences += counted;
  }
  apply_formulas(&s);
  return s;
}

double flesch(const ReadabilityStats& s, Lang lang) {
  return lang == Lang::kGerman ? s.flesch_amstad : s.flesch_reading_ease;
}

std::optional<Finding> readability_finding(std::string_view text, const ReadabilityStats& stats,
                                           Lang lang) {
  const double value = flesch(stats, lang);
  if (stats.words < kReadabilityMinWords || value >= kReadableFlesch) return std::nullopt;
  Finding f;
  f.start = f.end = static_cast<std::uint32_t>(text.size());
  f.rule = kRuleReadability;
  f.severity = Severity::kInfo;
  const std::string n = std::to_string(static_cast<int>(value < 0 ? 0 : value));
  f.message = lang == Lang::kGerman
                  ? format_message("Der Text ist schwer zu lesen: {} von 100 Punkten nach Flesch. "
                                   "Texte für alle sollten 60 Punkte oder mehr haben. Kürzere "
                                   "Sätze und kürzere Wörter helfen.",
                                   {n})
                  : format_message("The text is hard to read: {} out of 100 on the Flesch scale. "
                                   "Texts for everyone should score 60 or more. Shorter sentences "
                                   "and shorter words help.",
                                   {n});
  return f;
}

}  // namespace solipraxis::text
