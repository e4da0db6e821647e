// The rules of guided reflections (issue 23), free of I/O: how long an answer
// may be, when the second stage of a two-stage template opens (the paper asks
// for at least a week of distance), and when a team may see an anonymous
// round's answers (only from three people on, so no answer can be traced by
// elimination). The store and the web layer both apply these.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/result.h"

namespace solipraxis::core {

inline constexpr std::size_t kMaxAnswerChars = 20000;  // code points per answer
inline constexpr int kAnonymousTeamMinimum = 3;        // people before a team view shows
inline constexpr int kMaxFollowupDays = 365;
inline constexpr std::int64_t kSecondsPerDay = 86400;

// kInvalidInput "reflections.error.answer_too_long" (detail names the prompt)
// for an answer over kMaxAnswerChars code points, "reflections.error.text_invalid"
// for malformed UTF-8 or control characters other than tab and line breaks.
Status validate_answers(const std::map<std::string, std::string>& answers);

// When stage two opens: `followup_after_days` whole days after stage one was
// finished at `stage_one_done_at`.
UnixTime stage_two_opens_at(UnixTime stage_one_done_at, int followup_after_days);

// Anonymous answers keep no time finer than the day (docs/security.md): the
// start of `t`'s UTC day. Stage two of an anonymous reflection then opens a
// day later than `followup_after_days` after that, never earlier than it would
// from the exact time.
UnixTime anonymous_time(UnixTime t);
UnixTime anonymous_stage_two_opens_at(UnixTime stage_one_done_day, int followup_after_days);

// Whether a person may write answers of `stage` now. Stage one is always open;
// stage two opens at `opens_at` (nullopt: stage one is not finished yet).
// kConflict "reflections.error.stage_locked" with the opening time (Unix
// seconds, decimal) as detail, or "reflections.error.stage_one_open" before
// stage one is finished.
Status check_stage_open(int stage, std::optional<UnixTime> opens_at, UnixTime now);

// Whether the team may see the answers of a round: a named round always, an
// anonymous one only from kAnonymousTeamMinimum respondents on. Otherwise
// kForbidden "reflections.error.too_few_answers".
Status check_team_view(bool anonymous, int respondents);

// How often each distinct answer was given (for choice questions), by answer.
// Blank answers are not counted.
std::map<std::string, int> tally(const std::vector<std::string>& answers);

}  // namespace solipraxis::core
