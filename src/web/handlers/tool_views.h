// Helpers shared by the tool register pages (handlers/tool*.cc only): access to
// one tool of the caller's org (404 otherwise), labels in the person's language,
// and the template data of a tool and of its timeline.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/tool_export.h"
#include "store/store.h"
#include "web/auth/auth.h"

namespace solipraxis::web::handlers::tool_views {

inline constexpr store::Role kWriteRole = store::Role::kEditor;

// A positive decimal id, else nullopt.
std::optional<std::int64_t> parse_id(std::string_view raw);

store::Actor web_actor(const auth::Membership& m);
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
// One timeline entry per decision, oldest first. Each entry has "is_decision"
// set, so later kinds of entries (reflections, feedback, ...) can join the list.
mstch::array timeline_data(const Services& s, const Request& req,
                           const std::vector<core::Decision>& decisions);
// The principles of one decision: [{number, name, how}].
mstch::array principle_notes_data(const Services& s, const Request& req,
                                  const std::vector<core::PrincipleNote>& notes);

// The answer to a failed store call on a page: 404/503/500 pages; other
// errors are for the caller to show in its form.
bool is_page_error(const core::Error& e);

}  // namespace solipraxis::web::handlers::tool_views
