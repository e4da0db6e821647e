// Replacements for a whole German masculine noun phrase ("Jeder neue Teilnehmer",
// "unserem Kassenwart", "den Kollegen"): the determiner, adjectives and noun are
// declined together for one reading (number and case), so a one-click
// replacement never leaves "Jeder Teilnehmer:in" behind. Pure string work on
// words the generic-masculine rule has already found; no lexicon lookups.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "text/checker.h"

namespace solipraxis::text {

// The feminine singular differs only between these two groups of cases
// (die/eine/jede/unsere Kollegin; der/einer/jeder/unserer Kollegin).
enum class CaseGroup { kNomAcc, kGenDat };

struct PhraseWords {
  // The words before the head as written: a determiner or a contraction (zum,
  // vom, beim) first when `determiner`, then adverbs (sehr) and adjectives.
  std::vector<std::string_view> mods;
  bool determiner = false;
  bool sentence_start = false;  // the first word is capitalised because it starts the sentence
};

struct HeadNoun {
  std::string masc;        // as written: "Teilnehmer", "Kollegen", "Vorsitzenden"
  std::string fem;         // feminine singular "Teilnehmerin"; empty for an adjectival noun
  std::string fem_pl;      // "Teilnehmerinnen"
  std::string colon_stem;  // "Teilnehmer" (+ ":in"); empty when the feminine has no -in (Fachfrau)
  std::string adj_stem;    // adjectival nouns: "Vorsitzend" (declines like an adjective)
  std::string neutral_pl;  // plural neutral form for this case ("Teilnehmenden"); may be empty
};

struct PhraseForms {
  std::vector<std::string> suggestions;  // in the order of the style, best first
};

// The singular phrase in the given case group: pair ("Jede Teilnehmerin oder
// jeder Teilnehmer"), colon or star ("Jede:r Teilnehmer:in"). Dative and
// genitive put the pair first (the gender-colon determiner is awkward there);
// a contraction (zum Arzt) gets the pair only. Empty when a word cannot be
// declined safely (an unknown determiner).
std::vector<std::string> singular_suggestions(const PhraseWords& w, const HeadNoun& head,
                                              CaseGroup group, Style style);

// The plural phrase: determiner and adjectives do not change with gender in the
// plural, so only the noun changes ("den neuen Kolleginnen und Kollegen",
// "den neuen Kolleg:innen", "den neuen Mitarbeitenden").
std::vector<std::string> plural_suggestions(const PhraseWords& w, const HeadNoun& head,
                                            Style style);

// The feminine singular of a masculine determiner or contraction ("jeden" ->
// "jede", "unserem" -> "unserer", "zum" -> "zur", "des" -> "der"); nullopt if
// the word is none that a masculine singular noun takes.
std::optional<std::string> feminine_determiner(std::string_view masc, CaseGroup group);

}  // namespace solipraxis::text
