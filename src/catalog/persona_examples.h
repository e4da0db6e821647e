// The example personas that ship with solipraxis (data/personas/examples.json,
// compiled into the binary): ten people in German and English, written for
// this project, for an org to copy into its own library and adapt. They are a
// start, not a substitute for asking the people a tool affects.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "catalog/catalog.h"
#include "core/persona.h"
#include "core/result.h"

namespace solipraxis::catalog {

struct PersonaExamples {
  Text about;                           // what the examples are, in both languages
  std::vector<core::Persona> de, en;    // the same people, same order; example_id set
};

// Parses the examples file; kInvalidInput "personas.error.examples_invalid"
// naming the example and field when an entry breaks core's persona rules or an
// attribute value is unknown.
core::Result<PersonaExamples> parse_persona_examples(std::string_view json_text);

// The shipped examples, parsed once (the build's tests keep them valid).
const PersonaExamples& persona_examples();

// One example in `lang` by its id ("ex.erika"), or nullptr.
const core::Persona* persona_example(std::string_view id, Lang lang);

}  // namespace solipraxis::catalog
