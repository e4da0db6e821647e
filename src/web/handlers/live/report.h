// A live session as data for programs and as a document to keep: the JSON of
// the API and of report.json, and the Markdown report (cards by step and
// column, clusters, dots, notes, action items, the decisions taken on the
// session's tools while it ran). Hidden cards never appear with
// text; no author appears anywhere, because the store has none.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "store/live.h"

namespace solipraxis::web::handlers::live {

// A decision on one of the session's tools recorded while the session ran (the
// workshop's last step leads to the decision form), ready to print.
struct ReportDecision {
  std::string tool;        // the tool's name
  std::string kind;        // "pilot", "reject" ... (core::decision_kind_name)
  std::string kind_label;  // in the reader's language
  std::string rationale;
  std::string decided_on;  // YYYY-MM-DD
};

nlohmann::json session_json(const store::LiveSession& s);
// The session with its board as a member reads it.
nlohmann::json board_json(const store::LiveBoard& b);
// The report in Markdown, headings and labels in `lang` ("de" or "en").
std::string report_markdown(const store::LiveBoard& b, const std::string& org_name,
                            const std::string& lang,
                            const std::vector<ReportDecision>& decisions = {});
nlohmann::json decisions_json(const std::vector<ReportDecision>& decisions);

}  // namespace solipraxis::web::handlers::live
