// The rules of live sessions: see live.h.
#include "core/live.h"

#include <algorithm>
#include <set>

#include "core/enum_names.h"
#include "core/text_field.h"

namespace solipraxis::core {

const char* live_kind_name(LiveKind kind) { return kLiveKindNames[static_cast<std::size_t>(kind)]; }
Result<LiveKind> parse_live_kind(std::string_view name) {
  return parse_named<LiveKind>(kLiveKindNames, name, "live.error.kind_invalid", "kind");
}
const char* live_state_name(LiveState state) {
  return kLiveStateNames[static_cast<std::size_t>(state)];
}
Result<LiveState> parse_live_state(std::string_view name) {
  return parse_named<LiveState>(kLiveStateNames, name, "live.error.state_invalid", "state");
}

namespace {

bool valid_column_id(std::string_view id) {
  if (id.empty() || id.size() > 100) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '.' || c == '-' || c == '_';
  });
}

void check_step(std::vector<FieldError>& out, const LiveStep& step, const std::string& at) {
  if (is_blank(step.title)) {
    out.push_back(field_error(at + ".title", "live.error.title_required", "blank title"));
  }
  check_line_field(out, at + ".title", step.title, kMaxLiveTitleChars,
                   "live.error.text_too_long", "live.error.text_invalid");
  for (std::size_t p = 0; p < step.prompts.size(); ++p) {
    check_text_field(out, at + ".prompts." + std::to_string(p), step.prompts[p], kMaxPromptChars,
                     "live.error.text_too_long", "live.error.text_invalid");
  }
  if (step.columns.empty()) {
    out.push_back(field_error(at + ".columns", "live.error.no_columns", "no column"));
  }
  if (step.columns.size() > kMaxColumns) {
    out.push_back(field_error(at + ".columns", "live.error.too_many_columns", "too many columns"));
  }
  std::set<std::string, std::less<>> ids;
  for (std::size_t c = 0; c < step.columns.size(); ++c) {
    const LiveColumn& col = step.columns[c];
    const std::string field = at + ".columns." + std::to_string(c);
    if (!valid_column_id(col.id)) {
      out.push_back(field_error(field + ".id", "live.error.column_id_invalid", col.id));
    } else if (!ids.insert(col.id).second) {
      out.push_back(field_error(field + ".id", "live.error.duplicate_column", col.id));
    }
    if (is_blank(col.label)) {
      out.push_back(field_error(field + ".label", "live.error.title_required", "blank label"));
    }
    check_line_field(out, field + ".label", col.label, kMaxLiveTitleChars,
                     "live.error.text_too_long", "live.error.text_invalid");
  }
  if (step.duration_seconds < 0 || step.duration_seconds > kMaxStepSeconds) {
    out.push_back(field_error(at + ".duration", "live.error.duration_invalid",
                              std::to_string(step.duration_seconds)));
  }
}

}  // namespace

std::vector<FieldError> validate_steps(const std::vector<LiveStep>& steps) {
  std::vector<FieldError> out;
  if (steps.empty()) out.push_back(field_error("steps", "live.error.no_steps", "no steps"));
  if (steps.size() > kMaxLiveSteps) {
    out.push_back(field_error("steps", "live.error.too_many_steps", "too many steps"));
    return out;
  }
  for (std::size_t i = 0; i < steps.size(); ++i) {
    check_step(out, steps[i], "steps." + std::to_string(i));
  }
  return out;
}

Status check_steps(const std::vector<LiveStep>& steps) {
  auto errors = validate_steps(steps);
  if (errors.empty()) return ok_status();
  return make_error(ErrorCode::kInvalidInput, "live.error.steps_invalid",
                    errors.front().field + ": " + errors.front().error.key);
}

StepTimer start_timer(std::int64_t duration, UnixTime now) {
  return StepTimer{now, std::clamp<std::int64_t>(duration, 0, kMaxStepSeconds), std::nullopt, 0};
}

namespace {
std::int64_t elapsed(const StepTimer& t, UnixTime now) {
  const UnixTime until = t.paused_at ? *t.paused_at : now;
  return std::max<std::int64_t>(0, until - t.started_at - t.paused_total);
}
}  // namespace

std::int64_t remaining_seconds(const StepTimer& t, UnixTime now) {
  if (t.duration == 0) return 0;
  return t.duration - elapsed(t, now);
}

StepTimer pause_timer(StepTimer t, UnixTime now) {
  if (!t.paused_at) t.paused_at = std::max(now, t.started_at);
  return t;
}

StepTimer resume_timer(StepTimer t, UnixTime now) {
  if (t.paused_at) {
    t.paused_total += std::max<std::int64_t>(0, now - *t.paused_at);
    t.paused_at.reset();
  }
  return t;
}

StepTimer extend_timer(StepTimer t, std::int64_t seconds, UnixTime now) {
  const std::int64_t spent = elapsed(t, now);
  const std::int64_t wanted = t.duration + seconds;
  t.duration = std::clamp<std::int64_t>(wanted, std::min(spent, kMaxStepSeconds), kMaxStepSeconds);
  return t;
}

Status validate_card_text(std::string_view text) {
  if (!utf8_valid(text) || has_control_chars(text)) {
    return make_error(ErrorCode::kInvalidInput, "live.error.card_invalid", "text");
  }
  if (is_blank(text)) return make_error(ErrorCode::kInvalidInput, "live.error.card_required", "");
  if (utf8_length(text) > kMaxCardChars) {
    return make_error(ErrorCode::kInvalidInput, "live.error.card_too_long",
                      std::to_string(kMaxCardChars));
  }
  return ok_status();
}

Status validate_display_name(std::string_view name) {
  std::vector<FieldError> errors;
  check_line_field(errors, "name", name, kMaxDisplayNameChars, "live.error.name_too_long",
                   "live.error.text_invalid");
  return first_error(std::move(errors));
}

Status check_vote(int dots_used, int budget) {
  if (dots_used >= budget) {
    return make_error(ErrorCode::kConflict, "live.error.budget_spent", std::to_string(budget));
  }
  return ok_status();
}

Status check_vote_budget(int budget) {
  if (budget < 1 || budget > kMaxVoteBudget) {
    return make_error(ErrorCode::kInvalidInput, "live.error.budget_invalid",
                      std::to_string(budget));
  }
  return ok_status();
}

}  // namespace solipraxis::core
