#include "web/i18n.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace solipraxis::web {
namespace {

const std::string kWeb = std::string(SOLIPRAXIS_SOURCE_DIR) + "/web";

I18n sample() {
  return I18n::from_maps({{"de", {{"a.b", "Hallo"}, {"only.de", "Nur Deutsch"}}},
                          {"en", {{"a.b", "Hello"}}}});
}

TEST(I18n, FallsBackToGermanThenKey) {
  const I18n i = sample();
  EXPECT_EQ(i.t("en", "a.b"), "Hello");
  EXPECT_EQ(i.t("en", "only.de"), "Nur Deutsch");
  EXPECT_EQ(i.t("fr", "a.b"), "Hallo");
  EXPECT_EQ(i.t("en", "no.such.key"), "no.such.key");
}

TEST(I18n, NegotiatesUserThenCookieThenHeaderThenGerman) {
  const I18n i = sample();
  EXPECT_EQ(negotiate_language(i, "en", "de", "de"), "en");
  EXPECT_EQ(negotiate_language(i, "", "en", "de-DE"), "en");
  EXPECT_EQ(negotiate_language(i, "", "xx", "en-GB,en;q=0.9"), "en");
  EXPECT_EQ(negotiate_language(i, "", "", "fr-FR, en;q=0.5, de;q=0.8"), "de");
  EXPECT_EQ(negotiate_language(i, "", "", "fr, EN;q=0.1"), "en");
  EXPECT_EQ(negotiate_language(i, "", "", "fr"), "de");
  EXPECT_EQ(negotiate_language(i, "", "", ""), "de");
  EXPECT_EQ(negotiate_language(i, "", "", "en;q=garbage"), "de");
}

TEST(I18n, TemplateMapNestsDottedKeys) {
  const I18n i = sample();
  const auto& m = i.template_map("en");
  const auto& a = boost::get<mstch::map>(m.at("a"));
  EXPECT_EQ(boost::get<std::string>(a.at("b")), "Hello");
  // German fills what English lacks.
  const auto& only = boost::get<mstch::map>(m.at("only"));
  EXPECT_EQ(boost::get<std::string>(only.at("de")), "Nur Deutsch");
}

TEST(I18n, FormatsPlaceholders) {
  EXPECT_EQ(format_message("Hallo {name}, {n} neu {x}", {{"name", "Ada"}, {"n", "3"}}),
            "Hallo Ada, 3 neu {x}");
}

// The shipped catalogs: both load, have the same keys, and keep them sorted
// (parallel additions from several areas then rarely conflict).
TEST(I18nCatalogs, ShippedCatalogsAreCompleteAndSorted) {
  auto loaded = I18n::load(kWeb + "/i18n");
  ASSERT_TRUE(loaded) << loaded.error().detail;
  EXPECT_EQ(loaded->languages(), (std::vector<std::string>{"de", "en"}));
  std::map<std::string, std::vector<std::string>> keys;
  for (const std::string lang : {"de", "en"}) {
    std::ifstream in(kWeb + "/i18n/" + lang + ".json");
    std::stringstream ss;
    ss << in.rdbuf();
    // ordered_json keeps file order, so we can check it is sorted.
    auto doc = nlohmann::ordered_json::parse(ss.str());
    for (const auto& [k, v] : doc.items()) keys[lang].push_back(k);
    auto sorted = keys[lang];
    std::sort(sorted.begin(), sorted.end());
    EXPECT_EQ(keys[lang], sorted) << lang << ".json keys are not sorted";
  }
  std::vector<std::string> only_de, only_en;
  std::set_difference(keys["de"].begin(), keys["de"].end(), keys["en"].begin(), keys["en"].end(),
                      std::back_inserter(only_de));
  std::set_difference(keys["en"].begin(), keys["en"].end(), keys["de"].begin(), keys["de"].end(),
                      std::back_inserter(only_en));
  EXPECT_TRUE(only_de.empty()) << "missing in en.json: " << only_de.front();
  EXPECT_TRUE(only_en.empty()) << "missing in de.json: " << only_en.front();

  // Templates see the keys as nested maps ({{t.a.b}}): a key that is also the
  // prefix of another ("a.b" and "a.b.c") would render as an empty label.
  const std::set<std::string> all(keys["de"].begin(), keys["de"].end());
  for (const auto& k : all) {
    auto next = all.lower_bound(k + ".");
    EXPECT_FALSE(next != all.end() && next->starts_with(k + "."))
        << "\"" << k << "\" is both a message and the prefix of \"" << *next << "\"";
  }
}

// One word per role, the members page's (members.role.*): other words for the
// same role ("Inhaber:in", "Bearbeitung", "editing rights") confused people.
TEST(I18nCatalogs, RolesHaveOneNameEach) {
  const std::map<std::string, std::vector<std::string>> other_names = {
      {"de", {"Inhaber", "Bearbeitung", "Bearbeitungsrecht", "Administrator"}},
      {"en", {"editing rights", "administrator", "manager"}}};
  for (const auto& [lang, words] : other_names) {
    std::ifstream in(kWeb + "/i18n/" + lang + ".json");
    std::stringstream ss;
    ss << in.rdbuf();
    const auto doc = nlohmann::json::parse(ss.str());
    for (const auto& [key, value] : doc.items()) {
      const std::string text = value.get<std::string>();
      for (const auto& w : words) {
        EXPECT_EQ(text.find(w), std::string::npos) << lang << " " << key << ": \"" << w << "\"";
      }
    }
  }
}

}  // namespace
}  // namespace solipraxis::web
