#include "web/markdown.h"

#include <md4c.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/html.h"
#include "text/utf8.h"

namespace solipraxis::web {

namespace {

constexpr unsigned kHeadingOffset = 3;  // `# x` -> <h4>
constexpr char kReplacement[] = "\xEF\xBF\xBD";

// `s` with every malformed UTF-8 sequence replaced by U+FFFD.
std::string valid_utf8(std::string_view s) {
  if (!text::find_invalid_utf8(s)) return std::string(s);
  std::string out;
  out.reserve(s.size() + 16);
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 0;
    const char32_t cp = text::decode_utf8(s, i, &len);
    if (cp == 0xFFFD && len == 1) out += kReplacement;
    else out.append(s.substr(i, len));
    i += len;
  }
  return out;
}

// The code point of a numeric entity ("&#65;", "&#x41;"), or nullopt.
std::optional<char32_t> numeric_entity(std::string_view e) {
  if (e.size() < 4 || e[1] != '#') return std::nullopt;
  const bool hex = e[2] == 'x' || e[2] == 'X';
  std::uint32_t cp = 0;
  for (char c : e.substr(hex ? 3 : 2, e.size() - (hex ? 4 : 3))) {
    int digit = -1;
    if (c >= '0' && c <= '9') digit = c - '0';
    else if (hex && c >= 'a' && c <= 'f') digit = c - 'a' + 10;
    else if (hex && c >= 'A' && c <= 'F') digit = c - 'A' + 10;
    if (digit < 0) return std::nullopt;
    cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(digit);
    if (cp > 0x10FFFF) return std::nullopt;
  }
  if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF)) return char32_t{0xFFFD};
  return char32_t{cp};
}

// The attribute's text with entities decoded, or nullopt when it holds a named
// entity we do not know (the URL is then not trusted, see markdown_url_allowed).
std::optional<std::string> decode_attribute(const MD_ATTRIBUTE& a) {
  std::string out;
  for (int i = 0; a.substr_offsets[i] < a.size; ++i) {
    const std::string_view part(a.text + a.substr_offsets[i],
                                a.substr_offsets[i + 1] - a.substr_offsets[i]);
    switch (a.substr_types[i]) {
      case MD_TEXT_NULLCHAR: out += kReplacement; break;
      case MD_TEXT_ENTITY: {
        if (auto cp = numeric_entity(part)) text::append_utf8(*cp, out);
        else if (part == "&amp;") out += '&';
        else if (part == "&quot;") out += '"';
        else if (part == "&apos;") out += '\'';
        else if (part == "&lt;") out += '<';
        else if (part == "&gt;") out += '>';
        else return std::nullopt;
        break;
      }
      default: out.append(part);
    }
  }
  return out;
}

// Writes a URL into a double-quoted attribute: characters URLs use stay, `&`
// becomes &amp;, everything else (quotes, <, >, non-ASCII bytes) is %-encoded.
void append_url(std::string& out, std::string_view url) {
  static constexpr std::string_view kKeep = "-_.~!*();:@=+$,/?#[]%";
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (char ch : url) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || kKeep.find(ch) != std::string_view::npos) {
      out.push_back(ch);
    } else if (ch == '&') {
      out += "&amp;";
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0xF]);
    }
  }
}

struct Renderer {
  std::string out;
  // Per open link or image span: whether we wrote an <a> for it, and where its
  // text started (an image without alt text shows its URL instead).
  struct Link {
    bool written = false;
    std::size_t text_start = 0;
    std::string url;
  };
  std::vector<Link> links;
  int anchors_open = 0;

  void open_link(const MD_ATTRIBUTE& href, bool image) {
    Link link;
    auto url = decode_attribute(href);
    // No <a> inside an <a> (an image inside a link stays its text).
    if (url && anchors_open == 0 && markdown_url_allowed(*url)) {
      out += "<a href=\"";
      append_url(out, *url);
      out += "\" rel=\"nofollow noopener\">";
      link.written = true;
      ++anchors_open;
    }
    link.text_start = out.size();
    if (image && url) link.url = *url;
    links.push_back(std::move(link));
  }

