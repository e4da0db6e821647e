// The persona pages (issue 24): the org's persona library with the shipped
// examples to copy, the form to create and edit a persona, one persona's page
// (the tools it is attached to, the risks that name it), deleting with a
// confirmation that names the risks, and a tool's personas with the coverage
// check. Members read; editors and owners write. Another org's persona or tool,
// or an org the caller is not in, is 404. The store validates and audits every write.
#pragma once

#include <mstch/mstch.hpp>

#include "core/tool.h"
#include "web/auth/auth.h"

namespace solipraxis::web::handlers::personas {

// library.cc
Response personas_page(auth::Auth& auth, Request& req);        // GET  /o/{org}/personas
Response examples_copy(auth::Auth& auth, Request& req);        // POST /o/{org}/personas/examples
Response persona_page(auth::Auth& auth, Request& req);         // GET  /o/{org}/personas/{persona}
Response persona_delete_page(auth::Auth& auth, Request& req);  // GET  .../{persona}/delete
Response persona_delete(auth::Auth& auth, Request& req);       // POST .../{persona}/delete

// editor.cc
Response persona_new_page(auth::Auth& auth, Request& req);   // GET  /o/{org}/personas/new
Response persona_create(auth::Auth& auth, Request& req);     // POST /o/{org}/personas
Response persona_edit_page(auth::Auth& auth, Request& req);  // GET  .../{persona}/edit
Response persona_update(auth::Auth& auth, Request& req);     // POST /o/{org}/personas/{persona}

// tool_personas.cc
Response tool_personas_page(auth::Auth& auth, Request& req);  // GET  /o/{org}/tools/{id}/personas
Response tool_persona_attach(auth::Auth& auth, Request& req); // POST /o/{org}/tools/{id}/personas
Response tool_persona_detach(auth::Auth& auth, Request& req); // POST .../personas/{persona}/detach

// The tool page's "Personas" section: {has_section, summary (count attached,
// number of coverage gaps), url}; has_section false when the store fails.
mstch::map tool_section_data(const Services& s, const Request& req, const auth::Membership& m,
                             const core::Tool& tool);

}  // namespace solipraxis::web::handlers::personas
