// The reflection round named in a request's path, with everything a handler of
// the API or the exports needs: the member, the round (of the member's org, else
// 404), its form in the catalog version it was started on, and the caller as
// the round's author (author.h). Denials are already rendered (HTML or JSON).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "store/reflections.h"
#include "web/auth/auth.h"
#include "web/handlers/reflections/form.h"

namespace solipraxis::web::handlers::reflections {

struct RoundContext {
  auth::Membership member;
  store::ReflectionRound round;
  Form form;
  store::Author author;
};

// A positive decimal id, else nullopt.
std::optional<std::int64_t> parse_round_id(std::string_view s);

// The form of `round`: its template in the catalog version it was started on,
// for phase questions with the org's own and hidden questions.
core::Result<Form> round_form(Services& s, core::OrgId org, const store::ReflectionRound& round);
// The same with the org's catalog view already loaded (a list reads it once).
core::Result<Form> round_form(const Services& s, const catalog_store::OrgCatalogView& view,
                              const store::ReflectionRound& round);

// The member of {org} and the round {round} of that org.
auth::Access<RoundContext> round_context(auth::Auth& auth, const Request& req);

// The denial for an expected failure: the JSON error shape under /api/, else the error page.
Response failure(auth::Auth& auth, const Request& req, const core::Error& e);

}  // namespace solipraxis::web::handlers::reflections
