// Red lines are an organisation's own exclusion criteria for AI tools ("no tool
// that trains on our counselling conversations"). The gate: a decision that
// moves a tool to pilot or in_use must confirm every active red line as
// respected, or it is refused with kConflict naming the first unconfirmed line.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/field_error.h"
#include "core/ids.h"
#include "core/result.h"
#include "core/tool_phase.h"

namespace solipraxis::core {

using RedLineId = Id<struct RedLineTag>;

inline constexpr std::size_t kRedLineTextMax = 500;

struct RedLine {
  RedLineId id;
  OrgId org_id;
  std::string text;    // required, at most kRedLineTextMax code points
  bool active = true;  // inactive lines are kept for history but not checked
  UnixTime created_at = 0;
  UnixTime updated_at = 0;
};

// A red line confirmed as respected by one decision. The text is copied, so the
// record keeps what was confirmed even if the line is reworded later.
struct RedLineConfirmation {
  RedLineId red_line;
  std::string text;
};

// tools.error.red_line_text_required, tools.error.field_too_long, tools.error.text_invalid.
std::vector<FieldError> red_line_errors(const RedLine& line);
Status validate_red_line(const RedLine& line);

// Active lines of `org_lines` whose id is not in `confirmed`, in the given order.
std::vector<RedLine> unconfirmed_red_lines(const std::vector<RedLine>& org_lines,
                                           const std::vector<RedLineId>& confirmed);

// The gate. For a target other than pilot/in_use: no confirmations are needed
// and none are recorded (empty result). For pilot/in_use: every active line of
// `org_lines` must be in `confirmed`, else kConflict "tools.error.red_line_unconfirmed"
// whose detail names the first such line. An id in `confirmed` that is not one
// of `org_lines` is kInvalidInput "tools.error.red_line_unknown" (it belongs
// to another org or does not exist). Returns the confirmations to record: the
// active lines, in the order of `org_lines`.
Result<std::vector<RedLineConfirmation>> check_red_lines(Phase to,
                                                         const std::vector<RedLine>& org_lines,
                                                         const std::vector<RedLineId>& confirmed);

}  // namespace solipraxis::core
