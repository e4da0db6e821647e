// Template data for the Prompt-Werkstatt (werkstatt.cc): the checked text cut
// into segments with findings marked in place, the numbered findings with their
// suggestions, and readability figures explained in plain words. Everything is
// plain data; the template escapes it (no pre-built HTML from user text).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <mstch/mstch.hpp>

#include "text/checker.h"
#include "web/app.h"
#include "web/http.h"

namespace solipraxis::web::handlers {

// [{text, mark, kind, refs:[{n}]}]: consecutive pieces of `input`; `mark` when a
// finding covers the piece (kind "inclusive", "plain" or "context"); `refs` are
// the numbers (1-based, in findings order) of findings that end after the piece.
mstch::array marked_segments(std::string_view input, const std::vector<text::Finding>& findings);

// [{n, rule, rule_label, severity, message, text, line, column, has_suggestions,
//   suggestions:[{label, reading, value}]}]; `reading` is the suggestion's label
// ("Wenn eine Person gemeint ist") or empty; `value` names the suggestion for
// parse_apply() ("start-end-index").
mstch::array finding_items(const Services& s, const Request& req, std::string_view input,
                           const std::vector<text::Finding>& findings);

struct ApplyChoice {
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  std::size_t index = 0;  // into Finding::suggestions
};
std::optional<ApplyChoice> parse_apply(std::string_view value);

// Replaces the finding's span with its suggestion; an empty span (a sentence to
// add, context.*) inserts it with a separating space or line break.
std::string apply_suggestion(std::string_view input, const text::Finding& f, std::size_t index);

// Readability in plain words: [{label, value, explanation}] and a summary line.
mstch::map stats_view(const Services& s, const Request& req, std::string_view input, text::Lang lang);

}  // namespace solipraxis::web::handlers
