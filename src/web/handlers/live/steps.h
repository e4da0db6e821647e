// The steps of a live session as the paper gives them: built from the
// catalog's method (the team retro, the tool-selection workshop), and read
// back from the set-up form a facilitator edits before the start.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/catalog.h"
#include "core/field_error.h"
#include "core/live.h"
#include "core/text_field.h"
#include "web/http.h"

namespace solipraxis::web::handlers::live {

inline constexpr std::string_view kRetroMethod = "m.team-retro";
inline constexpr std::string_view kWorkshopMethod = "m.tool-selection-workshop";

// The method's steps in `lang`: title, prompts (the step's own, else the
// reflection questions of a phase the step names in `related`, from `catalog`),
// columns (the step's options, such as the retro's five focus categories, else
// one column per own prompt, else one column named `general_label`), duration
// (the paper's upper bound in minutes; 0 when it gives none).
std::vector<core::LiveStep> steps_from_method(const catalog::Catalog& catalog,
                                              const catalog::Method& method, catalog::Lang lang,
                                              const std::string& general_label);

// The steps of a set-up form: fields step_count, and per step N: stepN_title,
// stepN_minutes, stepN_prompts (one per line), stepN_columns (one label per
// line). Column ids of `before` are kept where the label is unchanged at the
// same place; new ones get "cN". Errors name the fields (core::validate_steps
// keys, and live.error.minutes_invalid for a minutes field that is not a number).
std::vector<core::LiveStep> steps_from_form(const Params& form,
                                            const std::vector<core::LiveStep>& before,
                                            std::vector<core::FieldError>& errors);

// A step index as a form sends it: a small decimal, 0 for the first step;
// nullopt for anything else (a sign, a space, more than three digits).
std::optional<int> parse_step(std::string_view raw);

}  // namespace solipraxis::web::handlers::live
