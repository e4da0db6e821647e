// The prompt composer of the Prompt-Werkstatt: builds a solidary prompt (white
// paper, "Solidarische Prompts") from a task, the audience, a language level,
// the organisation's context (role, values, sector) and an instruction to check
// for stereotypes. Pure string building; empty parts are left out. A prompt
// composed with all parts gives no context.* finding.
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
};

std::string compose_prompt(const PromptParts& parts, Lang lang);

}  // namespace solipraxis::text
