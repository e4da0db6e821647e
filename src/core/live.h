// The rules of live sessions (issue 25), free of I/O: the two methods of the
// paper a facilitator runs with a room (the team retro and the tool-selection
// workshop), their steps, the step timer on server time, the join code people
// type, and the limits of cards and dot votes. The store and the web layer
// both apply these; nothing here knows who wrote a card.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/field_error.h"
#include "core/result.h"
#include "core/short_code.h"

namespace solipraxis::core {

enum class LiveKind { kRetro, kWorkshop };
inline constexpr std::array<const char*, 2> kLiveKindNames = {"retro", "workshop"};
const char* live_kind_name(LiveKind kind);
Result<LiveKind> parse_live_kind(std::string_view name);  // kInvalidInput "live.error.kind_invalid"

// draft: steps can still be edited, nobody can post; running: the room works
// on the current step; ended: read-only, the join code no longer lets anyone in.
enum class LiveState { kDraft, kRunning, kEnded };
inline constexpr std::array<const char*, 3> kLiveStateNames = {"draft", "running", "ended"};
const char* live_state_name(LiveState state);
Result<LiveState> parse_live_state(std::string_view name);

inline constexpr std::size_t kMaxCardChars = 2000;       // code points per card
inline constexpr std::size_t kMaxLiveTitleChars = 200;   // session and step titles, column labels
inline constexpr std::size_t kMaxPromptChars = 1000;
inline constexpr std::size_t kMaxNotesChars = 20000;
inline constexpr std::size_t kMaxLiveSteps = 20;
inline constexpr std::size_t kMaxColumns = 12;           // per step
inline constexpr std::size_t kMaxDisplayNameChars = 60;
inline constexpr int kDefaultVoteBudget = 3;
inline constexpr int kMaxVoteBudget = 20;
inline constexpr std::int64_t kMaxStepSeconds = 24 * 3600;
inline constexpr std::size_t kMaxSessionTools = 3;       // a workshop compares two or three

// Where cards go within a step: the retro's focus categories, or one column
// per question of the step.
struct LiveColumn {
  std::string id;     // stable within the step (a catalog id, or "c1", "c2", ...)
  std::string label;
};

struct LiveStep {
  std::string catalog_id;  // the catalog step it came from; "" for a step added by hand
  std::string title;
  std::vector<std::string> prompts;  // questions shown to the room
  std::vector<LiveColumn> columns;   // at least one
  std::int64_t duration_seconds = 0; // any length from 0 (no timer) to kMaxStepSeconds
};

// Field errors of a session's steps (field names "steps.N.title" ...), keys
// live.error.*: no_steps, too_many_steps, title_required, no_columns,
// too_many_columns, column_id_invalid, duplicate_column, duration_invalid,
// and the text keys of check_text_field.
std::vector<FieldError> validate_steps(const std::vector<LiveStep>& steps);
// kInvalidInput "live.error.steps_invalid" with the first error's field as detail.
Status check_steps(const std::vector<LiveStep>& steps);

// The countdown of the current step, kept on server time so a late joiner
// and a reconnecting browser see the same remaining time as everyone else.
struct StepTimer {
  UnixTime started_at = 0;
  std::int64_t duration = 0;           // seconds; 0 = no countdown
  std::optional<UnixTime> paused_at;   // set while paused
  std::int64_t paused_total = 0;       // seconds paused before paused_at
};
StepTimer start_timer(std::int64_t duration, UnixTime now);
// Seconds left (negative once over time); 0 when the step has no countdown.
std::int64_t remaining_seconds(const StepTimer& t, UnixTime now);
StepTimer pause_timer(StepTimer t, UnixTime now);    // no change when paused
StepTimer resume_timer(StepTimer t, UnixTime now);   // no change when running
// Adds (or, negative, takes away) seconds; the duration never drops below the
// time already spent, and never passes kMaxStepSeconds.
StepTimer extend_timer(StepTimer t, std::int64_t seconds, UnixTime now);

// Join codes: kJoinCodeLength characters of core/short_code.h's alphabet, so
// a code read aloud or off a projector is typed right.
inline constexpr std::string_view kJoinAlphabet = kCodeAlphabet;
inline constexpr std::size_t kJoinCodeLength = 8;
// What a person typed, as a join code; nullopt when it cannot be one.
inline std::optional<std::string> normalize_join_code(std::string_view typed) {
  return normalize_code(typed, kJoinCodeLength);
}
// "ABCD-EFGH": easier to read aloud and to type.
inline std::string display_join_code(std::string_view code) { return display_code(code); }

// A card's text: kInvalidInput live.error.card_required, card_too_long
// (over kMaxCardChars code points) or card_invalid (malformed UTF-8, control characters).
Status validate_card_text(std::string_view text);
// A display name (optional): at most kMaxDisplayNameChars, one line.
Status validate_display_name(std::string_view name);

// One more dot within the budget, else kConflict "live.error.budget_spent".
Status check_vote(int dots_used, int budget);
// kInvalidInput "live.error.budget_invalid" outside 1..kMaxVoteBudget.
Status check_vote_budget(int budget);

}  // namespace solipraxis::core
