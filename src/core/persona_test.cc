#include "core/persona.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace solipraxis::core {
namespace {

bool has(const std::vector<std::string>& gaps, const std::string& key) {
  return std::find(gaps.begin(), gaps.end(), key) != gaps.end();
}

std::vector<std::string> keys(const std::vector<FieldError>& errors) {
  std::vector<std::string> out;
  for (const auto& e : errors) out.push_back(e.error.key);
  return out;
}

Persona named(std::string name) {
  Persona p;
  p.name = std::move(name);
  return p;
}

TEST(PersonaNames, EveryValueRoundTripsAndUnknownIsEmpty) {
  for (auto n : place_names()) EXPECT_EQ(place_name(*parse_place(n)), n);
  for (auto n : gender_names()) EXPECT_EQ(gender_name(*parse_gender(n)), n);
  for (auto n : skills_names()) EXPECT_EQ(skills_name(*parse_skills(n)), n);
  for (auto n : device_names()) EXPECT_EQ(device_name(*parse_device(n)), n);
  for (auto n : connectivity_names()) EXPECT_EQ(connectivity_name(*parse_connectivity(n)), n);
  for (auto n : use_names()) EXPECT_EQ(use_name(*parse_use(n)), n);
  EXPECT_EQ(*parse_use(""), Use::kUnknown);
  auto bad = parse_use("maybe_not");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().key, "personas.error.value_invalid");
  EXPECT_NE(bad.error().detail.find("maybe_not"), std::string::npos);
}

TEST(PersonaRules, NormalizeTidiesListsAndDropsAStrayGenderWord) {
  Persona p = named("  Aylin  ");
  p.languages = {"DE", " tr", "de", ""};
  p.tags = {"Sorgearbeit", " ", "Sorgearbeit", "Pflege"};
  p.gender = Gender::kWoman;
  p.gender_text = "leftover";
  normalize_persona(p);
  EXPECT_EQ(p.name, "Aylin");
  EXPECT_EQ(p.languages, (std::vector<std::string>{"de", "tr"}));
  EXPECT_EQ(p.tags, (std::vector<std::string>{"Sorgearbeit", "Pflege"}));
  EXPECT_EQ(p.gender_text, "");
}

TEST(PersonaRules, ErrorsNameEveryBadField) {
  Persona p;
  p.name = " ";
  p.age = 130;
  p.languages = {"deutsch"};
  p.gender = Gender::kSelfDescribed;
  p.origin = "two\nlines";
  EXPECT_EQ(keys(persona_errors(p)),
            (std::vector<std::string>{"personas.error.name_required", "tools.error.single_line",
                                      "personas.error.language_invalid",
                                      "personas.error.age_invalid",
                                      "personas.error.gender_text_required"}));
  Persona ok = named("Jonas");
  ok.age = 0;
  ok.story = std::string(kPersonaStoryMax, 'x');
  EXPECT_TRUE(persona_errors(ok).empty());
  ok.story += "x";
  EXPECT_EQ(keys(persona_errors(ok)), (std::vector<std::string>{"personas.error.field_too_long"}));
  Persona many = named("Mira");
  many.tags.assign(kPersonaTagsMax + 1, "t");
  EXPECT_EQ(keys(persona_errors(many)), (std::vector<std::string>{"personas.error.too_many_tags"}));
}

TEST(PersonaCoverage, AnEmptySetIsOneGap) {
  EXPECT_EQ(coverage_gaps({}), (std::vector<std::string>{"no_personas"}));
}

TEST(PersonaCoverage, UnknownValuesCoverNobody) {
  std::vector<Persona> ps = {named("A"), named("B")};
  const auto gaps = coverage_gaps(ps);
  for (const char* key : {"no_non_user", "no_cannot_use", "no_without_smartphone",
                          "no_poor_connection", "no_low_skills", "no_over_70", "no_under_25",
                          "no_rural", "only_german", "one_gender"}) {
    EXPECT_TRUE(has(gaps, key)) << key;
  }
}

TEST(PersonaCoverage, ADiverseSetClosesEveryGap) {
  Persona a = named("Erika, 78");
  a.age = 78;
  a.place = Place::kRural;
  a.device = Device::kNone;
  a.connectivity = Connectivity::kNone;
  a.skills = Skills::kLow;
  a.use = Use::kCannot;
  a.gender = Gender::kWoman;
  a.languages = {"de"};
  Persona b = named("Samir, 19");
  b.age = 19;
  b.languages = {"ar", "de"};
  b.gender = Gender::kMan;
  b.device = Device::kSmartphone;
  b.use = Use::kLikely;
  std::vector<Persona> ps = {a, b};
  EXPECT_TRUE(coverage_gaps(ps).empty());
}

TEST(PersonaCoverage, EachGapOpensWhenItsOnlyRepresentativeChanges) {
  Persona a = named("A");
  a.use = Use::kWillNot;  // a non-user, but one who could use it
  a.device = Device::kSmartphone;
  a.age = 70;
  a.languages = {"de"};
  a.gender = Gender::kNonBinary;
  std::vector<Persona> ps = {a};
  auto gaps = coverage_gaps(ps);
  EXPECT_FALSE(has(gaps, "no_non_user"));
  EXPECT_TRUE(has(gaps, "no_cannot_use"));
  EXPECT_TRUE(has(gaps, "no_without_smartphone"));
  EXPECT_FALSE(has(gaps, "no_over_70"));  // 70 counts as "70 or more"
  EXPECT_TRUE(has(gaps, "only_german"));
  EXPECT_TRUE(has(gaps, "one_gender"));  // one person, one gender
  ps[0].age = 69;
  EXPECT_TRUE(has(coverage_gaps(ps), "no_over_70"));
  ps[0].device = Device::kShared;
  EXPECT_FALSE(has(coverage_gaps(ps), "no_without_smartphone"));
}

}  // namespace
}  // namespace solipraxis::core
