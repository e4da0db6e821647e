#include "web/markdown.h"

#include <gtest/gtest.h>

#include <string>

namespace solipraxis::web {
namespace {

bool contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

TEST(Markdown, RendersCommonMark) {
  EXPECT_EQ(render_markdown("Wir *prüfen* das **gemeinsam**."),
            "<p>Wir <em>prüfen</em> das <strong>gemeinsam</strong>.</p>\n");
  EXPECT_EQ(render_markdown("- eins\n- zwei\n"), "<ul>\n<li>eins</li>\n<li>zwei</li>\n</ul>\n");
  EXPECT_EQ(render_markdown("3. drei\n4. vier\n"),
            "<ol start=\"3\">\n<li>drei</li>\n<li>vier</li>\n</ol>\n");
  EXPECT_EQ(render_markdown("> Zitat"), "<blockquote>\n<p>Zitat</p>\n</blockquote>\n");
  EXPECT_EQ(render_markdown("`a < b`"), "<p><code>a &lt; b</code></p>\n");
  EXPECT_EQ(render_markdown("```\nx <y>\n```\n"), "<pre><code>x &lt;y&gt;\n</code></pre>\n");
  EXPECT_EQ(render_markdown("Zeile  \nneue"), "<p>Zeile<br>\nneue</p>\n");
  EXPECT_EQ(render_markdown(""), "");
}

TEST(Markdown, HeadingsStartBelowThePagesOwnHeadings) {
  EXPECT_EQ(render_markdown("# Titel"), "<h4>Titel</h4>\n");
  EXPECT_EQ(render_markdown("### Drei"), "<h6>Drei</h6>\n");
  EXPECT_EQ(render_markdown("###### Sechs"), "<h6>Sechs</h6>\n");
}

TEST(Markdown, RawHtmlIsShownAsTextNeverAsMarkup) {
  const auto block = render_markdown("<script>alert(1)</script>");
  EXPECT_FALSE(contains(block, "<script")) << block;
  EXPECT_TRUE(contains(block, "&lt;script&gt;alert(1)&lt;/script&gt;")) << block;

  const auto inline_html = render_markdown("Hallo <img src=x onerror=alert(1)> und <b>fett</b>");
  EXPECT_FALSE(contains(inline_html, "<img")) << inline_html;
  EXPECT_FALSE(contains(inline_html, "<b>")) << inline_html;
  EXPECT_TRUE(contains(inline_html, "&lt;img src&#61;x onerror&#61;alert(1)&gt;")) << inline_html;

  const auto comment = render_markdown("<!-- x --><iframe src=\"https://x\"></iframe>");
  EXPECT_FALSE(contains(comment, "<iframe")) << comment;
  EXPECT_FALSE(contains(comment, "<!--")) << comment;
}

TEST(Markdown, LinksGetRelNofollowNoopener) {
  EXPECT_EQ(render_markdown("[Papier](https://example.org/a?b=1&c=2)"),
            "<p><a href=\"https://example.org/a?b=1&amp;c=2\" rel=\"nofollow noopener\">"
            "Papier</a></p>\n");
  EXPECT_EQ(render_markdown("[Mail](mailto:team@example.org)"),
            "<p><a href=\"mailto:team@example.org\" rel=\"nofollow noopener\">Mail</a></p>\n");
  EXPECT_EQ(render_markdown("[Werkzeug](/o/tafel/tools/3)"),
            "<p><a href=\"/o/tafel/tools/3\" rel=\"nofollow noopener\">Werkzeug</a></p>\n");
  // Autolinks and bare URLs too.
  const auto auto_links = render_markdown("<https://a.example> und https://b.example/x");
  EXPECT_TRUE(contains(auto_links,
                       "<a href=\"https://a.example\" rel=\"nofollow noopener\">https://a.example</a>"))
      << auto_links;
  EXPECT_TRUE(contains(auto_links, "<a href=\"https://b.example/x\" rel=\"nofollow noopener\">"))
      << auto_links;
}

TEST(Markdown, ScriptAndDataLinksLoseTheirLinkAndKeepTheirText) {
  for (const char* md : {
           "[klick](javascript:alert(1))",
           "[klick](JavaScript:alert(1))",
           "[klick](javascript&colon;alert(1))",
           "[klick](&#106;avascript:alert(1))",
           "[klick](&#x6A;avascript:alert(1))",
           "[klick](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
           "[klick](vbscript:msgbox(1))",
           "[klick](<java\tscript:alert(1)>)",
           "[klick](file:///etc/passwd)",
           "[klick](\\javascript:alert(1))",
       }) {
    const auto html = render_markdown(md);
    EXPECT_FALSE(contains(html, "<a")) << md << " -> " << html;
    EXPECT_FALSE(contains(html, "href")) << md << " -> " << html;
    EXPECT_TRUE(contains(html, "klick")) << md << " -> " << html;
  }
  const auto autolink = render_markdown("<javascript:alert(1)>");
  EXPECT_FALSE(contains(autolink, "<a")) << autolink;
  const auto reference = render_markdown("[klick][x]\n\n[x]: javascript:alert(1)\n");
  EXPECT_FALSE(contains(reference, "<a")) << reference;
}

TEST(Markdown, AttributesCannotBeBrokenOutOf) {
  const auto html = render_markdown("[x](<https://a.example/\"onmouseover=alert(1)>)");
  EXPECT_FALSE(contains(html, "\"onmouseover")) << html;
  EXPECT_TRUE(contains(html, "%22onmouseover")) << html;
  const auto titled = render_markdown("[x](https://a.example \"t\\\" onclick=\\\"alert(1)\")");
  EXPECT_FALSE(contains(titled, "onclick=\"")) << titled;
  EXPECT_FALSE(contains(titled, "title")) << titled;
}

TEST(Markdown, ImagesBecomeLinksAndNeverLoad) {
  EXPECT_EQ(render_markdown("![Plakat](https://example.org/p.png)"),
            "<p><a href=\"https://example.org/p.png\" rel=\"nofollow noopener\">Plakat</a></p>\n");
  EXPECT_EQ(render_markdown("![](https://example.org/p.png)"),
            "<p><a href=\"https://example.org/p.png\" rel=\"nofollow noopener\">"
            "https://example.org/p.png</a></p>\n");
  const auto data = render_markdown("![bild](data:image/svg+xml;base64,PHN2Zz4=)");
  EXPECT_FALSE(contains(data, "<a")) << data;
  EXPECT_FALSE(contains(data, "<img")) << data;
  EXPECT_TRUE(contains(data, "bild")) << data;
  // An image inside a link: one <a>, never nested.
  const auto nested = render_markdown("[![Bild](https://a.example/i.png)](https://b.example)");
  EXPECT_EQ(nested.find("<a", nested.find("<a") + 1), std::string::npos) << nested;
}

TEST(Markdown, BadUtf8AndNulAreReplaced) {
  const auto html = render_markdown(std::string("a\xFF" "b\xC3", 4));
  EXPECT_EQ(html, "<p>a\xEF\xBF\xBD" "b\xEF\xBF\xBD</p>\n");
  EXPECT_EQ(render_markdown(std::string("x\0y", 3)), "<p>x\xEF\xBF\xBDy</p>\n");
  EXPECT_EQ(render_markdown("Grüße"), "<p>Grüße</p>\n");
}

TEST(Markdown, UrlAllowList) {
  EXPECT_TRUE(markdown_url_allowed("https://a.example"));
  EXPECT_TRUE(markdown_url_allowed("HTTP://a.example"));
  EXPECT_TRUE(markdown_url_allowed("mailto:x@y.example"));
  EXPECT_TRUE(markdown_url_allowed("relative/path?x=a:b"));
  EXPECT_TRUE(markdown_url_allowed("#anker"));
  EXPECT_FALSE(markdown_url_allowed("javascript:alert(1)"));
  EXPECT_FALSE(markdown_url_allowed(" javascript:alert(1)"));
  EXPECT_FALSE(markdown_url_allowed("data:text/html,x"));
  EXPECT_FALSE(markdown_url_allowed(":x"));
}

// What a Markdown reader makes of the .md export: the defused text, rendered.
TEST(Markdown, DefusedLinksStayTextInAnyReaderAndSafeLinksStayLinks) {
  const std::string unsafe[] = {
      "[Klick](javascript:alert(1))", "[Klick]( <javascript:alert(1)> )",
      "[Klick](javascript&#58;alert(1))", "[Klick](java\\script:alert(1))",
      "[Klick][r]\n\n[r]: javascript:alert(1)", "  [r]: data:text/html,x\n\n[Klick][r]"};
  for (const std::string& md : unsafe) {
    const std::string defused = defuse_markdown_links(md);
    EXPECT_NE(defused, md);
    EXPECT_FALSE(contains(render_markdown(defused), "<a ")) << md;
    // The text reads the same: only a backslash was added.
    EXPECT_EQ(defused.size(), md.size() + 1) << md;
  }
  const std::string safe = "[Seite](https://a.example/x) und [Mail](mailto:x@y.example)";
  EXPECT_EQ(defuse_markdown_links(safe), safe);
  EXPECT_TRUE(contains(render_markdown(defuse_markdown_links(safe)), "href=\"https://a.example/x\""));
  EXPECT_EQ(defuse_markdown_links("Klammer (ohne Link) und [eckig] allein"),
            "Klammer (ohne Link) und [eckig] allein");
  EXPECT_NO_THROW(defuse_markdown_links(std::string(5000, '(')));
  EXPECT_NO_THROW(defuse_markdown_links("](<"));
}

TEST(Markdown, NeverThrowsOnOddInput) {
  std::string odd;
  for (int i = 0; i < 4096; ++i) odd.push_back(static_cast<char>((i * 37) % 256));
  EXPECT_NO_THROW(render_markdown(odd));
  EXPECT_NO_THROW(render_markdown(std::string(5000, '[')));
  EXPECT_NO_THROW(render_markdown(std::string(5000, '>')));
}

}  // namespace
}  // namespace solipraxis::web
