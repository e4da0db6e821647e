#include "text/tokenizer.h"

#include <gtest/gtest.h>

#include "text/sentences.h"
#include "text/utf8.h"

namespace solipraxis::text {
namespace {

std::vector<std::string> words(std::string_view s) {
  std::vector<std::string> out;
  for (const auto& t : tokenize(s)) out.emplace_back(t.text(s));
  return out;
}

TEST(Utf8, FindsFirstInvalidByte) {
  EXPECT_EQ(find_invalid_utf8("Grüße"), std::nullopt);
  EXPECT_EQ(find_invalid_utf8(std::string("ab\xC3", 3)), 2u);             // truncated
  EXPECT_EQ(find_invalid_utf8(std::string("abcdefghij\xFF", 11)), 10u);   // after fast path
  EXPECT_EQ(find_invalid_utf8("\xC0\xAF"), 0u);                           // overlong
  EXPECT_EQ(find_invalid_utf8("x\xED\xA0\x80"), 1u);                      // surrogate
  EXPECT_EQ(find_invalid_utf8("\xF4\x90\x80\x80"), 0u);                   // > U+10FFFF
  EXPECT_EQ(count_code_points("Bürger"), 6u);
}

TEST(Tokenizer, OffsetsAndKinds) {
  const std::string_view s = "Die IT-Berater:innen mailen an info@d64.eu, siehe https://d64.eu/x.";
  const auto toks = tokenize(s);
  EXPECT_EQ(words(s), (std::vector<std::string>{"Die", "IT-Berater", ":", "innen", "mailen", "an",
                                                "info@d64.eu", ",", "siehe", "https://d64.eu/x",
                                                "."}));
  EXPECT_EQ(toks[1].start, 4u);
  EXPECT_TRUE(toks[1].has(kHasHyphen));
  EXPECT_TRUE(toks[1].has(kCapitalized));
  EXPECT_EQ(toks[6].kind, TokenKind::kEmail);
  EXPECT_EQ(toks[9].kind, TokenKind::kUrl);
}

TEST(Tokenizer, NumbersAndUnicodeWords) {
  EXPECT_EQ(words("3,5 Mio. und 1.000,00 Euro für Ärztinnen"),
            (std::vector<std::string>{"3,5", "Mio", ".", "und", "1.000,00", "Euro", "für",
                                      "Ärztinnen"}));
  const auto toks = tokenize("Über");
  EXPECT_TRUE(toks[0].has(kCapitalized));
}

TEST(Sentences, AbbreviationsOrdinalsUrlsDecimals) {
  const std::string_view s =
      "Wir treffen uns am 3. Mai, z. B. mit Dr. Fischer, bzw. mit Nr. 5 usw. und d. h. mit "
      "u. a. vielen. Es kostet 3.5 Euro, siehe www.d64.eu. Schreib an a.b@c.de! Fertig?";
  const auto spans = split_sentences(s);
  ASSERT_EQ(spans.size(), 4u);
  EXPECT_EQ(s.substr(spans[0].first, spans[0].second - spans[0].first).back(), '.');
  EXPECT_EQ(s.substr(spans[1].first, 8), "Es koste");
  EXPECT_EQ(s.substr(spans[2].first, 8), "Schreib ");
  EXPECT_EQ(s.substr(spans[3].first), "Fertig?");
}

TEST(Sentences, BlankLineEndsSentence) {
  EXPECT_EQ(split_sentences("Titel ohne Punkt\n\nErster Satz.").size(), 2u);
}

}  // namespace
}  // namespace solipraxis::text
