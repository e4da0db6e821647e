// The risk form (handlers/risks/ only): what a person typed, read back into a
// core::Risk with every problem tied to its field, and the form page that
// shows those problems next to the fields with the input kept. Personas and
// the responsible member are chosen from the org's own; anything else sent is
// an error at that field, never a write.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/field_error.h"
#include "core/persona.h"
#include "core/risk.h"
#include "core/tool.h"
#include "store/orgs.h"
#include "web/auth/auth.h"
#include "web/page.h"

namespace solipraxis::web::handlers::risks {

// The form's fields as sent (or as stored, for a fresh edit form).
struct RiskForm {
  std::map<std::string, std::string, std::less<>> values;  // by field name
  std::vector<std::string> personas;                        // persona ids as sent
};
RiskForm form_of(const core::Risk& r, std::string_view lang);
RiskForm form_of(const Params& form);

// What the form offers: the org's personas (the tool's attached ones first)
// and members.
struct Choices {
  std::vector<core::Persona> personas;
  std::vector<core::PersonaId> attached;
  std::vector<store::Member> members;
};
core::Result<Choices> load_choices(const Services& s, const auth::Membership& m, core::ToolId tool);

// The risk the form describes on top of `base` (id, tool, version) and every
// problem with it, in form order (core::risk_errors plus what cannot be read).
core::Risk risk_of(const RiskForm& f, core::Risk base, const Choices& choices,
                   std::vector<core::FieldError>& errors);

struct FormView {
  RiskForm form;
  std::vector<core::FieldError> errors{};
  std::string error_key{};               // a message not tied to a field (stale, ...)
  std::optional<core::Risk> stored{};    // after a conflict: what is saved now
  int status = 200;
};

// The new-risk form for `tool` (existing empty) or the edit form of `existing`.
Response render_form(const Services& s, const Request& req, const auth::Membership& m,
                     const core::Tool& tool, const std::optional<core::Risk>& existing,
                     const Choices& choices, const FormView& view);

}  // namespace solipraxis::web::handlers::risks
