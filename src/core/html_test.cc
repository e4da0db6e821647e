#include "core/html.h"

#include <gtest/gtest.h>

namespace solipraxis::core {
namespace {

TEST(HtmlEscape, EscapesMarkupAndQuotes) {
  EXPECT_EQ(html_escape("<a href=\"x\">'&'</a>"),
            "&lt;a href&#61;&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  EXPECT_EQ(html_escape("`onload=x`"), "&#96;onload&#61;x&#96;");
  EXPECT_EQ(html_escape("Fürsorge ohne Zeichen"), "Fürsorge ohne Zeichen");
}

TEST(HtmlEscape, AppendsToWhatIsThere) {
  std::string out = "<mark>";
  append_html_escaped(out, "a<b");
  EXPECT_EQ(out, "<mark>a&lt;b");
}

}  // namespace
}  // namespace solipraxis::core
