// The JSON shape of an org's checker terms, one definition for the stored
// column, the audit summary and the API: [{"term", "suggestions": [...], "message"}].
// Reading is strict: any other shape is refused as a whole (nullopt).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "store/checker.h"

namespace solipraxis::store {

nlohmann::json checker_terms_json(const std::vector<CheckerTerm>& terms);

// The terms of `terms_json`; "suggestions" and "message" may be absent. nullopt
// if it is not an array of objects with a string "term", a string "message"
// and an array of strings "suggestions".
std::optional<std::vector<CheckerTerm>> checker_terms_from_json(const nlohmann::json& terms);

}  // namespace solipraxis::store
