// Mustache templates from web/templates, read and parsed once at start (see
// web/mustache.h for the dialect). A template is named by its path without
// ".mustache" ("layout_top", "pages/home"); every template is also available as
// a partial under that name ({{> layout_top}}). `{{x}}` HTML-escapes
// (& < > " ' ` =); unescaped output is rejected when loading, so a template
// cannot print user data raw.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <mstch/mstch.hpp>

#include "core/result.h"
#include "web/i18n.h"
#include "web/mustache.h"

namespace solipraxis::web {

class Templates {
 public:
  // Reads and parses every *.mustache below `dir`; a template that does not
  // parse is an error naming the file and line.
  static core::Result<Templates> load(const std::string& dir);
  static core::Result<Templates> from_map(const std::map<std::string, std::string>& sources);

  // Binds the messages ({{t.x.y}}) of each of `i18n`'s languages into a copy of
  // every template, once (mustache::bind): a page then looks up only its own
  // data. Call it at start, before serving; the page data must not hold "t".
  void bind_messages(const I18n& i18n);

  bool has(std::string_view name) const { return parsed_.contains(name); }
  // not_found when no such template exists. Names are looked up in `scopes`
  // from the last (innermost) to the first; the data is read, never copied.
  // With `lang`, the templates with that language's messages bound are used
  // (if bind_messages made them); scopes[0] should still be that language's
  // messages for any name binding left (none today: it binds every string).
  core::Result<std::string> render(std::string_view name,
                                   std::vector<const mstch::node*> scopes,
                                   std::string_view lang = {}) const;

 private:
  mustache::Partials parsed_;
  std::map<std::string, mustache::Partials, std::less<>> bound_;  // by language
};

}  // namespace solipraxis::web
