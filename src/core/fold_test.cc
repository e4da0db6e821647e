#include "core/fold.h"

#include <gtest/gtest.h>

namespace solipraxis::core {
namespace {

TEST(Fold, UmlautsAccentsAndSharpS) {
  EXPECT_EQ(fold("Fürsorge"), "fursorge");
  EXPECT_EQ(fold("Straße"), "strasse");
  EXPECT_EQ(fold("ÉCOLE"), "ecole");
  EXPECT_EQ(fold_text("„Tarot Cards“ – of Tech!"), "tarot cards of tech");
}

TEST(Fold, QueryTermsReadAeOeUeAsUmlauts) {
  auto t = query_terms("Fuersorge fuersorge Model");
  ASSERT_EQ(t.size(), 2u);  // duplicates dropped
  EXPECT_EQ(t[0].folded, "fuersorge");
  EXPECT_EQ(t[0].variant, "fursorge");
  EXPECT_EQ(t[1].folded, "model");
  EXPECT_EQ(t[1].variant, "");
  EXPECT_TRUE(query_terms(" ,;\"* ").empty());
}

TEST(Fold, WordsKeepByteOffsets) {
  auto w = split_words("Wer? Fürsorge.");
  ASSERT_EQ(w.size(), 2u);
  EXPECT_EQ(w[1].start, 5u);
  EXPECT_EQ(w[1].end, 14u);  // "Fürsorge" is 9 bytes: ü takes two
}

}  // namespace
}  // namespace solipraxis::core
