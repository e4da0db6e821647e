// German lexicon for the generic-masculine rule: masculine person nouns with
// their declension and feminine form, neutral alternatives, words that look
// like person nouns but are not, titles and first names. Built once from the
// lexicon files embedded at build time (data/lexicon/de); read-only afterwards
// and safe to share between threads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "text/suffix_trie.h"

namespace solipraxis::text {

// Case and number a masculine form can stand for.
enum FormBit : std::uint8_t {
  kSgNom = 1, kSgGen = 2, kSgDat = 4, kSgAcc = 8,
  kPlNom = 16, kPlGen = 32, kPlDat = 64, kPlAcc = 128,
};
inline constexpr std::uint8_t kSingular = 0x0F;
inline constexpr std::uint8_t kPlural = 0xF0;

struct PersonNoun {
  std::string lemma;   // Mitarbeiter, Kollege, Arzt
  std::string gen_sg;  // Mitarbeiters, Kollegen, Arztes
  std::string obl_sg;  // dative/accusative singular: Mitarbeiter, Kollegen, Arzt
  std::string pl;      // Mitarbeiter, Kollegen, Ärzte
  std::string pl_dat;  // Mitarbeitern, Kollegen, Ärzten
  std::string fem;     // Mitarbeiterin, Kollegin, Ärztin
  std::string neutral_adj;     // participle stem "Mitarbeitend" (inflects like an adjective)
  std::string neutral_pl;      // or a neutral noun: "Lehrkräfte"
  std::string neutral_pl_dat;  // "Lehrkräften"
  bool place = false;          // Berliner: also an adjective before a noun
  bool compound_head = true;   // may end a compound (Kursleiter)
  bool plural_only = false;    // Stadträte: the singular names a council, not a person
  // Mann: a person noun only as the head of a compound (Tormann, Zimmermänner), and in
  // the singular only after a determiner (bare Hoffmann, Zimmermann are surnames).
  bool head_only = false;

  // The masculine form for one case/number bit (kPlDat -> pl_dat ...).
  const std::string& masc_form(std::uint8_t bit) const;
};

class GermanLexicon {
 public:
  static const GermanLexicon& instance();

  struct Analysis {
    const PersonNoun* noun = nullptr;
    std::uint8_t forms = 0;       // FormBit set of the matched form
    std::uint32_t prefix_bytes = 0;  // compound left part (0 for a simple noun)
  };
  // Analyses a capitalised word: a masculine person noun form, or a compound
  // whose head is one (Softwareentwickler, Bildungsreferenten).
  bool analyse(std::string_view word, Analysis* out) const;

  struct AdjectivalAnalysis {
    std::string_view ending;         // "er", "e" or "en"
    std::uint32_t stem_end = 0;      // bytes of word before the ending
  };
  // Adjectival person nouns (Angestellter, Datenschutzbeauftragten): a known stem,
  // alone or as a compound head, plus an adjective ending.
  bool analyse_adjectival(std::string_view word, AdjectivalAnalysis* out) const;

  bool is_title(std::string_view w) const { return titles_.count(w) > 0; }
  bool is_first_name(std::string_view w) const { return first_names_.count(w) > 0; }
  bool is_male_name(std::string_view w) const { return male_names_.count(w) > 0; }
  bool is_surname(std::string_view w) const { return surnames_.count(w) > 0; }
  std::size_t size() const { return nouns_.size(); }

 private:
  GermanLexicon();
  void load_nouns(std::string_view tsv, bool override_existing);
  void load_neutral(std::string_view tsv);
  void load_exclusions(std::string_view text);
  void load_names(std::string_view tsv);
  void load_adjectival(std::string_view text);
  void build_index();
  bool excluded(std::string_view lowered, std::uint32_t prefix_bytes, const PersonNoun& n) const;

  struct FormEntry {
    std::uint32_t noun;
    std::uint8_t forms;
  };
  std::vector<PersonNoun> nouns_;
  std::vector<FormEntry> entries_;
  SuffixTrie forms_;     // lowered masculine forms -> entries_
  SuffixTrie excluded_;  // lowered non-person words ending in a person noun
  SuffixTrie adjectival_;  // lowered adjectival stems (angestellt, beauftragt)
  std::unordered_set<std::string> blocked_heads_;  // lemmas (lowered) never a compound head
  // Views into the embedded lexicon files, which live as long as the program.
  std::unordered_set<std::string_view> titles_, first_names_, male_names_, surnames_;
};

// Copies w with its first letter in lower case (ASCII and Ä Ö Ü).
std::string lower_first(std::string_view w);
// Copies w with every ASCII letter and Ä Ö Ü in lower case.
std::string lower_all(std::string_view w);
// Copies w with its first letter in upper case (ASCII and ä ö ü).
std::string upper_first(std::string_view w);

}  // namespace solipraxis::text
