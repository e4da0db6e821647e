// A live session as data for programs and as a document to keep: the JSON of
// the API and of report.json, and the Markdown report (cards by step and
// column, clusters, dots, notes, action items). Hidden cards never appear with
// text; no author appears anywhere, because the store has none.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "store/live.h"

namespace solipraxis::web::handlers::live {

nlohmann::json session_json(const store::LiveSession& s);
// The session with its board as a member reads it.
nlohmann::json board_json(const store::LiveBoard& b);
// The report in Markdown, headings and labels in `lang` ("de" or "en").
std::string report_markdown(const store::LiveBoard& b, const std::string& org_name,
                            const std::string& lang);

}  // namespace solipraxis::web::handlers::live
