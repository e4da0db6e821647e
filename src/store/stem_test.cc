#include "store/stem.h"

#include <gtest/gtest.h>

namespace solipraxis::store {
namespace {

using Prefixes = std::vector<std::vector<std::string>>;

TEST(StemTest, SnowballStemsOfFoldedWords) {
  EXPECT_EQ(stem("de", "uberwachung"), "uberwach");
  EXPECT_EQ(stem("de", "uberwachen"), "uberwach");
  EXPECT_EQ(stem("de", "beteiligung"), "beteil");
  EXPECT_EQ(stem("en", "studies"), "studi");
  EXPECT_EQ(stem("en", "monitoring"), "monitor");
  EXPECT_EQ(stem("de", "co2"), "co2") << "words with digits stay whole";
  EXPECT_EQ(stem("de", ""), "");
}

TEST(StemTest, QueryWordsBecomeTheirShortestPrefixes) {
  EXPECT_EQ(search_prefixes("Überwachung", "de"), (Prefixes{{"uberwach"}}));
  EXPECT_EQ(search_prefixes("überwacht", "de"), (Prefixes{{"uberwach"}})) << "verb ending -t";
  EXPECT_EQ(search_prefixes("entscheidet", "de"), (Prefixes{{"entscheid"}})) << "verb ending -et";
  EXPECT_EQ(search_prefixes("Ueberwachung", "de"), (Prefixes{{"uberwach", "ueberwach"}}));
  EXPECT_EQ(search_prefixes("Rat", "de"), (Prefixes{{"rat"}})) << "short words keep their -t";
  EXPECT_EQ(search_prefixes("study", "en"), (Prefixes{{"studi", "study"}}));
  EXPECT_EQ(search_prefixes("Daten Schutz", "de"), (Prefixes{{"dat"}, {"schutz"}}));
  EXPECT_EQ(search_prefixes(" ,; ", "de"), Prefixes{});
  EXPECT_EQ(search_prefixes("a b c d e f g h i j", "de", 3).size(), 3u);
}

TEST(StemTest, AWordMatchesByItselfOrItsStem) {
  EXPECT_TRUE(word_matches("uberwacht", {"uberwach"}, "de"));
  EXPECT_FALSE(word_matches("wachdienst", {"uberwach"}, "de"));
  EXPECT_TRUE(word_matches("study", {"studi"}, "en")) << "stem 'studi' is not a prefix of 'study'";
  EXPECT_FALSE(word_matches("study", {"studi"}, "de")) << "German does not stem 'study' so";
  // PostgreSQL drops stop words before stemming: "having" is never found as "have".
  EXPECT_FALSE(word_matches("having", {"have"}, "en"));
  EXPECT_TRUE(word_matches("having", {"hav"}, "en"));
}

}  // namespace
}  // namespace solipraxis::store
