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

TEST(Prompt, GermanShape) {
  const std::string prompt = compose_prompt(parts_de(), Lang::kGerman);
  EXPECT_EQ(prompt.rfind("Wir sind ein gemeinnütziger Verein der Nachbarschaftshilfe.", 0), 0u);
  EXPECT_NE(prompt.find("Schreibe einen Aufruf für unser Sommerfest.\n\n"), std::string::npos);
  EXPECT_NE(prompt.find("Der Text richtet sich an Familien im Stadtteil."), std::string::npos);
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
