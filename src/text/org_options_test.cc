// The org's own checker options: accepted words cover inflected forms and
// compounds; org terms are flagged with the org's suggestions and message.
#include <gtest/gtest.h>

#include "text/checker.h"
#include "text/org_terms.h"

namespace solipraxis::text {
namespace {

CheckOptions german(std::vector<std::string> accepted = {}) {
  CheckOptions o;
  o.lang = Lang::kGerman;
  o.plain = false;
  o.accepted_words = std::move(accepted);
  return o;
}

std::vector<std::string> texts(std::string_view text, const CheckOptions& o) {
  auto r = check_text(text, o);
  EXPECT_TRUE(r.has_value());
  std::vector<std::string> out;
  if (!r) return out;
  for (const auto& f : r->findings)
    out.push_back(std::string(f.rule) + ":" + std::string(text.substr(f.start, f.end - f.start)));
  return out;
}

using V = std::vector<std::string>;

TEST(AcceptedWords, ANounCoversItsCaseFormsAndCompounds) {
  const auto o = german({"Unterstützer"});
  EXPECT_EQ(texts("Wir danken allen Unterstützern.", o), V{});
  EXPECT_EQ(texts("Der Beitrag des Unterstützers kommt an.", o), V{});
  EXPECT_EQ(texts("Die Vereinsunterstützer kommen.", o), V{});
  // Other nouns are still found.
  EXPECT_EQ(texts("Die Unterstützer und die Mitarbeiter kommen.", o),
            V{"inclusive.generic-masculine:die Mitarbeiter"});
}

TEST(AcceptedWords, AnyFormNamesTheNoun) {
  // Accepting the dative plural accepts the lemma (the example).
  const auto o = german({"Unterstützern"});
  EXPECT_EQ(texts("Jeder Unterstützer zählt.", o), V{});
  EXPECT_EQ(texts("Ärzte und Ärzten.", german({"Arzt"})), V{});
}

TEST(AcceptedWords, ACompoundCoversOnlyItsOwnCompounds) {
  const auto o = german({"Vereinsunterstützer"});
  EXPECT_EQ(texts("Die Vereinsunterstützern danken wir.", o), V{});
  EXPECT_EQ(texts("Die Sportvereinsunterstützer kommen.", o), V{});
  EXPECT_EQ(texts("Allen Unterstützern danken wir.", o),
            V{"inclusive.generic-masculine:Allen Unterstützern"});
}

TEST(AcceptedWords, AdjectivalNounsCoverTheirEndings) {
  const auto o = german({"Angestellter"});
  EXPECT_EQ(texts("Ein Angestellter kommt.", o), V{});
  EXPECT_EQ(texts("Wir fragen einen Angestellten.", o), V{});
  EXPECT_EQ(texts("Ein Bankangestellter kommt.", o), V{});
}

TEST(AcceptedWords, UnknownWordsMatchTheExactSpelling) {
  // Not in the lexicon: only the spelling itself (no effect on other words).
  const auto o = german({"Xyzler"});
  EXPECT_EQ(texts("Die Mitarbeiter kommen.", o), V{"inclusive.generic-masculine:Die Mitarbeiter"});
}

TEST(OrgTerms, FlaggedCaseInsensitiveWithInflectionAndOwnMessage) {
  auto o = german();
  o.org_terms = {{"Flüchtlinge", {"Geflüchtete", "Menschen mit Fluchterfahrung"},
                  "Wir schreiben „Geflüchtete“."}};
  const std::string text = "Ein Flüchtling kam. Wir helfen flüchtlingen und Flüchtlingen.";
  auto r = check_text(text, o);
  ASSERT_TRUE(r.has_value());
  ASSERT_EQ(r->findings.size(), 3u);
  for (const auto& f : r->findings) {
    EXPECT_EQ(f.rule, "inclusive.org-term");
    EXPECT_EQ(f.message, "Wir schreiben „Geflüchtete“.");
    EXPECT_EQ(f.suggestions, (V{"Geflüchtete", "Menschen mit Fluchterfahrung"}));
  }
  EXPECT_EQ(text.substr(r->findings[0].start, r->findings[0].end - r->findings[0].start),
            "Flüchtling");
  EXPECT_EQ(r->findings[1].column, 32u);
}

TEST(OrgTerms, WholeWordsOnly) {
  auto o = german();
  o.org_terms = {{"Arbeiter", {"Beschäftigte"}, ""}};
  EXPECT_EQ(texts("Die Arbeit ruht. Die Arbeiterbewegung.", o), V{});
  o.org_terms = {{"Asylant", {"Asylsuchende"}, ""}};
  EXPECT_EQ(texts("Die Asylanten und die Asylantenheime.", o), V{"inclusive.org-term:Asylanten"});
}

TEST(OrgTerms, MultiWordTermsAndTheDefaultMessage) {
  CheckOptions o;
  o.lang = Lang::kEnglish;
  o.plain = false;
  o.org_terms = {{"illegal immigrant", {"undocumented immigrant"}, ""}};
  const std::string text = "They met Illegal  immigrants there.";
  auto r = check_text(text, o);
  ASSERT_TRUE(r.has_value());
  // The org's term replaces the built-in othering finding on the same words.
  ASSERT_EQ(r->findings.size(), 1u);
  EXPECT_EQ(r->findings[0].rule, "inclusive.org-term");
  EXPECT_EQ(text.substr(r->findings[0].start, r->findings[0].end - r->findings[0].start),
            "Illegal  immigrants");
  EXPECT_EQ(r->findings[0].message, "Your organisation avoids \u201CIllegal  immigrants\u201D.");
}

TEST(OrgTerms, ReplaceTheGenericMasculineFindingOnTheSameWord) {
  auto o = german();
  o.org_terms = {{"Mitarbeiter", {"Beschäftigte"}, ""}};
  auto r = check_text("Die Mitarbeiter kommen.", o);
  ASSERT_EQ(r->findings.size(), 1u);
  EXPECT_EQ(r->findings[0].rule, "inclusive.org-term");
  EXPECT_EQ(r->findings[0].message, "Ihre Organisation möchte „Mitarbeiter“ nicht verwenden.");
  o.inclusive = false;
  EXPECT_TRUE(check_text("Die Mitarbeiter kommen.", o)->findings.empty());
}

TEST(OrgTerms, ShortTermsAndBases) {
  auto o = german();
  o.org_terms = {{"Ami", {"US-Amerikaner:in"}, ""}, {"ok", {"gut"}, ""}};
  EXPECT_EQ(texts("Die Amis sagen ok.", o), (V{"inclusive.org-term:Amis", "inclusive.org-term:ok"}));
  EXPECT_EQ(inflection_base("flüchtlinge"), "flüchtling");
  EXPECT_EQ(inflection_base("asylanten"), "asylant");
  EXPECT_EQ(inflection_base("arme"), "");  // too short to strip
}

}  // namespace
}  // namespace solipraxis::text
