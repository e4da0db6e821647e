#include "catalog/persona_examples.h"

#include <gtest/gtest.h>

#include <set>

namespace solipraxis::catalog {
namespace {

TEST(PersonaExamples, TheShippedSetIsValidDiverseAndInBothLanguages) {
  const auto& ex = persona_examples();
  ASSERT_GE(ex.de.size(), 8u) << "the issue asks for at least eight examples";
  ASSERT_EQ(ex.de.size(), ex.en.size());
  std::set<std::string> ids;
  for (std::size_t i = 0; i < ex.de.size(); ++i) {
    EXPECT_EQ(ex.de[i].example_id, ex.en[i].example_id);
    EXPECT_TRUE(ids.insert(ex.de[i].example_id).second) << "ids are unique";
    EXPECT_FALSE(ex.de[i].story.empty());
    EXPECT_FALSE(ex.en[i].story.empty());
    EXPECT_NE(ex.de[i].story, ex.en[i].story) << ex.de[i].example_id << " is translated";
  }
  EXPECT_TRUE(core::coverage_gaps(ex.de).empty())
      << "the examples together leave no blind spot the coverage check knows";
  EXPECT_FALSE(ex.about.de.empty());
  ASSERT_NE(persona_example("ex.erika", Lang::kEn), nullptr);
  EXPECT_EQ(persona_example("ex.erika", Lang::kEn)->use, core::Use::kCannot);
  EXPECT_EQ(persona_example("ex.nobody", Lang::kDe), nullptr);
}

TEST(PersonaExamples, ABrokenEntryIsNamed) {
  auto bad = parse_persona_examples(
      R"({"personas":[{"id":"ex.x","name":{"de":"X","en":"X"},"use":"sometimes"}]})");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().key, "personas.error.examples_invalid");
  EXPECT_NE(bad.error().detail.find("ex.x"), std::string::npos);
  EXPECT_NE(bad.error().detail.find("sometimes"), std::string::npos);
  EXPECT_FALSE(parse_persona_examples("[]"));
  EXPECT_FALSE(parse_persona_examples(R"({"personas":[{"name":"no id"}]})"));
}

}  // namespace
}  // namespace solipraxis::catalog
