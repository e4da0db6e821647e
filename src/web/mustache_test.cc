#include "web/mustache.h"

#include <gtest/gtest.h>

namespace solipraxis::web::mustache {
namespace {

std::string render_with(std::string_view source, std::vector<const mstch::node*> scopes,
                        const Partials& partials = {}) {
  auto nodes = parse(source);
  EXPECT_TRUE(nodes) << nodes.error().detail;
  if (!nodes) return {};
  std::string out;
  render(nodes.value(), partials, scopes, out);
  return out;
}

std::string render_one(std::string_view source, const mstch::node& data) {
  return render_with(source, {&data});
}

TEST(Mustache, VariablesAreEscapedAndDottedNamesReachIntoMaps) {
  const mstch::node data = mstch::map{
      {"x", std::string("<b>&\"'`=")},
      {"org", mstch::map{{"name", std::string("Tafel")}, {"count", 3}}},
      {"yes", true}};
  EXPECT_EQ(render_one("{{x}}|{{ org.name }}|{{org.count}}|{{yes}}|{{missing}}|{{org.none}}", data),
            "&lt;b&gt;&amp;&quot;&#39;&#96;&#61;|Tafel|3|true||");
}

TEST(Mustache, SectionsIterateArraysAndOpenMapsInvertedSectionsShowEmptiness) {
  const mstch::node data = mstch::map{
      {"items", mstch::array{mstch::map{{"n", std::string("a")}}, mstch::map{{"n", std::string("b")}}}},
      {"words", mstch::array{std::string("x"), std::string("y")}},
      {"none", mstch::array{}},
      {"tool", mstch::map{{"url", std::string("/t/1")}}},
      {"title", std::string("outer")},
      {"zero", 0},
      {"empty", std::string()}};
  EXPECT_EQ(render_one("{{#items}}{{n}}{{title}};{{/items}}", data), "aouter;bouter;");
  EXPECT_EQ(render_one("{{#words}}[{{.}}]{{/words}}", data), "[x][y]");
  EXPECT_EQ(render_one("{{#none}}never{{/none}}{{^none}}no items{{/none}}", data), "no items");
  EXPECT_EQ(render_one("{{#tool}}{{url}}{{/tool}}/decide", data), "/t/1/decide");
  EXPECT_EQ(render_one("{{^zero}}0{{/zero}}{{^empty}}e{{/empty}}{{^gone}}g{{/gone}}", data), "0eg");
  EXPECT_EQ(render_one("{{#title}}{{.}}!{{/title}}{{^title}}hidden{{/title}}", data), "outer!");
}

TEST(Mustache, InnerScopesHideOuterOnesAndNothingIsCopied) {
  const mstch::node messages = mstch::map{{"t", mstch::map{{"hi", std::string("Hallo")}}},
                                          {"title", std::string("outer")}};
  const mstch::node page = mstch::map{{"title", std::string("page")}};
  EXPECT_EQ(render_with("{{t.hi}} {{title}}", {&messages, &page}), "Hallo page");
}

TEST(Mustache, BindingMessagesGivesWhatRenderingLooksUp) {
  const mstch::node messages =
      mstch::map{{"t", mstch::map{{"hi", std::string("Hallo <b>")},
                                  {"area", mstch::map{{"x", std::string("X & Y")}}}}}};
  const mstch::node page = mstch::map{{"on", true},
                                      {"items", mstch::array{std::string("a"), std::string("b")}},
                                      {"name", std::string("Ada")}};
  const std::string source =
      "{{t.hi}} {{name}}{{#on}}[{{t.area.x}}]{{/on}}{{^on}}{{t.hi}}{{/on}}"
      "{{#items}}{{.}}:{{t.area.x}};{{/items}}{{t.missing}}{{t.area}}|";
  auto nodes = parse(source);
  ASSERT_TRUE(nodes);
  const Nodes bound = mustache::bind(nodes.value(), messages);  // not std::bind (ADL)
  std::string out;
  std::vector<const mstch::node*> scopes{&messages, &page};
  render(bound, {}, scopes, out);
  EXPECT_EQ(out, render_with(source, {&messages, &page}));
  EXPECT_EQ(out, "Hallo &lt;b&gt; Ada[X &amp; Y]a:X &amp; Y;b:X &amp; Y;|");
  // The messages became text: with no messages in scope the page still says them.
  out.clear();
  std::vector<const mstch::node*> page_only{&page};
  render(bound, {}, page_only, out);
  EXPECT_EQ(out, "Hallo &lt;b&gt; Ada[X &amp; Y]a:X &amp; Y;b:X &amp; Y;|");
}

TEST(Mustache, StandaloneTagLinesLeaveNoTrace) {
  const mstch::node data = mstch::map{{"on", true}, {"x", std::string("v")}};
  EXPECT_EQ(render_one("<ul>\n  {{#on}}\n  <li>{{x}}</li>\n  {{/on}}\n  {{! note }}\n</ul>\n", data),
            "<ul>\n  <li>v</li>\n</ul>\n");
  // A line with a variable or text is no standalone line.
  EXPECT_EQ(render_one("a {{#on}}b{{/on}}\n{{x}} {{^on}}{{/on}}\n", data), "a b\nv \n");
}

TEST(Mustache, PartialsRenderInTheCurrentScopeAndCyclesStop) {
  Partials partials;
  partials.emplace("field", parse("<input value=\"{{x}}\">").value());
  partials.emplace("loop", parse("o{{> loop}}").value());
  const mstch::node data = mstch::map{{"rows", mstch::array{mstch::map{{"x", std::string("1")}}}}};
  EXPECT_EQ(render_with("{{#rows}}\n  {{> field}}\n{{/rows}}\n{{> unknown}}", {&data}, partials),
            "<input value=\"1\">");
  EXPECT_EQ(render_with("{{> loop}}", {&data}, partials).size(), 32u);
}

TEST(Mustache, MalformedOrUnsafeTemplatesAreRejected) {
  for (std::string_view bad : {"{{#a}}open", "{{/a}}", "{{#a}}{{/b}}", "{{x", "{{{raw}}}",
                               "{{&raw}}", "{{=<% %>=}}", "{{}}", "{{{answer_html}}",
                               "{{&answer_html}}", "{{{ answer_htm }}}", "{{{answer_html.x}}}"}) {
    auto nodes = parse(bad);
    EXPECT_FALSE(nodes) << bad;
    if (!nodes) {
      EXPECT_EQ(nodes.error().code, core::ErrorCode::kInvalidInput);
    }
  }
}

TEST(Mustache, OnlyAnswerHtmlIsPrintedUnescaped) {
  // render_markdown's output is already safe HTML; everything else stays escaped.
  const mstch::node data = mstch::map{{"answer_html", std::string("<p><em>ja</em></p>")},
                                      {"x", std::string("<em>")}};
  EXPECT_EQ(render_one("{{{answer_html}}}|{{{ answer_html }}}|{{answer_html}}|{{x}}", data),
            "<p><em>ja</em></p>|<p><em>ja</em></p>|&lt;p&gt;&lt;em&gt;ja&lt;/em&gt;&lt;/p&gt;|&lt;em&gt;");
  const mstch::node rows = mstch::map{
      {"answers", mstch::array{mstch::map{{"answer_html", std::string("<p>a</p>")}}}}};
  EXPECT_EQ(render_one("{{#answers}}{{{answer_html}}}{{/answers}}", rows), "<p>a</p>");
}

}  // namespace
}  // namespace solipraxis::web::mustache
