// Dogfooding: solipraxis' own user-facing texts (web/i18n/*.json and the text of
// the Mustache templates) must pass its inclusive-language rules without a finding.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include <nlohmann/json.hpp>

#include "text/checker.h"

namespace solipraxis::testing {
namespace {

namespace fs = std::filesystem;

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string findings_of(const std::string& where, const std::string& text, text::Lang lang) {
  text::CheckOptions o;
  o.lang = lang;
  o.plain = false;
  auto r = text::check_text(text, o);
  if (!r) return where + ": " + r.error().detail + "\n";
  std::string out;
  for (const auto& f : r->findings)
    out += where + ": " + std::string(f.rule) + " \"" + text.substr(f.start, f.end - f.start) +
           "\" in: " + text + "\n";
  return out;
}

TEST(Dogfood, I18nMessagesAreInclusive) {
  const fs::path dir = fs::path(SOLIPRAXIS_SOURCE_DIR) / "web" / "i18n";
  if (!fs::exists(dir)) GTEST_SKIP() << "no web/i18n yet";
  std::string problems;
  int strings = 0;
  for (const char* name : {"de", "en"}) {
    const fs::path file = dir / (std::string(name) + ".json");
    if (!fs::exists(file)) continue;
    const auto j = nlohmann::json::parse(read(file));
    const auto lang = std::string(name) == "de" ? text::Lang::kGerman : text::Lang::kEnglish;
    for (const auto& [key, value] : j.items()) {
      if (!value.is_string()) continue;
      ++strings;
      problems += findings_of(file.filename().string() + " " + key, value.get<std::string>(), lang);
    }
  }
  EXPECT_GT(strings, 0);
  EXPECT_EQ(problems, "");
}

TEST(Dogfood, TemplateTextIsInclusive) {
  const fs::path dir = fs::path(SOLIPRAXIS_SOURCE_DIR) / "web" / "templates";
  if (!fs::exists(dir)) GTEST_SKIP() << "no web/templates yet";
  const std::regex tags("\\{\\{[^}]*\\}\\}\\}?|<[^>]*>");
  std::string problems;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file() || e.path().extension() != ".mustache") continue;
    const std::string visible = std::regex_replace(read(e.path()), tags, " ");
    problems += findings_of(e.path().filename().string(), visible, text::Lang::kGerman);
  }
  EXPECT_EQ(problems, "");
}

}  // namespace
}  // namespace solipraxis::testing
