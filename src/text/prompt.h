// The prompt composer of the Prompt-Werkstatt: builds a solidary prompt (white
// paper, "Solidarische Prompts") from a task, the audience, a language level,
// the organisation's context (role, values, sector) and an instruction to check
// for stereotypes. Pure string building; empty parts are left out. A prompt
// composed with all parts gives no context.* finding, and the composer's own
// sentences are short and plain, so they pass every check (inclusive, plain,
// readability) at any style: what is left to find is in the parts a person typed.
#pragma once

#include <string>

#include "text/checker.h"

namespace solipraxis::text {

struct PromptParts {
  std::string task;            // "Schreibe einen Aufruf für unser Sommerfest."
  std::string audience;        // "Familien im Stadtteil"
  std::string language_level;  // "einfacher Sprache (B1)"; empty: the default below
  std::string role;            // "ein gemeinnütziger Verein der Nachbarschaftshilfe"
  std::string values;          // "Solidarität, Teilhabe, Transparenz"
  std::string sector;          // "Soziale Arbeit"
  bool check_stereotypes = true;
  Style style = Style::kColon;  // the org's preferred form, used in the example
};

std::string compose_prompt(const PromptParts& parts, Lang lang);

}  // namespace solipraxis::text
