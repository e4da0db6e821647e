// Markdown that people write into answers (reflections, issue 23), rendered to
// HTML that is safe to put into a page. CommonMark via md4c's parser with our
// own small renderer, so every URL passes one allow-list before it is written.
//
// Guarantees:
// - Raw HTML is text (md4c's MD_FLAG_NOHTML; `<script>` shows as "<script>").
// - A link or image URL is written only when it is http:, https:, mailto: or
//   relative (no scheme); anything else (javascript:, data:, vbscript:, a scheme
//   hidden behind entities or control characters) loses its link and keeps
//   only its text. Links carry rel="nofollow noopener".
// - Images become links to the image (their alt text, or the URL, as link text):
//   a page never loads a picture from elsewhere for the person reading it.
// - Headings written in an answer start at <h4> (`# x` -> <h4>), below the
//   page's own title, section and question headings.
// - Never throws on any input; bad UTF-8 and NUL become U+FFFD.
// Templates put the result in with `{{{answer_html}}}` (triple braces) ONLY for
// this function's output; every other value stays `{{x}}`.
#pragma once

#include <string>
#include <string_view>

namespace solipraxis::web {

std::string render_markdown(std::string_view markdown);

// The allow-list above, for callers that write a URL from user text themselves:
// true for http:, https:, mailto: (any case) and URLs without a scheme, false
// for any other scheme and for URLs holding spaces or control characters.
bool markdown_url_allowed(std::string_view url);

// The person's Markdown kept as Markdown (for .md exports), with every link
// whose URL another Markdown reader could turn into a script made plain text:
// an inline link `[x](url)` or a definition `[x]: url` whose URL fails the
// allow-list above, or holds `&` or `\` (entities and escapes can hide a
// scheme), gets a backslash that ends its link syntax; the text reads the same.
std::string defuse_markdown_links(std::string_view markdown);

}  // namespace solipraxis::web
