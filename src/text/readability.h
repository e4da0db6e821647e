// Readability figures for German and English texts: counts (sentences, words,
// syllables, long words) and the formulas documented in docs/checker.md:
// Flesch-Amstad (de), Flesch reading ease (en), Wiener Sachtextformel 1-4, LIX.
// Pure; the text must be valid UTF-8 (check_text validates before).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "text/checker.h"

namespace solipraxis::text {

struct ReadabilityStats {
  std::uint64_t sentences = 0;
  std::uint64_t words = 0;
  std::uint64_t syllables = 0;
  std::uint64_t letters = 0;
  std::uint64_t long_words = 0;      // more than 6 letters (LIX, Wiener Sachtextformel)
  std::uint64_t polysyllables = 0;   // 3 or more syllables
  std::uint64_t monosyllables = 0;   // exactly 1 syllable
  double asl = 0;                    // average sentence length in words
  double asw = 0;                    // average syllables per word
  double flesch_amstad = 0;          // 180 - ASL - 58.5 * ASW (German)
  double flesch_reading_ease = 0;    // 206.835 - 1.015 * ASL - 84.6 * ASW (English)
  double wstf[4] = {0, 0, 0, 0};     // Wiener Sachtextformel 1..4 (school grade)
  double lix = 0;                    // words/sentences + 100 * long words / words
};

ReadabilityStats readability(std::string_view text, Lang lang);

// Computes the formulas from counts already set in stats (for tests and callers
// that count themselves).
void apply_formulas(ReadabilityStats* stats);

// The plain.readability finding (CheckOptions::readability): the text's Flesch
// value (Flesch-Amstad for German, reading ease for English) is below
// kReadableFlesch, the mark for texts meant for everyone. Texts with fewer than
// kReadabilityMinWords words are not judged: the formulas say little about them.
// The finding has an empty span at the end of the text and no suggestion.
inline constexpr std::uint64_t kReadabilityMinWords = 30;
inline constexpr double kReadableFlesch = 60;
double flesch(const ReadabilityStats& stats, Lang lang);
std::optional<Finding> readability_finding(std::string_view text, const ReadabilityStats& stats,
                                           Lang lang);

// Syllables of one word (letters only, any case), at least 1 for a word with a letter.
int count_syllables(std::string_view word, Lang lang);

}  // namespace solipraxis::text
