#include "text/prompt.h"

#include <gtest/gtest.h>

namespace solipraxis::text {
namespace {

PromptParts parts_de() {
  PromptParts p;
  p.task = "Schreibe einen Aufruf für unser Sommerfest";
  p.audience = "Familien im Stadtteil";
  p.role = "ein gemeinnütziger Verein der Nachbarschaftshilfe";
  p.values = "Solidarität, Teilhabe, Transparenz";
  p.sector = "Soziale Arbeit";
  return p;
}

TEST(Prompt, ComposedPromptHasEveryContextPart) {
  for (Lang lang : {Lang::kGerman, Lang::kEnglish}) {
    PromptParts p = parts_de();
    if (lang == Lang::kEnglish) {
      p.task = "Write a call for our summer party";
      p.audience = "families in the neighbourhood";
      p.role = "a non-profit neighbourhood association";
    }
    const std::string prompt = compose_prompt(p, lang);
    CheckOptions o;
    o.lang = lang;
    o.prompt = true;
    o.plain = false;
    auto r = check_text(prompt, o);
    ASSERT_TRUE(r.has_value());
    for (const auto& f : r->findings) ADD_FAILURE() << f.rule << ": " << prompt;
  }
}

// Issue 22: the composer's own words pass every check at the org's style, so the
// page's verdict on a composed prompt is "no findings", readability included.
TEST(Prompt, ComposedPromptPassesEveryCheckAtEveryStyle) {
  for (Lang lang : {Lang::kGerman, Lang::kEnglish}) {
    for (Style style : {Style::kColon, Style::kStar, Style::kPair, Style::kNeutral}) {
      // The parts a person types are plain too: what is left to find would be theirs.
      PromptParts p = parts_de();
      p.role = "ein Verein für gute Nachbarschaft";
      if (lang == Lang::kEnglish) {
        p.task = "Write a call for our summer party";
        p.audience = "families in the neighbourhood";
        p.role = "a non-profit neighbourhood association";
        p.values = "solidarity, participation, openness";
        p.sector = "social work";
      }
      p.style = style;
      const std::string prompt = compose_prompt(p, lang);
      CheckOptions o;
      o.lang = lang;
      o.style = style;
      o.prompt = true;
      o.readability = true;
      auto r = check_text(prompt, o);
      ASSERT_TRUE(r.has_value());
      for (const auto& f : r->findings) ADD_FAILURE() << f.rule << ": " << f.message << "\n" << prompt;
    }
  }
}

TEST(Prompt, TheExampleFollowsTheStyle) {
  PromptParts p = parts_de();
  p.style = Style::kPair;
  EXPECT_NE(compose_prompt(p, Lang::kGerman).find("„Teilnehmerinnen und Teilnehmer“"), std::string::npos);
  p.style = Style::kNeutral;
  EXPECT_NE(compose_prompt(p, Lang::kGerman).find("„Teilnehmende“"), std::string::npos);
}

TEST(Prompt, GermanShape) {
  const std::string prompt = compose_prompt(parts_de(), Lang::kGerman);
  EXPECT_EQ(prompt.rfind("Wir sind ein gemeinnütziger Verein der Nachbarschaftshilfe.", 0), 0u);
  EXPECT_NE(prompt.find("Schreibe einen Aufruf für unser Sommerfest.\n\n"), std::string::npos);
  EXPECT_NE(prompt.find("Der Text ist für Familien im Stadtteil."), std::string::npos);
  EXPECT_NE(prompt.find("Stereotype"), std::string::npos);
}

TEST(Prompt, WithoutStereotypeCheckTheRuleFires) {
  PromptParts p = parts_de();
  p.check_stereotypes = false;
  CheckOptions o;
  o.lang = Lang::kGerman;
  o.prompt = true;
  o.plain = false;
  auto r = check_text(compose_prompt(p, Lang::kGerman), o);
  ASSERT_EQ(r->findings.size(), 1u);
  EXPECT_EQ(r->findings[0].rule, "context.missing-bias-check");
}

}  // namespace
}  // namespace solipraxis::text
