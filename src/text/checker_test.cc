#include "text/checker.h"

#include <gtest/gtest.h>

#include <random>

namespace solipraxis::text {
namespace {

CheckOptions german() {
  CheckOptions o;
  o.lang = Lang::kGerman;
  o.plain = false;
  return o;
}

TEST(Checker, AcceptanceUnterstuetzern) {
  const std::string text = "Wir danken allen Unterstützern für ihre Hilfe.";
  auto r = check_text(text, german());
  ASSERT_TRUE(r.has_value());
  ASSERT_EQ(r->findings.size(), 1u);
  const Finding& f = r->findings[0];
  EXPECT_EQ(f.rule, "inclusive.generic-masculine");
  // The span is the whole noun phrase, so a suggestion replaces it in one piece.
  EXPECT_EQ(text.substr(f.start, f.end - f.start), "allen Unterstützern");
  EXPECT_EQ(f.line, 1u);
  EXPECT_EQ(f.column, 12u);
  ASSERT_GE(f.suggestions.size(), 2u);
  EXPECT_EQ(f.suggestions[0], "allen Unterstützer:innen");
  EXPECT_EQ(f.suggestions[1], "allen Unterstützerinnen und Unterstützern");
}

TEST(Checker, StylesKeepCaseAndNumber) {
  auto o = german();
  o.style = Style::kStar;
  auto r = check_text("Wir helfen den Mitarbeitern.", o);
  ASSERT_EQ(r->findings.size(), 1u);
  EXPECT_EQ(r->findings[0].suggestions[0], "den Mitarbeiter*innen");
  o.style = Style::kPair;
  r = check_text("Wir helfen den Mitarbeitern.", o);
  EXPECT_EQ(r->findings[0].suggestions[0], "den Mitarbeiterinnen und Mitarbeitern");
  o.style = Style::kNeutral;
  r = check_text("Wir helfen den Mitarbeitern.", o);
  EXPECT_EQ(r->findings[0].suggestions[0], "den Mitarbeitenden");
  r = check_text("Viele Mitarbeiter kommen.", o);
  EXPECT_EQ(r->findings[0].suggestions[0], "Viele Mitarbeitende");
  o.style = Style::kColon;
  r = check_text("Jeder Bewohner zahlt.", o);
  EXPECT_EQ(r->findings[0].suggestions[0], "Jede:r Bewohner:in");
  // Genitive: the pair comes first, the colon determiner (des:der) is awkward.
  r = check_text("Der Vertrag des Kollegen endet.", o);
  EXPECT_EQ(r->findings[0].suggestions[0], "der Kollegin oder des Kollegen");
}

TEST(Checker, ANounInAListSharesTheDeterminerOfTheFirst) {
  auto o = german();
  o.style = Style::kNeutral;
  auto r = check_text("Die Mitarbeiter und Forscher kommen.", o);
  ASSERT_EQ(r->findings.size(), 2u);
  EXPECT_EQ(r->findings[0].suggestions[0], "Die Mitarbeitenden");
  EXPECT_EQ(r->findings[1].suggestions[0], "Forschenden");
  r = check_text("Wir danken den Mitarbeitern, Forschern und Bewohnern.", o);
  ASSERT_EQ(r->findings.size(), 3u);
  EXPECT_EQ(r->findings[1].suggestions[0], "Forschenden");
  // Without a determiner the strong ending stays.
  r = check_text("Mitarbeiter und Forscher kommen.", o);
  ASSERT_EQ(r->findings.size(), 2u);
  EXPECT_EQ(r->findings[1].suggestions[0], "Forschende");
}

TEST(Checker, TheMessageNamesTheWordsThatAgree) {
  auto r = check_text("Der Antragsteller reicht seine Unterlagen ein.", german());
  ASSERT_EQ(r->findings.size(), 1u);
  // The determiner is part of the replaced phrase; the pronoun after it is named.
  EXPECT_NE(r->findings[0].message.find("„seine“"), std::string::npos) << r->findings[0].message;
  EXPECT_EQ(r->findings[0].suggestions[0], "Der:die Antragsteller:in");
  r = check_text("Jeder Bewohner muss da sein.", german());  // "sein" is the verb here
  ASSERT_EQ(r->findings.size(), 1u);
  EXPECT_EQ(r->findings[0].message.find("„sein“"), std::string::npos) << r->findings[0].message;
  EXPECT_EQ(r->findings[0].suggestions[0], "Jede:r Bewohner:in");
}

TEST(Checker, LineAndColumnCountCodePoints) {
  const std::string text = "Äöü.\nÜber die Nutzer.";
  auto r = check_text(text, german());
  ASSERT_EQ(r->findings.size(), 1u);
  EXPECT_EQ(r->findings[0].line, 2u);
  EXPECT_EQ(r->findings[0].column, 6u);  // the phrase "die Nutzer"
  EXPECT_EQ(r->findings[0].start, 14u);  // Ä ö ü Ü take two bytes each
}

TEST(Checker, InvalidUtf8IsAnErrorWithOffset) {
  auto r = check_text(std::string("Gut\xFF", 4), german());
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().key, "error.check.invalid_utf8");
  EXPECT_NE(r.error().detail.find("3"), std::string::npos);
}

TEST(Checker, RandomBytesNeverCrash) {
  std::mt19937 rng(12345);
  std::uniform_int_distribution<int> byte(0, 255);
  const std::string alphabet = "aeMüß :*.-\n„“Herr Mitarbeiter z. B. ";
  for (int i = 0; i < 2000; ++i) {
    std::string s;
    const int len = i % 200;
    for (int k = 0; k < len; ++k) {
      if (i % 2)
        s.push_back(static_cast<char>(byte(rng)));
      else
        s.push_back(alphabet[static_cast<std::size_t>(byte(rng)) % alphabet.size()]);
    }
    CheckOptions o;
    o.prompt = true;
    auto r = check_text(s, o);
    if (r) {
      for (const auto& f : r->findings) {
        ASSERT_LE(f.start, f.end);
        ASSERT_LE(f.end, s.size());
      }
    }
  }
}

TEST(Checker, DetectsLanguage) {
  EXPECT_EQ(detect_language("The chairman and the members of the board are here."),
            Lang::kEnglish);
  EXPECT_EQ(detect_language("Die Mitarbeitenden und der Vorstand sind da."), Lang::kGerman);
}

}  // namespace
}  // namespace solipraxis::text
