// Reading pages as a browser would, for tests that follow what a person can
// click: the links and forms of a page (attribute values unescaped) and a GET
// that follows redirects like a browser does.
#pragma once

#include <optional>
#include <string_view>
#include <string>
#include <utility>
#include <vector>

#include "web_fixture.h"

namespace solipraxis::web::walk {

struct PageForm {
  std::string method;  // "GET" or "POST"
  std::string action;  // as written in the page
  std::string css_class;
  std::vector<std::pair<std::string, std::string>> fields;  // its <input> fields with a value
};

// Undoes core::html_escape for attribute values.
inline std::string html_unescape(std::string s) {
  static const std::pair<const char*, const char*> kEntities[] = {
      {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"},
      {"&#96;", "`"}, {"&#61;", "="}, {"&amp;", "&"}};
  for (const auto& [from, to] : kEntities) {
    for (auto pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + 1)) {
      s.replace(pos, std::string_view(from).size(), to);
    }
  }
  return s;
}

// The value of attribute `name` in one tag, unescaped; "" if absent.
inline std::string attribute(const std::string& tag, const std::string& name) {
  for (const char* space : {" ", "\n"}) {
    const std::string key = space + name + "=\"";
    if (auto pos = tag.find(key); pos != std::string::npos) {
      const auto start = pos + key.size();
      return html_unescape(tag.substr(start, tag.find('"', start) - start));
    }
  }
  return {};
}

// The opening tags `<name ...>` of a page, in order (no regex: pages are long).
inline std::vector<std::string> tags_named(std::string_view html, std::string_view name) {
  std::vector<std::string> out;
  const std::string open = "<" + std::string(name);
  for (auto pos = html.find(open); pos != std::string_view::npos; pos = html.find(open, pos + 1)) {
    const char after = pos + open.size() < html.size() ? html[pos + open.size()] : '>';
    if (after != ' ' && after != '>' && after != '\n') continue;
    const auto close = html.find('>', pos);
    if (close == std::string_view::npos) break;
    out.emplace_back(html.substr(pos, close - pos + 1));
  }
  return out;
}

// Every <a href> of a page, unescaped, without the #fragment.
inline std::vector<std::string> links_in(const std::string& html) {
  std::vector<std::string> out;
  for (const auto& tag : tags_named(html, "a")) {
    std::string href = attribute(tag, "href");
    if (auto hash = href.find('#'); hash != std::string::npos) href.resize(hash);
    if (!href.empty()) out.push_back(href);
  }
  return out;
}

inline std::vector<PageForm> forms_in(const std::string& html) {
  std::vector<PageForm> out;
  for (auto pos = html.find("<form"); pos != std::string::npos; pos = html.find("<form", pos + 1)) {
    const auto open_end = html.find('>', pos);
    const auto end = html.find("</form>", pos);
    if (open_end == std::string::npos || end == std::string::npos) break;
    const std::string open = html.substr(pos, open_end - pos + 1);
    PageForm f;
    f.method = attribute(open, "method") == "post" ? "POST" : "GET";
    f.action = attribute(open, "action");
    f.css_class = attribute(open, "class");
    for (const auto& tag : tags_named(std::string_view(html).substr(open_end, end - open_end), "input")) {
      const std::string name = attribute(tag, "name");
      if (!name.empty()) f.fields.emplace_back(name, attribute(tag, "value"));
    }
    out.push_back(std::move(f));
  }
  return out;
}

// The language switch's form for `lang` on a page that answers a POST.
inline std::optional<PageForm> switch_form(const std::string& html, const std::string& lang) {
  for (auto& f : forms_in(html)) {
    if (f.css_class != "lang-form") continue;
    for (const auto& [name, value] : f.fields) {
      if (name == "switch_lang" && value == lang) return f;
    }
  }
  return std::nullopt;
}

inline HttpResponse submit(Browser& b, const PageForm& f) {
  std::string action = f.action;
  if (auto hash = action.find('#'); hash != std::string::npos) action.resize(hash);
  if (f.method == "GET") return b.get(action);
  return b.send("POST", action, form_encode(f.fields));
}

// GETs `target` and follows up to 5 redirects; `statuses` gets every status seen.
inline HttpResponse get_following(Browser& b, std::string target, std::vector<int>& statuses) {
  HttpResponse r;
  for (int hop = 0; hop < 6; ++hop) {
    r = b.get(target);
    statuses.push_back(r.status);
    if (r.status < 300 || r.status >= 400) break;
    target = r.header("Location");
    if (target.empty() || target.front() != '/') break;  // leaves the site
  }
  return r;
}

}  // namespace solipraxis::web::walk
