// Helpers shared by the tool register pages (handlers/tool*.cc only): access to
// one tool of the caller's org (404 otherwise), labels in the person's language,
// and the template data of a tool and of its timeline.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/tool_export.h"
#include "store/orgs.h"
#include "web/auth/auth.h"
#include "web/handlers/common/params.h"  // parse_id, web_actor
#include "web/page.h"

namespace solipraxis::web::handlers::tool_views {

inline constexpr store::Role kWriteRole = store::Role::kEditor;

std::string tools_url(const auth::Membership& m);  // "/o/{org}/tools"
std::string tool_url(const auth::Membership& m, core::ToolId id);

// The tool named by the {id} path parameter in the caller's org, or the error
// (kNotFound "tools.error.not_found" for a bad id or another org's tool).
core::Result<core::Tool> tool_of_request(const Services& s, const Request& req,
                                         const auth::Membership& m);

std::string phase_label(const Services& s, const Request& req, core::Phase phase);
std::string kind_label(const Services& s, const Request& req, core::DecisionKind kind);
// The principle's name from the practice catalog ("Transparenz"), else "Prinzip 3".
std::string principle_name(const Services& s, const Request& req, int number);
// Labels for exports: the message catalog, else the built-in English label.
core::Translate translator(const Services& s, const Request& req);

// Every field of `tool` ready for display (labels, "noch unbekannt", phase text,
// next review and its state) plus id, url and version.
mstch::map tool_data(const Services& s, const Request& req, const auth::Membership& m,
                     const core::Tool& tool);
// The fields of one row of the tool list (pages/tools): url, name, phase_label,
// next_review, has_next_review, review_state_label (against `today`, the org's
// date) and public_label, as tool_data gives them.
mstch::map tool_row_data(const Services& s, const Request& req, const auth::Membership& m,
                         const core::Tool& tool, core::Date today);
// One timeline entry per decision, oldest first. Each entry has "is_decision"
// set, so later kinds of entries (reflections, feedback, ...) can join the list.
mstch::array timeline_data(const Services& s, const Request& req,
                           const std::vector<core::Decision>& decisions);
// The principles of one decision: [{number, name, how}].
mstch::array principle_notes_data(const Services& s, const Request& req,
                                  const std::vector<core::PrincipleNote>& notes);

// Spreadsheet exports speak the language of `?lang=` (de or en), else the
// person's: sets req.lang, or returns the 400 for another language.
std::optional<Response> export_language(const Services& s, Request& req);

// The answer to a failed store call on a page: 404/503/500 pages; other
// errors, and storage faults (full, read-only, busy), are for the caller to
// show in its form, which keeps what was typed.
bool is_page_error(const core::Error& e);

// Runs fn(membership) for a member of the org, or answers with the denial.
template <typename Fn>
Response for_member(auth::Auth& auth, Request& req, Fn fn) {
  auto m = auth.require_member(req, req.param("org"));
  if (!m) return m.response();
  return fn(*m);
}

// Runs fn(membership, form) for an editor or owner with the parsed POSTed
// form; otherwise the denial, or 400 for a body that is not a form.
template <typename Fn>
Response editor_form(auth::Auth& auth, Request& req, Fn fn) {
  auto m = auth.require_member(req, req.param("org"), kWriteRole);
  if (!m) return m.response();
  auto form = parse_form(req.body);
  if (!form) return auth.error(req, 400, "error.http.bad_request");
  return fn(*m, *form);
}

// Runs fn(membership, tool) for an editor or owner and the tool of the
// request; otherwise the denial or the error page (404 for another org's tool).
template <typename Fn>
Response editor_tool(auth::Auth& auth, Request& req, Fn fn) {
  auto m = auth.require_member(req, req.param("org"), kWriteRole);
  if (!m) return m.response();
  auto tool = tool_of_request(auth.services(), req, *m);
  if (!tool) return error_response(auth.services(), req, tool.error());
  return fn(*m, *tool);
}

}  // namespace solipraxis::web::handlers::tool_views
