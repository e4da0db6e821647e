// Mustache templates (mstch) from web/templates, read once at start. A template
// is named by its path without ".mustache" ("layout_top", "pages/home"); every
// template is also available as a partial under that name ({{> layout_top}}).
// `{{x}}` HTML-escapes (& < > " ' ` =); triple mustaches are forbidden on user
// data (a unit test rejects `{{{` and `{{&` in web/templates).
#pragma once

#include <map>
#include <string>
#include <string_view>

#include <mstch/mstch.hpp>

#include "core/result.h"

namespace solipraxis::web {

class Templates {
 public:
  // Reads every *.mustache below `dir`. Also installs our HTML escaping in mstch.
  static core::Result<Templates> load(const std::string& dir);
  static Templates from_map(std::map<std::string, std::string> sources);  // tests

  bool has(std::string_view name) const { return sources_.contains(std::string(name)); }
  // not_found when no such template exists. mstch re-parses per call (its API
  // has no compiled template); the text itself is never read from disk again.
  core::Result<std::string> render(std::string_view name, const mstch::node& context) const;

 private:
  std::map<std::string, std::string> sources_;
};

}  // namespace solipraxis::web
