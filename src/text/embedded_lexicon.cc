#include "text/embedded_lexicon.h"

namespace solipraxis::text {

std::string_view lexicon_file(std::string_view path) {
  for (const auto& f : embedded_lexicon())
    if (f.path == path) return f.content;
  return {};
}

int split_tabs(std::string_view line, std::string_view* fields, int max_fields) {
  int n = 0;
  while (n < max_fields) {
    const auto tab = line.find('\t');
    fields[n++] = line.substr(0, tab);
    if (tab == std::string_view::npos) break;
    line = line.substr(tab + 1);
  }
  return n;
}

}  // namespace solipraxis::text
