// A Mustache engine that parses a template once and renders it many times
// against mstch::node data by reference (mstch re-parses the template and every
// partial on each call and copies each context it looks into, which cost ~2.8 ms
// a page). Supported: {{name}}, {{a.b}} and {{.}} (always HTML-escaped),
// {{#s}}..{{/s}}, {{^s}}..{{/s}}, {{> partial}}, {{! comment}}; lines that hold
// only section, partial or comment tags vanish as in the Mustache spec
// (partials are not re-indented: that changes whitespace only). Unescaped
// output ({{{x}}}, {{&x}}) and delimiter changes are rejected when parsing,
// with one exception: {{{answer_html}}}, which templates use ONLY for the output
// of render_markdown (web/markdown.h), HTML already made safe there.
// Rendering reads shared data only, so one parsed template serves all threads.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <mstch/mstch.hpp>

#include "core/result.h"

namespace solipraxis::web::mustache {

// The one name templates may print unescaped, {{{answer_html}}}: render_markdown's output.
inline constexpr std::string_view kRawName = "answer_html";

struct Node {
  enum class Kind { kText, kVariable, kRaw, kSection, kInverted, kPartial };
  Kind kind = Kind::kText;
  std::string text;               // the text, or the partial's name
  std::vector<std::string> path;  // a name split at its dots ({"."} for the current item)
  std::vector<Node> children;     // of a section
};
using Nodes = std::vector<Node>;
using Partials = std::map<std::string, Nodes, std::less<>>;

// invalid_input with the line of the fault for unbalanced sections, unclosed
// or unsupported tags.
core::Result<Nodes> parse(std::string_view source);

// `nodes` with every variable that `constants` holds as a string (e.g. the
// messages of one language, {"t": {...}}) replaced by its HTML-escaped text, so
// rendering looks it up no more. Binding is done once, at start; it gives the
// output rendering would give as long as no inner scope (page data, section
// items) holds a name that `constants` has at its top (the pages reserve "t").
Nodes bind(const Nodes& nodes, const mstch::node& constants);

// Appends `nodes` rendered to `out`. Names are looked up from the innermost
// scope outwards; `scopes` are the outermost first (e.g. the messages, then the
// page's data). A name found nowhere renders as nothing, an unknown partial too.
void render(const Nodes& nodes, const Partials& partials,
            std::vector<const mstch::node*>& scopes, std::string& out);

}  // namespace solipraxis::web::mustache
