#include "catalog/search.h"

#include <gtest/gtest.h>

#include "catalog/load.h"

namespace solipraxis::catalog {
namespace {

const Catalog& real() {
  static const CatalogSet set = [] {
    auto s = load_catalog_dir(std::string(SOLIPRAXIS_SOURCE_DIR) + "/data/catalog");
    if (!s) ADD_FAILURE() << s.error().detail;
    return s ? std::move(s).value() : CatalogSet{};
  }();
  return set.current();
}

std::vector<std::string> ids(const std::vector<Hit>& hits) {
  std::vector<std::string> out;
  for (const Hit& h : hits) out.push_back(h.item->id);
  return out;
}

TEST(Fold, CaseAccentsUmlautsSharpS) {
  EXPECT_EQ(fold("Fürsorge"), "fursorge");
  EXPECT_EQ(fold("ÖKOLOGISCHE"), "okologische");
  EXPECT_EQ(fold("Straße"), "strasse");
  EXPECT_EQ(fold("Nikolajević"), "nikolajevic");
}

TEST(SplitWords, QuotesDashesAndOffsets) {
  std::string s = "„KI“ – Open-Source!";
  auto w = split_words(s);
  ASSERT_EQ(w.size(), 3u);
  EXPECT_EQ(w[0].folded, "ki");
  EXPECT_EQ(s.substr(w[0].start, w[0].end - w[0].start), "KI");
  EXPECT_EQ(w[1].folded, "open");
  EXPECT_EQ(w[2].folded, "source");
}

TEST(Search, FindsTarotCardsResource) {
  auto hits = search(real(), "Tarot", {});
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0].item->id, "r.development.tarot-cards-of-tech");
  EXPECT_EQ(ids(search(real(), "tarot cards", {}))[0], "r.development.tarot-cards-of-tech");
}

TEST(Search, FindsResourcesByName) {
  EXPECT_EQ(ids(search(real(), "Huggingface", {}))[0], "r.selection.huggingface-open-models");
  EXPECT_EQ(ids(search(real(), "NIST", {}))[0], "r.deployment.nist-ai-rmf");
}

TEST(Search, FindsQuestionByAWordInItUmlautInsensitive) {
  for (const char* q : {"Fürsorge", "fursorge", "FUERSORGE", "Fürs"}) {
    auto found = ids(search(real(), q, {}));
    EXPECT_NE(std::find(found.begin(), found.end(), "q.deployment.01"), found.end()) << q;
  }
}

TEST(Search, AllWordsMustMatchAndPhaseKindFilter) {
  Kind k = Kind::kQuestion;
  SearchOptions opt;
  opt.kind = &k;
  auto hits = search(real(), "überwacht Menschen", opt);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].item->id, "q.deployment.10");
  opt.phase = 4;
  EXPECT_TRUE(search(real(), "überwacht", opt).empty());
  EXPECT_TRUE(search(real(), "  ", {}).empty());
  EXPECT_TRUE(search(real(), "xyzzyplugh", {}).empty());
}

TEST(Search, EnglishQueryFindsEnglishText) {
  SearchOptions opt;
  opt.lang = Lang::kEn;
  auto found = ids(search(real(), "monitored", opt));
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found[0], "q.deployment.10");
}

TEST(Search, TitleRanksAboveText) {
  // "Transparenz" is the title of an approach and a principle, and occurs in many texts.
  auto hits = search(real(), "Transparenz", {});
  ASSERT_GE(hits.size(), 3u);
  EXPECT_TRUE(hits[0].item->title.de == "Transparenz") << hits[0].item->id;
}

TEST(Highlight, MarksWordsAndEscapes) {
  EXPECT_EQ(highlight_html("Wer <b> Fürsorge & mehr", "fursorge"),
            "Wer &lt;b&gt; <mark>Fürsorge</mark> &amp; mehr");
  EXPECT_EQ(highlight_html("Tarot Cards of Tech", "tar tech"),
            "<mark>Tarot</mark> Cards of <mark>Tech</mark>");
  EXPECT_EQ(highlight_html("\"x\" 'y'", "z"), "&quot;x&quot; &#39;y&#39;");
}

}  // namespace
}  // namespace solipraxis::catalog
