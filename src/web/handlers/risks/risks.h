// The vulnerability risk matrix for an organisation's members (issue 24): a
// tool's matrix and risk list, one risk with its re-assessment history, the
// forms to place, re-assess and delete risks, the org's overview (what needs
// attention first) and the exports. Members read; editors and owners write.
// Another org's tool or risk, or an org the caller is not in, is 404. The
// store validates and audits every write; a refused one changes nothing.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "core/ical.h"
#include "store/orgs.h"
#include "web/auth/auth.h"
#include "web/page.h"

namespace solipraxis::web::handlers::risks {

// pages.cc
Response tool_matrix_page(auth::Auth& auth, Request& req);  // GET /o/{org}/tools/{id}/risks
Response overview_page(auth::Auth& auth, Request& req);     // GET /o/{org}/risks
Response risk_page(auth::Auth& auth, Request& req);         // GET /o/{org}/risks/{risk}

// form.cc
Response new_page(auth::Auth& auth, Request& req);     // GET  /o/{org}/tools/{id}/risks/new
Response create(auth::Auth& auth, Request& req);       // POST /o/{org}/tools/{id}/risks
Response edit_page(auth::Auth& auth, Request& req);    // GET  /o/{org}/risks/{risk}/edit
Response update(auth::Auth& auth, Request& req);       // POST /o/{org}/risks/{risk}
Response delete_page(auth::Auth& auth, Request& req);  // GET  /o/{org}/risks/{risk}/delete
Response remove(auth::Auth& auth, Request& req);       // POST /o/{org}/risks/{risk}/delete

// exports.cc: ?lang=de|en for csv and xlsx, as the register's exports.
enum class ExportFormat { kMarkdown, kCsv, kXlsx, kJson };
template <ExportFormat F>
Response tool_export_as(auth::Auth& auth, Request& req);  // /o/{org}/tools/{id}/risks/export.*
template <ExportFormat F>
Response org_export_as(auth::Auth& auth, Request& req);   // /o/{org}/risks/export.*

// What the tool page, the dashboard and the reviews page show of the risks.
// tool_section: {count, unmitigated_high, overdue, url} of one tool;
// dashboard_count: the org's unmitigated high-impact risks (nullopt if the store fails);
// overdue_rows: the org's overdue mitigations as risk rows (risk_views::risk_row).
mstch::map tool_section(auth::Auth& auth, const Request& req, const auth::Membership& m,
                        core::ToolId tool);
std::optional<std::size_t> unmitigated_high_count(auth::Auth& auth, const auth::Membership& m);
mstch::array overdue_rows(auth::Auth& auth, const Request& req, const auth::Membership& m);
// The due dates of the org's open mitigations as calendar events (the reviews
// feed): the tool and the risk's number, never a person's name.
core::Status add_mitigation_events(Services& s, const Request& req, const store::Org& org,
                                   const std::string& base_url, core::Calendar& cal);

}  // namespace solipraxis::web::handlers::risks
