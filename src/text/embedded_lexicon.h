// The lexicon files of data/lexicon/, compiled into the library at build time
// (cmake/embed.cmake), so the checker needs no files at run time.
#pragma once

#include <string_view>
#include <vector>

#include "core/embedded.h"

namespace solipraxis::text {

const std::vector<core::EmbeddedFile>& embedded_lexicon();

// Content of one embedded file by its path below data/lexicon ("de/neutral.tsv"),
// or an empty view when there is none.
std::string_view lexicon_file(std::string_view path);

// Calls fn(line) for each non-empty line that does not start with '#'.
template <typename Fn>
void for_each_line(std::string_view text, Fn&& fn) {
  while (!text.empty()) {
    const auto nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    fn(line);
  }
}

// Splits a line at tabs into at most max_fields views; returns the count.
int split_tabs(std::string_view line, std::string_view* fields, int max_fields);

}  // namespace solipraxis::text