  void close_link() {
    if (links.empty()) return;
    const Link link = std::move(links.back());
    links.pop_back();
    if (out.size() == link.text_start && !link.url.empty())
      core::append_html_escaped(out, link.url);
    if (link.written) {
      out += "</a>";
      --anchors_open;
    }
  }

  void block(MD_BLOCKTYPE type, void* detail, bool enter) {
    const char* close = enter ? "<" : "</";
    switch (type) {
      case MD_BLOCK_QUOTE: out += close, out += "blockquote>\n"; break;
      case MD_BLOCK_UL: out += close, out += "ul>\n"; break;
      case MD_BLOCK_OL: {
        const unsigned start = static_cast<MD_BLOCK_OL_DETAIL*>(detail)->start;
        if (enter && start != 1) out += "<ol start=\"" + std::to_string(start) + "\">\n";
        else out += close, out += "ol>\n";
        break;
      }
      case MD_BLOCK_LI: out += close, out += enter ? "li>" : "li>\n"; break;
      case MD_BLOCK_HR: if (enter) out += "<hr>\n"; break;
      case MD_BLOCK_H: {
        const unsigned level =
            std::min(6u, static_cast<MD_BLOCK_H_DETAIL*>(detail)->level + kHeadingOffset);
        out += close, out += 'h', out += static_cast<char>('0' + level);
        out += enter ? ">" : ">\n";
        break;
      }
      case MD_BLOCK_CODE: out += enter ? "<pre><code>" : "</code></pre>\n"; break;
      case MD_BLOCK_P: out += close, out += enter ? "p>" : "p>\n"; break;
      case MD_BLOCK_TABLE: out += close, out += "table>\n"; break;
      case MD_BLOCK_THEAD: out += close, out += "thead>\n"; break;
      case MD_BLOCK_TBODY: out += close, out += "tbody>\n"; break;
      case MD_BLOCK_TR: out += close, out += "tr>\n"; break;
      case MD_BLOCK_TH: out += close, out += "th>"; break;
      case MD_BLOCK_TD: out += close, out += "td>"; break;
      default: break;  // the document; raw HTML blocks are off
    }
  }

  void span(MD_SPANTYPE type, void* detail, bool enter) {
    const char* close = enter ? "<" : "</";
    switch (type) {
      case MD_SPAN_EM: out += close, out += "em>"; break;
      case MD_SPAN_STRONG: out += close, out += "strong>"; break;
      case MD_SPAN_CODE: out += close, out += "code>"; break;
      case MD_SPAN_DEL: out += close, out += "del>"; break;
      case MD_SPAN_A:
        if (enter) open_link(static_cast<MD_SPAN_A_DETAIL*>(detail)->href, false);
        else close_link();
        break;
      case MD_SPAN_IMG:
        if (enter) open_link(static_cast<MD_SPAN_IMG_DETAIL*>(detail)->src, true);
        else close_link();
        break;
      default: break;  // extensions we do not turn on
    }
  }

  void text(MD_TEXTTYPE type, std::string_view s) {
    switch (type) {
      case MD_TEXT_NULLCHAR: out += kReplacement; break;
      case MD_TEXT_BR: out += "<br>\n"; break;
      case MD_TEXT_SOFTBR: out += '\n'; break;
      case MD_TEXT_ENTITY:
        // md4c passes only /&[A-Za-z][A-Za-z0-9]{1,47};/ and &#digits; forms here:
        // a character reference, never markup, so the browser may decode it.
        out.append(s);
        break;
      default: core::append_html_escaped(out, s);  // normal, code, and raw HTML as text
    }
  }
};

Renderer& self(void* userdata) { return *static_cast<Renderer*>(userdata); }

}  // namespace

