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
#include "web/mustache.h"

namespace solipraxis::web {

class Templates {
 public:
  // Reads and parses every *.mustache below `dir`; a template that does not
  // parse is an error naming the file and line.
  static core::Result<Templates> load(const std::string& dir);
  static core::Result<Templates> from_map(const std::map<std::string, std::string>& sources);

  bool has(std::string_view name) const { return parsed_.contains(name); }
  // not_found when no such template exists. Names are looked up in `scopes`
  // from the last (innermost) to the first; the data is read, never copied.
  core::Result<std::string> render(std::string_view name,
                                   std::vector<const mstch::node*> scopes) const;

 private:
  mustache::Partials parsed_;
};

}  // namespace solipraxis::web
