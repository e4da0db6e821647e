#include "core/decision.h"

#include <algorithm>
#include <array>

#include "core/text_field.h"

namespace solipraxis::core {

void normalize_decision(Decision& decision) {
  decision.rationale = std::string(trim(decision.rationale));
  decision.decided_by = std::string(trim(decision.decided_by));
  for (auto& note : decision.principles) note.how = std::string(trim(note.how));
  std::stable_sort(decision.principles.begin(), decision.principles.end(),
                   [](const PrincipleNote& a, const PrincipleNote& b) {
                     return a.principle < b.principle;
                   });
}

std::vector<FieldError> decision_errors(const Decision& decision, Date today) {
  std::vector<FieldError> out;
  if (is_blank(decision.rationale)) {
    out.push_back(field_error("rationale", "tools.error.rationale_required",
                              "a decision needs a rationale"));
  } else {
    check_text_field(out, "rationale", decision.rationale, kRationaleMax);
  }
  std::array<bool, kPrincipleCount + 1> seen{};
  for (const auto& note : decision.principles) {
    if (note.principle < 1 || note.principle > kPrincipleCount) {
      out.push_back(field_error("principles", "tools.error.principle_unknown",
                                "no principle " + std::to_string(note.principle) +
                                    " (principles are 1 to 8)"));
      continue;
    }
    if (seen[static_cast<std::size_t>(note.principle)]) {
      out.push_back(field_error("principles", "tools.error.principle_duplicate",
                                "principle " + std::to_string(note.principle) + " named twice"));
      continue;
    }
    seen[static_cast<std::size_t>(note.principle)] = true;
    if (is_blank(note.how)) {
      out.push_back(field_error("principles", "tools.error.principle_how_required",
                                "say how the decision touches principle " +
                                    std::to_string(note.principle)));
    } else {
      check_text_field(out, "principles", note.how, kPrincipleHowMax);
    }
  }
  if (is_blank(decision.decided_by)) {
    out.push_back(field_error("decided_by", "tools.error.decided_by_required",
                              "say who decided"));
  } else {
    check_line_field(out, "decided_by", decision.decided_by, kDecidedByMax);
  }
  if (decision.decided_on > today) {
    out.push_back(field_error("decided_on", "tools.error.decided_on_in_future",
                              "decided on " + decision.decided_on.str() + ", after today " +
                                  today.str()));
  }
  return out;
}

Status validate_decision(const Decision& decision, Date today) {
  return first_error(decision_errors(decision, today));
}

}  // namespace solipraxis::core