bool markdown_url_allowed(std::string_view url) {
  for (char ch : url) {
    const auto c = static_cast<unsigned char>(ch);
    if (c <= 0x20 || c == 0x7F) return false;  // browsers strip some before reading the scheme
  }
  const auto end = url.find_first_of(":/?#");
  if (end == std::string_view::npos || url[end] != ':') return true;  // relative
  std::string scheme(url.substr(0, end));
  std::transform(scheme.begin(), scheme.end(), scheme.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return scheme == "http" || scheme == "https" || scheme == "mailto";
}

namespace {

// The URL of a link starting at `at` (after "(" or "]:"): spaces skipped, then
// <...> or everything up to a space or the closing parenthesis.
std::string_view link_destination(std::string_view s, std::size_t at) {
  while (at < s.size() && (s[at] == ' ' || s[at] == '\t')) ++at;
  if (at < s.size() && s[at] == '<') {
    const auto end = s.find('>', at + 1);
    return s.substr(at + 1, end == std::string_view::npos ? std::string_view::npos : end - at - 1);
  }
  std::size_t end = at;
  while (end < s.size() && s[end] != ' ' && s[end] != '\t' && s[end] != '\n' && s[end] != ')') ++end;
  return s.substr(at, end - at);
}

bool defused_destination(std::string_view url) {
  return !markdown_url_allowed(url) || url.find_first_of("&\\") != std::string_view::npos;
}

// True if s[at] starts a line's link definition "[label]:" (up to three spaces before it).
bool definition_at(std::string_view s, std::size_t at, std::size_t* dest) {
  const auto close = s.find("]:", at);
  if (close == std::string_view::npos || s.find('\n', at) < close) return false;
  *dest = close + 2;
  return true;
}

}  // namespace

std::string defuse_markdown_links(std::string_view markdown) {
  std::string out;
  out.reserve(markdown.size() + 8);
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < markdown.size(); ++i) {
    const char c = markdown[i];
    if (c == '\n') line_start = i + 1;
    std::size_t dest = 0;
    if (c == '(' && i > 0 && markdown[i - 1] == ']' &&
        defused_destination(link_destination(markdown, i + 1))) {
      out += '\\';
    } else if (c == '[' && i - line_start <= 3 &&
               markdown.substr(line_start, i - line_start).find_first_not_of(' ') ==
                   std::string_view::npos &&
               definition_at(markdown, i, &dest) &&
               defused_destination(link_destination(markdown, dest))) {
      out += '\\';
    }
    out += c;
  }
  return out;
}

std::string render_markdown(std::string_view markdown) {
  const std::string input = valid_utf8(markdown);
  Renderer r;
  r.out.reserve(input.size() + input.size() / 4 + 16);
  MD_PARSER parser{};
  parser.abi_version = 0;
  parser.flags = MD_FLAG_NOHTML | MD_FLAG_STRIKETHROUGH | MD_FLAG_TABLES |
                 MD_FLAG_PERMISSIVEURLAUTOLINKS | MD_FLAG_PERMISSIVEEMAILAUTOLINKS |
                 MD_FLAG_PERMISSIVEWWWAUTOLINKS;
  parser.enter_block = [](MD_BLOCKTYPE t, void* d, void* u) { return self(u).block(t, d, true), 0; };
  parser.leave_block = [](MD_BLOCKTYPE t, void* d, void* u) { return self(u).block(t, d, false), 0; };
  parser.enter_span = [](MD_SPANTYPE t, void* d, void* u) { return self(u).span(t, d, true), 0; };
  parser.leave_span = [](MD_SPANTYPE t, void* d, void* u) { return self(u).span(t, d, false), 0; };
  parser.text = [](MD_TEXTTYPE t, const MD_CHAR* s, MD_SIZE n, void* u) {
    return self(u).text(t, std::string_view(s, n)), 0;
  };
  if (md_parse(input.data(), static_cast<MD_SIZE>(input.size()), &parser, &r) != 0) {
    // Only when md4c runs out of memory: the text, escaped, in one paragraph.
    std::string plain = "<p>";
    core::append_html_escaped(plain, input);
    return plain + "</p>\n";
  }
  return std::move(r.out);
}

}  // namespace solipraxis::web
