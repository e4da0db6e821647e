#include "core/feedback.h"

#include "core/enum_names.h"
#include "core/short_code.h"
#include "core/text_field.h"

namespace solipraxis::core {

const char* category_name(FeedbackCategory c) {
  return kFeedbackCategoryNames[static_cast<std::size_t>(c)];
}

Result<FeedbackCategory> parse_category(std::string_view s) {
  return parse_named<FeedbackCategory>(kFeedbackCategoryNames, s, "feedback.error.category",
                                       "category");
}

const char* feedback_state_name(FeedbackState s) {
  return kFeedbackStateNames[static_cast<std::size_t>(s)];
}

Result<FeedbackState> parse_feedback_state(std::string_view s) {
  return parse_named<FeedbackState>(kFeedbackStateNames, s, "feedback.error.state", "state");
}

std::vector<FieldError> feedback_errors(const FeedbackInput& in) {
  std::vector<FieldError> errors;
  if (is_blank(in.text)) {
    errors.push_back(field_error("text", "feedback.error.text_required", ""));
  } else {
    check_text_field(errors, "text", in.text, kFeedbackTextMax, "feedback.error.text_too_long",
                     "feedback.error.text_invalid");
  }
  if (!in.contact.empty()) {
    // A line break is as unusable in an address as a control character.
    check_line_field(errors, "contact", in.contact, kFeedbackContactMax,
                     "feedback.error.contact_too_long", "feedback.error.contact_invalid",
                     "feedback.error.contact_invalid");
    if (!in.wants_answer && !is_blank(in.contact)) {
      errors.push_back(field_error("contact", "feedback.error.contact_without_answer", ""));
    }
  }
  return errors;
}

std::vector<FieldError> reply_errors(std::string_view reply) {
  std::vector<FieldError> errors;
  if (is_blank(reply)) {
    errors.push_back(field_error("reply", "feedback.error.reply_required", ""));
    return errors;
  }
  check_text_field(errors, "reply", reply, kFeedbackReplyMax, "feedback.error.reply_too_long",
                   "feedback.error.reply_invalid");
  return errors;
}

bool may_collect_feedback(Phase phase) {
  return phase == Phase::kPilot || phase == Phase::kInUse || phase == Phase::kEvaluation;
}

std::optional<std::string> normalize_pickup_code(std::string_view typed) {
  return normalize_code(typed, kPickupCodeLength);
}

}  // namespace solipraxis::core
