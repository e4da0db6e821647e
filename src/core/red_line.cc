#include "core/red_line.h"

#include <algorithm>

#include "core/text_field.h"

namespace solipraxis::core {
namespace {

bool contains(const std::vector<RedLineId>& ids, RedLineId id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

}  // namespace

std::vector<FieldError> red_line_errors(const RedLine& line) {
  std::vector<FieldError> out;
  if (is_blank(line.text)) {
    out.push_back(field_error("text", "tools.error.red_line_text_required",
                              "a red line needs a text"));
  } else {
    check_text_field(out, "text", line.text, kRedLineTextMax);
  }
  return out;
}

Status validate_red_line(const RedLine& line) { return first_error(red_line_errors(line)); }

std::vector<RedLine> unconfirmed_red_lines(const std::vector<RedLine>& org_lines,
                                           const std::vector<RedLineId>& confirmed) {
  std::vector<RedLine> out;
  for (const auto& line : org_lines) {
    if (line.active && !contains(confirmed, line.id)) out.push_back(line);
  }
  return out;
}

Result<std::vector<RedLineConfirmation>> check_red_lines(Phase to,
                                                         const std::vector<RedLine>& org_lines,
                                                         const std::vector<RedLineId>& confirmed) {
  for (RedLineId id : confirmed) {
    const bool known = std::any_of(org_lines.begin(), org_lines.end(),
                                   [id](const RedLine& l) { return l.id == id; });
    if (!known) {
      return make_error(ErrorCode::kInvalidInput, "tools.error.red_line_unknown",
                        "no red line " + std::to_string(id.value) + " in this organisation");
    }
  }
  std::vector<RedLineConfirmation> out;
  if (!requires_red_line_check(to)) return out;
  const auto missing = unconfirmed_red_lines(org_lines, confirmed);
  if (!missing.empty()) {
    return make_error(ErrorCode::kConflict, "tools.error.red_line_unconfirmed",
                      "red line " + std::to_string(missing.front().id.value) +
                          " is not confirmed as respected: " + missing.front().text);
  }
  for (const auto& line : org_lines) {
    if (line.active) out.push_back(RedLineConfirmation{line.id, line.text});
  }
  return out;
}

}  // namespace solipraxis::core
