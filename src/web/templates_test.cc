#include "web/templates.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "web/i18n.h"

namespace solipraxis::web {
namespace {

const std::string kWeb = std::string(SOLIPRAXIS_SOURCE_DIR) + "/web";

TEST(Templates, EscapesValues) {
  auto t = Templates::from_map({{"p", "<p title=\"{{x}}\">{{x}}</p>"}});
  ASSERT_TRUE(t);
  const mstch::node data = mstch::map{{"x", std::string("\"><script>alert(1)</script>")}};
  auto out = t.value().render("p", {&data});
  ASSERT_TRUE(out);
  EXPECT_EQ(out.value().find("<script>"), std::string::npos);
  EXPECT_NE(out.value().find("&lt;script&gt;"), std::string::npos);
}

TEST(Templates, PartialsAndDottedTranslations) {
  auto t = Templates::from_map({{"top", "<h1>{{t.layout.app_name}}</h1>"},
                                {"page", "{{> top}}<p>{{t.home.heading}}</p>"}});
  ASSERT_TRUE(t);
  auto i18n = I18n::from_maps(
      {{"de", {{"layout.app_name", "solipraxis"}, {"home.heading", "KI solidarisch nutzen"}}}});
  auto out = t.value().render("page", {&i18n.template_scope("de")});
  ASSERT_TRUE(out);
  EXPECT_EQ(out.value(), "<h1>solipraxis</h1><p>KI solidarisch nutzen</p>");
}

TEST(Templates, BoundMessagesRenderAsLookedUpOnesInEachLanguage) {
  auto t = Templates::from_map({{"top", "<h1>{{t.layout.app_name}}</h1>"},
                                {"page", "{{> top}}{{#items}}<p>{{t.home.heading}} {{.}}</p>{{/items}}"}});
  ASSERT_TRUE(t);
  auto i18n = I18n::from_maps({{"de", {{"layout.app_name", "solipraxis"}, {"home.heading", "Hallo"}}},
                               {"en", {{"home.heading", "Hello & welcome"}}}});
  const mstch::node data = mstch::map{{"items", mstch::array{std::string("1"), std::string("2")}}};
  auto unbound = t.value();
  t.value().bind_messages(i18n);
  for (const char* lang : {"de", "en", "fr"}) {
    auto expected = unbound.render("page", {&i18n.template_scope(lang), &data});
    auto out = t.value().render("page", {&i18n.template_scope(lang), &data}, lang);
    ASSERT_TRUE(out && expected);
    EXPECT_EQ(out.value(), expected.value()) << lang;
  }
  EXPECT_EQ(t.value().render("page", {&i18n.template_scope("en"), &data}, "en").value(),
            "<h1>solipraxis</h1><p>Hello &amp; welcome 1</p><p>Hello &amp; welcome 2</p>");
}

TEST(Templates, ATemplateThatDoesNotParseIsAnErrorAtLoad) {
  auto t = Templates::from_map({{"ok", "x"}, {"pages/broken", "{{#a}}never closed"}});
  ASSERT_FALSE(t);
  EXPECT_NE(t.error().detail.find("pages/broken"), std::string::npos) << t.error().detail;
}

TEST(Templates, UnknownTemplateIsNotFound) {
  auto t = Templates::from_map({{"a", "x"}});
  ASSERT_TRUE(t);
  const mstch::node data = mstch::map{};
  auto out = t.value().render("b", {&data});
  ASSERT_FALSE(out);
  EXPECT_EQ(out.error().code, core::ErrorCode::kNotFound);
}

// No template may print unescaped values (the one exception: {{{answer_html}}},
// render_markdown's output, see mustache.h), and none may carry inline script or
// style (the CSP forbids them; they would silently break).
TEST(ShippedTemplates, NoUnescapedOutputNoInlineScriptOrStyle) {
  auto loaded = Templates::load(kWeb + "/templates");
  ASSERT_TRUE(loaded) << loaded.error().detail;
  const std::regex forbidden(
      R"(\{\{\{(?!answer_html\}\}\})|\{\{&|<script(?![^>]*\bsrc=)|<style|\sstyle=|\son[a-z]+=)",
      std::regex::icase);
  for (const auto& entry : std::filesystem::recursive_directory_iterator(kWeb + "/templates")) {
    if (entry.path().extension() != ".mustache") continue;
    std::ifstream in(entry.path());
    std::stringstream ss;
    ss << in.rdbuf();
    std::smatch m;
    const std::string text = ss.str();
    EXPECT_FALSE(std::regex_search(text, m, forbidden))
        << entry.path() << " contains \"" << m.str() << "\"";
  }
}

}  // namespace
}  // namespace solipraxis::web
