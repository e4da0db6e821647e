// Small German grammar facts for the generic-masculine rule: what a determiner
// or preposition says about the case and number of the masculine noun after it.
#pragma once

#include <cstdint>
#include <string_view>

namespace solipraxis::text {

struct DeterminerInfo {
  std::uint8_t forms = 0;   // FormBit set the determiner allows for a masculine noun
  bool weak = false;        // an adjective after it takes -en (die Mitarbeitenden)
  bool masculine = false;   // its form marks masculine singular (jeder, der, ein ...)
};

// Determiner ("der", "jeden", "unseren", "alle", "zwei"); case of the first letter ignored.
bool lookup_determiner(std::string_view word, DeterminerInfo* out);
// Case bits (kSgDat|kPlDat ...) a preposition governs, or 0.
std::uint8_t preposition_cases(std::string_view word);
// Lower-case word that may stand between a determiner and its noun (neuen, lieben, vielen).
bool looks_like_adjective(std::string_view word);
// A lower-case verb form whose object is in the dative (danken, helfen, geben ...).
bool takes_dative(std::string_view word);
// A word that grades an adjective and does not decline (sehr, ganz, besonders).
bool is_degree_adverb(std::string_view word);
// und, oder, sowie, bzw, "/", "&".
bool is_conjunction(std::string_view word);

}  // namespace solipraxis::text
