// Checks shared by every validated user text field: well-formed UTF-8, length in
// Unicode code points (what a person counts, not bytes), blank-after-trim, and
// the FieldError these produce.
// No normalisation: stored text is exactly what was entered.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "core/field_error.h"

namespace solipraxis::core {

// True when `s` is well-formed UTF-8 (no overlongs, surrogates or bytes past U+10FFFF).
bool utf8_valid(std::string_view s);
// Number of code points; for malformed input, the number of lead bytes.
std::size_t utf8_length(std::string_view s);
// `s` without leading and trailing ASCII whitespace.
std::string_view trim(std::string_view s);
inline bool is_blank(std::string_view s) { return trim(s).empty(); }
// True if `s` has a control character other than tab, newline or carriage return.
bool has_control_chars(std::string_view s);

// Appends "<area>.error.text_invalid" for malformed UTF-8 or control characters,
// else `too_long_key` when `value` has more than `max` code points.
void check_text_field(std::vector<FieldError>& out, const std::string& field,
                      std::string_view value, std::size_t max,
                      const std::string& too_long_key = "tools.error.field_too_long",
                      const std::string& invalid_key = "tools.error.text_invalid");

// check_text_field for a one-line field (a name, a contact): also appends
// `single_line_key` when `value` has a line break, which would split a row
// in lists and CSV and the structure of Markdown exports.
void check_line_field(std::vector<FieldError>& out, const std::string& field,
                      std::string_view value, std::size_t max,
                      const std::string& too_long_key = "tools.error.field_too_long",
                      const std::string& invalid_key = "tools.error.text_invalid",
                      const std::string& single_line_key = "tools.error.single_line");

}  // namespace solipraxis::core
