// The JSON shape of checker findings and readability figures, shared by the
// CLI (`solipraxis check --format json`) and the HTTP API (POST /api/v1/check),
// so both print exactly the same objects (shape: ARCHITECTURE.md, docs/checker.md).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "text/checker.h"
#include "text/readability.h"

namespace solipraxis::text {

// {"file","line","column","start","end","rule","severity","text","message","suggestions"};
// `input` is the checked text (for "text"). An empty `file` leaves "file" out.
nlohmann::json finding_json(const Finding& f, std::string_view input, const std::string& file);

// The same object written straight into `out` as nlohmann's dump(2) would print
// it at nesting `depth` (1: an element of a top-level array), without building
// a JSON value: the CLI streams many findings a second. `text` is the finding's
// text (input.substr(start, end - start)).
void append_finding_json(std::string& out, const Finding& f, std::string_view text,
                         std::string_view file, int depth);

// {"file","lang","sentences","words",...,"lix"}; an empty `file` leaves "file" out.
nlohmann::json stats_json(const ReadabilityStats& s, Lang lang, const std::string& file);

}  // namespace solipraxis::text
