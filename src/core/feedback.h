// Feedback from the people a tool affects (issue 27), non-users included:
// what happened, an optional category, whether the person wants an answer.
// Pure rules: the categories and states, the text limits, the pickup code's
// shape, which tools may collect feedback, and what the public register may
// say about it. Nothing here knows a person: there is nothing to know.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/field_error.h"
#include "core/result.h"
#include "core/tool_phase.h"

namespace solipraxis::core {

// What the person says it is about; kNone when they did not choose.
enum class FeedbackCategory { kNone, kUnfair, kExcluded, kCannotUse, kPrivacy, kOther };
inline constexpr std::array<const char*, 6> kFeedbackCategoryNames = {
    "none", "unfair", "excluded", "cannot_use", "privacy", "other"};
inline constexpr std::array<FeedbackCategory, 6> kFeedbackCategories = {
    FeedbackCategory::kNone,      FeedbackCategory::kUnfair,  FeedbackCategory::kExcluded,
    FeedbackCategory::kCannotUse, FeedbackCategory::kPrivacy, FeedbackCategory::kOther};

// Where the org is with an item. New items are kNew; members move them in any
// order (a mistake is undone by setting the state back). kClosed deletes the
// contact address, if any.
enum class FeedbackState { kNew, kRead, kAnswered, kActedOn, kClosed };
inline constexpr std::array<const char*, 5> kFeedbackStateNames = {"new", "read", "answered",
                                                                   "acted_on", "closed"};
inline constexpr std::array<FeedbackState, 5> kFeedbackStates = {
    FeedbackState::kNew, FeedbackState::kRead, FeedbackState::kAnswered,
    FeedbackState::kActedOn, FeedbackState::kClosed};

const char* category_name(FeedbackCategory c);
Result<FeedbackCategory> parse_category(std::string_view s);  // kInvalidInput feedback.error.category
const char* feedback_state_name(FeedbackState s);
Result<FeedbackState> parse_feedback_state(std::string_view s);  // kInvalidInput feedback.error.state

inline constexpr std::size_t kFeedbackTextMax = 5000;   // code points, what happened
inline constexpr std::size_t kFeedbackReplyMax = 5000;  // the org's reply
inline constexpr std::size_t kFeedbackContactMax = 200; // an address, one line
inline constexpr std::size_t kFeedbackActionMax = 1000; // an action item made from it
inline constexpr std::size_t kPickupCodeLength = 12;    // ~58 bits of core/short_code.h's alphabet

// What a person sends. The text is required; with `wants_answer` they get a
// pickup code, and may leave a contact address (optional).
struct FeedbackInput {
  std::string text;
  FeedbackCategory category = FeedbackCategory::kNone;
  bool wants_answer = false;
  std::string contact;
};

// Every problem, in form order: feedback.error.text_required, text_too_long,
// text_invalid (malformed UTF-8, control characters), contact_too_long,
// contact_invalid (also a line break), contact_without_answer (an address
// but no answer wanted: we would keep it for nothing).
std::vector<FieldError> feedback_errors(const FeedbackInput& in);
// A reply: feedback.error.reply_required, reply_too_long, reply_invalid.
std::vector<FieldError> reply_errors(std::string_view reply);

// Tools that are piloted, in use or being evaluated may collect feedback: the
// people they affect are there. Others' pages say the channel is closed.
bool may_collect_feedback(Phase phase);

// The pickup code as a person typed it (case, spaces and dashes do not
// matter); nullopt when it cannot be one.
std::optional<std::string> normalize_pickup_code(std::string_view typed);

}  // namespace solipraxis::core
