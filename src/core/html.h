// HTML escaping for text placed into markup (element content and quoted
// attribute values). One implementation for the templates and for the few
// places that build markup in C++ (search highlights).
#pragma once

#include <string>
#include <string_view>

namespace solipraxis::core {

// Appends `s` to `out` with & < > " ' ` = escaped, so the result is safe in
// element content and in single- or double-quoted attributes.
void append_html_escaped(std::string& out, std::string_view s);
std::string html_escape(std::string_view s);

}  // namespace solipraxis::core
