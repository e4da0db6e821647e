// What the reflection pages share (issue 23): finding the round a request names
// in the caller's org with its form (in the catalog version it was started on),
// the caller as its author, the caller's own reflection, URLs, labels, and the
// "Reflexion" section of a tool page. Another org's round is 404, like a tool.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <mstch/mstch.hpp>

#include "catalog/catalog.h"
#include "core/result.h"
#include "core/tool.h"
#include "store/reflections.h"
#include "web/auth/auth.h"
#include "web/handlers/reflections/form.h"

namespace solipraxis::web::handlers::reflections {

// The round a request names ({round}) with everything its pages need.
struct RoundContext {
  auth::Membership member;
  store::ReflectionRound round;
  core::Tool tool;
  Form form;
  store::Author author;
  std::optional<store::Reflection> mine;  // the caller's reflection, if begun
  catalog::Lang lang = catalog::Lang::kDe;
};

// The context, or the page answering the request (sign-in, 404, 503).
struct RoundAccess {
  std::optional<RoundContext> context;
  Response denial;
};
RoundAccess load_round(auth::Auth& auth, const Request& req);

std::string round_url(const auth::Membership& m, std::int64_t round_id);
std::string section_url(const auth::Membership& m, std::int64_t round_id,
                        std::string_view section_id);

// The caller's saved answers of a section (nullptr if not saved yet).
const store::SectionAnswers* saved_section(const RoundContext& c, std::string_view section_id);

// Whether stage two may be written now and when it opens (nullopt: stage one
// is not finished). Only for two-stage forms.
std::optional<core::UnixTime> stage_two_opens(const RoundContext& c);

// Template data common to every round page: org data, tool {name, url}, round
// {id, url, title, anonymous, ...}, form texts in the person's language.
mstch::map round_page_data(const Services& s, const Request& req, const RoundContext& c);

// The round's template title in the person's language ("Fragen zur Phase ..."
// for a phase's questions); the template id if the catalog does not know it.
std::string round_title(const Services& s, const Request& req, const store::ReflectionRound& r);

// The "Reflexion" section of a tool page: the templates one can start for the
// tool's phase and the rounds already running (with the caller's state in each).
// A store failure leaves the section out (has_reflections false), not the page.
mstch::map tool_reflections_data(auth::Auth& auth, const Request& req, const auth::Membership& m,
                                 const core::Tool& tool);

// The caller's reflections that are begun and not finished, across the org's
// tools, for the dashboard: [{title, tool, url, state}] where state says what
// is next ("in progress", "part 2 from 14.12.2026", "part 2 is open"). A store
// failure gives an empty list, not a broken dashboard.
mstch::array open_reflections_data(auth::Auth& auth, const Request& req, const auth::Membership& m);

}  // namespace solipraxis::web::handlers::reflections
