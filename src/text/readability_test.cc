#include "text/readability.h"

#include <gtest/gtest.h>

namespace solipraxis::text {
namespace {

TEST(Readability, GermanSyllables) {
  EXPECT_EQ(count_syllables("Hund", Lang::kGerman), 1);
  EXPECT_EQ(count_syllables("Katze", Lang::kGerman), 2);
  EXPECT_EQ(count_syllables("Mitarbeiterinnen", Lang::kGerman), 6);
  EXPECT_EQ(count_syllables("Bäume", Lang::kGerman), 2);
}

TEST(Readability, EnglishSyllables) {
  EXPECT_EQ(count_syllables("make", Lang::kEnglish), 1);
  EXPECT_EQ(count_syllables("table", Lang::kEnglish), 2);
  EXPECT_EQ(count_syllables("used", Lang::kEnglish), 1);
  EXPECT_EQ(count_syllables("wanted", Lang::kEnglish), 2);
  EXPECT_EQ(count_syllables("readability", Lang::kEnglish), 5);
}

// Worked example: 2 sentences, 6 words, 7 syllables (Der Hund bellt. Die Kat-ze schläft.)
// ASL = 3, ASW = 7/6; Flesch-Amstad = 180 - 3 - 58.5 * 7/6 = 108.75.
TEST(Readability, FleschAmstadWorkedExample) {
  const auto s = readability("Der Hund bellt. Die Katze schläft.", Lang::kGerman);
  EXPECT_EQ(s.sentences, 2u);
  EXPECT_EQ(s.words, 6u);
  EXPECT_EQ(s.syllables, 7u);
  EXPECT_NEAR(s.flesch_amstad, 108.75, 1e-9);
  EXPECT_NEAR(s.lix, 3.0 + 100.0 / 6, 1e-9);  // one word longer than 6 letters: schläft
}

// Worked example for the English formula and the Wiener Sachtextformel from counts:
// 10 sentences, 200 words, 300 syllables, 40 long words, 30 words of >= 3 syllables,
// 120 words of one syllable. ASL 20, ASW 1.5, MS 15 %, IW 20 %, ES 60 %.
TEST(Readability, FormulasFromCounts) {
  ReadabilityStats s;
  s.sentences = 10;
  s.words = 200;
  s.syllables = 300;
  s.long_words = 40;
  s.polysyllables = 30;
  s.monosyllables = 120;
  apply_formulas(&s);
  EXPECT_NEAR(s.flesch_reading_ease, 206.835 - 1.015 * 20 - 84.6 * 1.5, 1e-9);  // 59.635
  EXPECT_NEAR(s.flesch_reading_ease, 59.635, 1e-9);
  EXPECT_NEAR(s.flesch_amstad, 180 - 20 - 58.5 * 1.5, 1e-9);  // 72.25
  EXPECT_NEAR(s.wstf[0], 0.1935 * 15 + 0.1672 * 20 + 0.1297 * 20 - 0.0327 * 60 - 0.875, 1e-9);
  EXPECT_NEAR(s.wstf[0], 6.0035, 1e-9);
  EXPECT_NEAR(s.wstf[1], 0.2007 * 15 + 0.1682 * 20 + 0.1373 * 20 - 2.779, 1e-9);
  EXPECT_NEAR(s.wstf[2], 0.2963 * 15 + 0.1905 * 20 - 1.1144, 1e-9);
  EXPECT_NEAR(s.wstf[3], 0.2744 * 15 + 0.2656 * 20 - 1.693, 1e-9);
  EXPECT_NEAR(s.lix, 20 + 100.0 * 40 / 200, 1e-9);  // 40
}

TEST(Readability, AHardTextIsAFindingAShortOneIsNotJudged) {
  const std::string hard =
      "Die Geschäftsstelle koordiniert die verwaltungstechnische Abwicklung sämtlicher "
      "Förderanträge, insbesondere hinsichtlich der Dokumentationspflichten gegenüber den "
      "Zuwendungsgebern, sowie die ordnungsgemäße Verwendungsnachweisführung einschließlich "
      "der Berichterstattung an die zuständigen Aufsichtsbehörden und Gremien der Organisation.";
  CheckOptions o;
  o.lang = Lang::kGerman;
  o.readability = true;
  auto r = check_text(hard, o);
  ASSERT_TRUE(r.has_value());
  int found = 0;
  for (const auto& f : r->findings)
    if (f.rule == "plain.readability") {
      ++found;
      EXPECT_EQ(f.start, hard.size());
      EXPECT_NE(f.message.find("von 100 Punkten"), std::string::npos) << f.message;
    }
  EXPECT_EQ(found, 1);
  // Off unless asked for (the CLI and the API do not judge whole texts).
  o.readability = false;
  const auto off = check_text(hard, o);
  for (const auto& f : off->findings) EXPECT_NE(f.rule, "plain.readability");
  // Fewer than kReadabilityMinWords words: not judged.
  o.readability = true;
  const auto short_text = check_text("Die Verwendungsnachweisführung ist kompliziert.", o);
  for (const auto& f : short_text->findings) EXPECT_NE(f.rule, "plain.readability");
}

}  // namespace
}  // namespace solipraxis::text
