// Helpers shared by the risk matrix's pages and exports (handlers/risks/ only):
// URLs, the risk of a request (404 for another org's), labels in the person's
// language, and the template data of a risk row and of a tool's matrix table.
// The matrix reads like the paper: likelihood rows from high to low, impact
// columns from low to high; every cell names its risks and whom they concern
// in words, and its level as text and a pattern, never by colour alone.
#pragma once

#include <string>
#include <vector>

#include "core/risk.h"
#include "store/risk_names.h"
#include "web/auth/auth.h"
#include "web/page.h"

namespace solipraxis::web::handlers::risk_views {

std::string org_risks_url(const auth::Membership& m);                      // /o/{org}/risks
std::string tool_risks_url(const auth::Membership& m, core::ToolId tool);  // .../tools/{id}/risks
std::string risk_url(const auth::Membership& m, core::RiskId id);          // /o/{org}/risks/{risk}

// The risk named by the {risk} path parameter in the caller's org, or the
// error (kNotFound "risks.error.not_found" for a bad id or another org's risk).
core::Result<core::Risk> risk_of_request(const Services& s, const Request& req,
                                         const auth::Membership& m);

std::string level_label(const Services& s, const Request& req, core::Level v);
std::string state_label(const Services& s, const Request& req, core::RiskState v);
std::string affected_label(const Services& s, const Request& req, core::Affected v);

// One risk for lists and its own page: id, label ("R12"), url, edit/delete
// urls, tool name and url, description, concerns, affected, likelihood, impact,
// mitigation (or "none yet"), owner name, due date, state, `overdue` and
// `unmitigated_high` with their words.
mstch::map risk_row(const Services& s, const Request& req, const auth::Membership& m,
                    const core::Risk& r, const store::RiskNameBook& names, core::Date today);

// The matrix of `risks` (one tool's): {caption, corner, columns [{label}],
// rows [{label, cells [{level, level_label, risks [{label, url, concerns}], empty}]}]}.
mstch::map matrix_data(const Services& s, const Request& req, const auth::Membership& m,
                       const std::string& tool_name, const std::vector<core::Risk>& risks,
                       const store::RiskNameBook& names);

}  // namespace solipraxis::web::handlers::risk_views
