#include "core/reflection.h"

#include "core/text_field.h"

namespace solipraxis::core {

Status validate_answers(const std::map<std::string, std::string>& answers) {
  for (const auto& [prompt, text] : answers) {
    if (!utf8_valid(text) || has_control_chars(text)) {
      return make_error(ErrorCode::kInvalidInput, "reflections.error.text_invalid", prompt);
    }
    if (utf8_length(text) > kMaxAnswerChars) {
      return make_error(ErrorCode::kInvalidInput, "reflections.error.answer_too_long",
                        prompt + ": more than " + std::to_string(kMaxAnswerChars) + " characters");
    }
  }
  return ok_status();
}

UnixTime stage_two_opens_at(UnixTime stage_one_done_at, int followup_after_days) {
  return stage_one_done_at + static_cast<UnixTime>(followup_after_days) * kSecondsPerDay;
}

UnixTime anonymous_time(UnixTime t) {
  const UnixTime into_day = ((t % kSecondsPerDay) + kSecondsPerDay) % kSecondsPerDay;
  return t - into_day;
}

UnixTime anonymous_stage_two_opens_at(UnixTime stage_one_done_day, int followup_after_days) {
  return stage_two_opens_at(anonymous_time(stage_one_done_day), followup_after_days + 1);
}

Status check_stage_open(int stage, std::optional<UnixTime> opens_at, UnixTime now) {
  if (stage == 1) return ok_status();
  if (stage != 2) {
    return make_error(ErrorCode::kInvalidInput, "reflections.error.stage_invalid",
                      "stage " + std::to_string(stage));
  }
  if (!opens_at) {
    return make_error(ErrorCode::kConflict, "reflections.error.stage_one_open",
                      "finish stage one first");
  }
  if (now < *opens_at) {
    return make_error(ErrorCode::kConflict, "reflections.error.stage_locked",
                      std::to_string(*opens_at));
  }
  return ok_status();
}

Status check_team_view(bool anonymous, int respondents) {
  if (!anonymous || respondents >= kAnonymousTeamMinimum) return ok_status();
  return make_error(ErrorCode::kForbidden, "reflections.error.too_few_answers",
                    std::to_string(respondents) + " of " +
                        std::to_string(kAnonymousTeamMinimum) + " answers");
}

std::map<std::string, int> tally(const std::vector<std::string>& answers) {
  std::map<std::string, int> out;
  for (const auto& a : answers) {
    if (!is_blank(a)) ++out[std::string(trim(a))];
  }
  return out;
}

}  // namespace solipraxis::core
