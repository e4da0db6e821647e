// The persona form and how a persona reads on a page (issue 24): the form's
// fields (every attribute of the paper, "" meaning "not said"), the persona a
// submitted form describes with every problem by field, and the template data
// of a persona (its attributes as text in the person's language). Field names
// are those of the API's JSON (core::persona_json), so a problem names the same
// field on the page and in the API.
#pragma once

#include <string>
#include <vector>

#include <mstch/mstch.hpp>

#include "core/field_error.h"
#include "core/persona.h"
#include "core/tool_merge.h"  // FieldValues
#include "store/risks.h"
#include "web/auth/auth.h"
#include "web/http.h"

namespace solipraxis::web::handlers::personas {

using FormValues = core::FieldValues;

std::string personas_url(const auth::Membership& m);  // "/o/{org}/personas"
std::string persona_url(const auth::Membership& m, core::PersonaId id);

// The persona named by the {persona} path parameter in the caller's org, or the
// error (kNotFound "personas.error.not_found" for a bad id or another org's).
core::Result<core::Persona> persona_of_request(const Services& s, const Request& req,
                                               const auth::Membership& m);

// The filter of the risks that name `persona`.
store::RiskFilter naming(core::PersonaId persona);

// The form's values for a stored persona, and as sent.
FormValues values_of(const core::Persona& p);
FormValues values_of(const Params& form);

// The persona the values describe, on top of `base` (id, version, example id),
// normalised; `errors` gets every problem in field order (core::persona_errors
// plus values that are not numbers or not in a list).
core::Persona persona_of(const FormValues& v, core::Persona base,
                         std::vector<core::FieldError>& errors);

// Template data of the form: "groups" [{legend, fields}], "has_errors",
// "error_summary" [{id, label, message}].
mstch::map form_data(const Services& s, const Request& req, const FormValues& values,
                     const std::vector<core::FieldError>& errors);

// A persona for pages: id, name, story, url, example flag, "facts"
// [{label, value}] for every attribute that is said, and "summary", the key
// attributes on one line ("Wohnort: auf dem Land; Alter: 78; ...").
mstch::map persona_data(const Services& s, const Request& req, const auth::Membership& m,
                        const core::Persona& p);

}  // namespace solipraxis::web::handlers::personas
