// inclusive.generic-masculine (de): a masculine person noun used for people in
// general. The span is the whole noun phrase (determiner, adjectives, noun); the
// suggestions replace it declined for the phrase's case and number
// (german_phrase.h), and where the sentence leaves the number open they name
// both readings. Never a guessed form: an undecidable phrase gets no suggestion.
#include <string>

#include "text/german_grammar.h"
#include "text/german_phrase.h"
#include "text/lexicon_de.h"
#include "text/rules.h"

namespace solipraxis::text {

namespace {

// "in"/"innen" (any case) directly after a gender mark: Mitarbeiter:innen,
// Mitarbeiter*in, Mitarbeiter_innen, Mitarbeiter/-innen, Mitarbeiter(innen), Mitarbeiter·innen.
bool inclusive_ending_follows(std::string_view in, std::uint32_t pos) {
  std::string_view rest = in.substr(pos, 12);
  if (rest.starts_with("\\")) rest.remove_prefix(1);  // Markdown-escaped: Verbraucher\*innen
  std::size_t mark = 0;
  if (rest.starts_with("\xC2\xB7") || rest.starts_with("\xE2\x80\x99")) {
    mark = rest.starts_with("\xC2\xB7") ? 2 : 3;
  } else if (!rest.empty() && (rest[0] == ':' || rest[0] == '*' || rest[0] == '_' ||
                               rest[0] == '/' || rest[0] == '(' || rest[0] == '\'' ||
                               rest[0] == '|' || rest[0] == '.')) {
    mark = 1;
  }
  if (mark == 0) return false;
  const bool star = rest[0] == '*';
  rest.remove_prefix(mark);
  if (!rest.empty() && (rest[0] == '-' || (star && rest[0] == ' '))) rest.remove_prefix(1);
  return rest.size() >= 2 && (rest[0] == 'i' || rest[0] == 'I') && (rest[1] == 'n' || rest[1] == 'N');
}

bool is_word(const Token& t) { return t.kind == TokenKind::kWord; }

// The other half of a pair form ("Wählerinnen und Wähler"): ends with the feminine
// form, with the same compound left part ("Hausärztin oder Hausarzt", but not
// "Fachärztinnen und Hausärzte").
bool is_feminine_partner(std::string_view word, const PersonNoun& noun, std::string_view prefix) {
  const std::string w = lower_all(word);
  const std::string fem = lower_all(prefix) + lower_first(noun.fem);
  return w.ends_with(fem) || w.ends_with(fem + "nen") || w.ends_with(fem + "en");
}

class GenericMasculine {
 public:
  explicit GenericMasculine(const SentenceContext& s) : s_(s), lex_(GermanLexicon::instance()) {}

  void run() {
    const auto& toks = s_.tokens;
    for (std::size_t i = 0; i < toks.size(); ++i) {
      const Token& t = toks[i];
      if (!is_word(t) || !t.has(kCapitalized) || t.has(kAllUpper)) continue;
      check_token(i);
    }
  }

 private:
  std::string_view text(std::size_t i) const { return s_.tokens[i].text(s_.input); }
  bool word_at(std::size_t i) const { return i < s_.tokens.size() && is_word(s_.tokens[i]); }

  void check_token(std::size_t i) {
    const Token& t = s_.tokens[i];
    const std::string_view word = t.text(s_.input);
    GermanLexicon::Analysis a;
    if (!lex_.analyse(word, &a)) {
      check_adjectival(i, word);
      return;
    }
    if (s_.accepted.noun(word, a)) return;
    if (a.noun->head_only && a.prefix_bytes == 0) return;  // Mann itself is no generic form
    if (inclusive_ending_follows(s_.input, t.end)) return;
    if (is_pair_form(i, *a.noun, word.substr(0, a.prefix_bytes))) return;
    if (names_a_person(i)) return;
    if (in_organisation_name(i)) return;
    // Kunden- und Mitarbeiterdaten: a truncated first part of a compound.
    if (t.end < s_.input.size() && s_.input[t.end] == '-') return;
    // Berliner Tafel, Schweizer Käse: place words before a noun are adjectives.
    if (a.noun->place && a.prefix_bytes == 0 && word_at(i + 1) &&
        s_.tokens[i + 1].has(kCapitalized) && word == a.noun->lemma)
      return;

    // Das Gärtnern, beim Wandern: after a singular neuter article an -n form that
    // could only be a dative plural is a verb used as a noun.
    if (a.forms == kPlDat && i > 0 && is_neuter_article(text(i - 1))) return;

    DeterminerInfo det;
    std::size_t det_index = 0;
    const bool has_det = find_determiner(i, &det, &det_index);
    // A bare singular -mann compound is a surname (Hoffmann); "ein Tormann" is not.
    if (a.noun->head_only && !has_det && !(a.forms & kPlural)) return;
    std::uint8_t forms = a.forms;
    if (has_det && (forms & det.forms)) forms &= det.forms;
    // The preposition before the phrase governs its case: "mit den Kollegen",
    // "wegen der Mitarbeiter", "für den Kollegen".
    const std::size_t np_start = has_det ? det_index : i;
    if (np_start > 0) {
      const std::uint8_t prep = preposition_cases(text(np_start - 1));
      if (prep && (forms & prep)) forms &= prep;
    }
    const bool is_predicate = predicative(i, has_det);
    if (is_predicate && (forms & kSingular)) forms &= kSingular;
    // "Ihren Arzt oder Apotheker": a bare noun coordinated with a singular finding is singular.
    if (!has_det && i >= 2 && last_singular_ == i - 2 && is_conjunction(text(i - 1)) &&
        (forms & kSingular))
      forms &= kSingular;
    // "die Mitarbeiter und Forscher", "den Referenten, Wählern": a bare noun in a
    // list after a plural finding shares that finding's determiner, which fixes
    // its case and the weak ending of the neutral form (die Forschenden).
    const DeterminerInfo* shared = nullptr;
    if (!has_det && i >= 2 && last_plural_ == i - 2 && is_pair_separator(text(i - 1)) &&
        (forms & last_plural_det_.forms & kPlural)) {
      shared = &last_plural_det_;
      forms &= last_plural_det_.forms & kPlural;
    }
    const Number number = decide_number(forms, has_det, det_index);
    // A named man makes a singular noun his, unless an indefinite article shows
    // that someone else, not yet known, is meant ("Herr Klein empfiehlt einen Anwalt").
    const bool someone = has_det && !is_predicate && is_indefinite(text(det_index));
    // An open reading counts as his too: no plural form guessed for him.
    if (number != Number::kPlural && !someone && mentions_male_person(is_predicate)) return;
    if (number == Number::kSingular) last_singular_ = i;
    const DeterminerInfo* used = has_det ? &det : shared;
    if (number == Number::kPlural && used) {
      last_plural_ = i;
      last_plural_det_ = *used;
    }
    emit(i, np_start, word, a, forms, number, used);
  }

  enum class Number { kSingular, kPlural, kEither };

  // Singular or plural, from the forms the noun and its determiner still allow.
  // Bare nouns are plural (a singular count noun needs an article, except as a
  // predicate, handled before). "der Mitarbeiter" is a genitive plural after a
  // noun ("die Rechte der Mitarbeiter"), else singular; "den Kollegen" is a
  // dative plural with a verb that takes the dative ("Wir danken den Kollegen"),
  // else it stays open: the suggestions then name both readings.
  Number decide_number(std::uint8_t forms, bool has_det, std::size_t det_index) const {
    const bool sg = forms & kSingular, pl = forms & kPlural;
    if (!pl) return Number::kSingular;
    if (!sg || !has_det) return Number::kPlural;
    if ((forms & ~(kSgNom | kPlGen)) == 0) {
      const bool after_noun = det_index > 0 && word_at(det_index - 1) &&
                              s_.tokens[det_index - 1].has(kCapitalized) &&
                              text(det_index - 1) != "Sie";
      return after_noun ? Number::kPlural : Number::kSingular;
    }
    if ((forms & kPlDat) && dative_verb_in_clause(det_index)) return Number::kPlural;
    return Number::kEither;
  }

  // danken, helfen, gratulieren ... in the clause around token `at` (no comma between).
  bool dative_verb_in_clause(std::size_t at) const {
    auto is_dative_verb = [&](std::size_t j) {
      if (!word_at(j)) return false;
      if (s_.tokens[j].has(kCapitalized) && j != 0) return false;  // a noun (Dank, Antwort)
      return takes_dative(lower_first(text(j)));
    };
    for (std::size_t j = at; j-- > 0;) {
      if (text(j) == "," || text(j) == ";") break;
      if (is_dative_verb(j)) return true;
    }
    for (std::size_t j = at + 1; j < s_.tokens.size(); ++j) {
      if (text(j) == "," || text(j) == ";") break;
      if (is_dative_verb(j)) return true;
    }
    return false;
  }

  // Angestellter, der Datenschutzbeauftragte, einen Vorsitzenden: only the
  // masculine singular of an adjectival noun is a generic masculine.
  void check_adjectival(std::size_t i, std::string_view word) {
    GermanLexicon::AdjectivalAnalysis a;
    if (!lex_.analyse_adjectival(word, &a)) return;
    if (s_.accepted.adjectival(word, a) || inclusive_ending_follows(s_.input, s_.tokens[i].end)) return;
    if (names_a_person(i) || in_organisation_name(i)) return;
    // An adjective before a noun ("Ehrenamtlicher Einsatz"), not a noun.
    if (word_at(i + 1) && s_.tokens[i + 1].has(kCapitalized)) return;
    DeterminerInfo det;
    std::size_t det_index = 0;
    const bool has_det = find_determiner(i, &det, &det_index);
    // The singular forms the phrase allows, and whether a plural reading remains
    // ("den Vorsitzenden": one person in the accusative or several in the dative).
    std::uint8_t forms = 0;
    if (a.ending == "er") {
      if (!has_det || (det.masculine && (det.forms & kSgNom))) forms = kSgNom;
    } else if (a.ending == "e") {
      if (has_det && det.masculine && det.weak && (det.forms & kSgNom)) forms = kSgNom;
    } else if (has_det && det.masculine) {
      forms = det.forms & static_cast<std::uint8_t>(~kSgNom);
      const std::uint8_t prep = det_index > 0 ? preposition_cases(text(det_index - 1)) : 0;
      if (prep && (forms & prep)) forms &= prep;
    }
    const Number number = decide_number(forms, has_det, det_index);
    if (!(forms & kSingular) || number == Number::kPlural) return;  // the plural is neutral
    if (mentions_male_person(predicative(i, has_det))) return;
    HeadNoun head;
    head.masc = std::string(word);
    head.adj_stem = std::string(word.substr(0, a.stem_end));
    emit_phrase(i, has_det ? det_index : i, word, head, forms, number);
  }

  static std::uint8_t pick_case(std::uint8_t forms, bool plural) {
    const std::uint8_t order[] = {kSgNom, kSgAcc, kSgDat, kSgGen};
    for (std::uint8_t b : order) {
      const std::uint8_t bit = plural ? static_cast<std::uint8_t>(b << 4) : b;
      if (forms & bit) return bit;
    }
    return plural ? kPlNom : kSgNom;
  }

  bool find_determiner(std::size_t i, DeterminerInfo* det, std::size_t* index) const {
    for (std::size_t k = 1; k <= 6 && k <= i; ++k) {
      const std::size_t j = i - k;
      // "einen guten und erfahrenen Berater", "ein junger, engagierter Helfer"
      if (k > 1 && (text(j) == "," || text(j) == "und" || text(j) == "oder") && j > 0 &&
          adjective_at(j - 1))
        continue;
      if (!word_at(j)) return false;
      if (lookup_determiner(text(j), det)) {
        *index = j;
        return true;
      }
      if (!looks_like_adjective(text(j)) && !is_degree_adverb(text(j))) return false;
    }
    return false;
  }

  bool adjective_at(std::size_t j) const {
    return word_at(j) && !s_.tokens[j].has(kCapitalized) && looks_like_adjective(text(j));
  }

  bool skippable(std::size_t j) const {
    DeterminerInfo d;
    return word_at(j) && (lookup_determiner(text(j), &d) || looks_like_adjective(text(j)));
  }

  // Before the feminine half: a determiner in any case (the polite "Ihre
  // Apothekerin") or a lower-case adjective ("liebe Spenderinnen").
  bool skippable_before_partner(std::size_t j) const {
    DeterminerInfo d;
    return word_at(j) && (lookup_determiner(text(j), &d) ||
                          (looks_like_adjective(text(j)) && !s_.tokens[j].has(kCapitalized)));
  }

  static bool is_pair_separator(std::string_view w) { return w == "," || is_conjunction(w); }

  static bool is_indefinite(std::string_view w) {
    const std::string l = lower_first(w);
    return l == "ein" || l == "einen" || l == "einem" || l == "eines";
  }

  static bool is_neuter_article(std::string_view w) {
    static constexpr std::string_view kNeuter[] = {"das", "Das", "beim", "Beim", "zum", "Zum",
                                                   "vom", "Vom", "ins", "ans", "aufs", "fürs",
                                                   "übers", "durchs", "ein", "Ein", "kein", "Kein"};
    for (auto n : kNeuter)
      if (w == n) return true;
    return false;
  }

  // "Wählerinnen und Wähler", "jeder Teilnehmer und jede Teilnehmerin",
  // "Ihre Ärztin oder Ihren Arzt": determiners and adjectives may stand between.
  bool is_pair_form(std::size_t i, const PersonNoun& noun, std::string_view prefix) const {
    const auto& toks = s_.tokens;
    // feminine + conjunction + [determiner, adjectives] + this word
    std::size_t j = i;
    for (int k = 0; k < 3 && j > 0 && skippable(j - 1); ++k) --j;
    if (j >= 2) {
      std::size_t conj = j - 1;
      if (text(conj) == "." && conj >= 1 && text(conj - 1) == "bzw") --conj;
      if (conj >= 1 && is_pair_separator(text(conj)) && word_at(conj - 1) &&
          is_feminine_partner(text(conj - 1), noun, prefix) &&
          (text(conj) != "," || parallel(conj - 1, j, i - j)))
        return true;
    }
    // this word + conjunction + [determiner, adjectives] + feminine
    std::size_t conj = i + 1;
    if (conj >= toks.size() || !is_pair_separator(text(conj))) return false;
    if (text(conj) == "bzw" && conj + 1 < toks.size() && text(conj + 1) == ".") ++conj;
    std::size_t k = conj + 1;
    for (int n = 0; n < 3 && k < toks.size() && skippable_before_partner(k); ++n) ++k;
    return word_at(k) && is_feminine_partner(text(k), noun, prefix) &&
           (text(conj) != "," || parallel(i, conj + 1, k - conj - 1));
  }

  // A comma makes a pair only with the same words before both halves
  // ("Liebe Spenderinnen, liebe Spender"; not "ist Ärztin, die anderen Ärzte").
  bool parallel(std::size_t first, std::size_t second_words, std::size_t n) const {
    if (n > first) return false;
    for (std::size_t k = 0; k < n; ++k)
      if (lower_first(text(first - n + k)) != lower_first(text(second_words + k))) return false;
    return true;
  }

  // Ärzte ohne Grenzen, Bund der Steuerzahler, „Freunde der Stadtbibliothek“:
  // the noun is part of an organisation's name.
  bool in_organisation_name(std::size_t i) const {
    const auto& toks = s_.tokens;
    if (i + 2 < toks.size() && text(i + 1) == "ohne" && text(i + 2) == "Grenzen") return true;
    // Richter & Partner, Müller & Söhne: a firm's name.
    if ((i + 1 < toks.size() && text(i + 1) == "&") || (i >= 1 && text(i - 1) == "&")) return true;
    // Bund der Steuerzahler, Verein Deutscher Ingenieure: a body, then "der"/"für"
    // or a capitalised adjective in the genitive plural.
    const bool name_adjective = i >= 1 && word_at(i - 1) && s_.tokens[i - 1].has(kCapitalized) &&
                                text(i - 1).ends_with("er");
    if (i >= 2 && (text(i - 1) == "der" || text(i - 1) == "für" || name_adjective)) {
      static constexpr std::string_view kBodies[] = {
          "Bund", "Verband", "Bundesverband", "Landesverband", "Verein", "Vereinigung",
          "Gewerkschaft", "Kammer", "Union", "Freundeskreis", "Förderverein", "Gesellschaft",
          "Stiftung", "Netzwerk", "Arbeitsgemeinschaft", "Initiative"};
      for (auto b : kBodies)
        if (text(i - 2) == b) return true;
    }
    // First word after an opening quotation mark: a quoted name or title.
    if (i >= 1) {
      const std::string_view q = text(i - 1);
      if (q == "\xE2\x80\x9E" || q == "\"" || q == "\xC2\xBB" || q == "\xE2\x80\x9C")
        return !s_.tokens[i].has(kSpaceBefore);
    }
    // „Die Physiker“: the last word of a short quoted title.
    if (i + 1 < toks.size() && is_quote(text(i + 1)) && !toks[i + 1].has(kSpaceBefore)) {
      for (std::size_t k = 2; k <= 4 && k <= i; ++k) {
        if (is_quote(text(i - k))) return !toks[i - k + 1].has(kSpaceBefore);
        if (!word_at(i - k)) break;
      }
    }
    return false;
  }

  static bool is_quote(std::string_view q) {
    return q == "\xE2\x80\x9E" || q == "\"" || q == "\xC2\xBB" || q == "\xC2\xAB" ||
           q == "\xE2\x80\x9C" || q == "\xE2\x80\x9D";
  }

  // "ist Lehrer", "als Berater", "war Bergarbeiter", "ein pensionierter Lehrer" after a comma.
  bool predicative(std::size_t i, bool has_det) const {
    if (i == 0) return false;
    static constexpr std::string_view kCopula[] = {"als", "ist", "war", "bin", "bist", "wird",
                                                   "wurde", "bleibt", "blieb", "sei", "wäre",
                                                   "gilt", "arbeitet", "arbeitete"};
    // "möchte Elektriker werden", "will Lehrer sein": a predicate before the infinitive.
    if (!has_det && i + 2 < s_.tokens.size()) {
      const std::string_view next = text(i + 1), after = text(i + 2);
      const bool infinitive = next == "werden" || next == "sein" || next == "bleiben";
      const bool clause_end = after == "." || after == "," || after == "!" || after == "?" ||
                              after == "will" || after == "möchte" || after == "wollte";
      if (infinitive && clause_end) return true;
    }
    std::size_t j = i - 1;
    while (j > 0 && looks_like_adjective(text(j))) --j;  // "ist gelernter Elektriker"
    if (has_det) {
      if (text(j) != "ein" || j == 0) return false;
      --j;
      if (text(j) == ",") return true;
    }
    for (auto c : kCopula)
      if (lower_first(text(j)) == c) return true;  // also "Als Berater ..."
    return false;
  }

  // Herr Wagner, Frau Becker, Dr. Fischer, Jonas Becker; unser Kollege Jonas,
  // der Mitarbeiter Herr Müller.
  bool names_a_person(std::size_t i) const {
    if (i >= 1 && word_at(i - 1)) {
      const std::string_view prev = text(i - 1);
      if (lex_.is_title(prev) || lex_.is_first_name(prev)) return true;
    }
    if (i >= 2 && text(i - 1) == "." && lex_.is_title(text(i - 2))) return true;
    std::size_t j = i + 1;
    if (j < s_.tokens.size() && text(j) == ",") ++j;
    if (word_at(j)) {
      const std::string_view next = text(j);
      if (lex_.is_title(next) || lex_.is_first_name(next) || lex_.is_surname(next)) return true;
    }
    return false;
  }

  // A named man (Herr, a male first name, a male relative) in the sentence; with
  // a predicate noun ("Er ist Lehrer") the pronoun "er" counts too.
  bool mentions_male_person(bool predicate) {
    if (!male_scanned_) {  // once per sentence
      male_scanned_ = true;
      static constexpr std::string_view kMale[] = {
          "Herr", "Herrn", "Bruder", "Vater", "Opa", "Großvater", "Sohn", "Onkel", "Neffe",
          "Mann", "Ehemann", "Junge", "Cousin", "Schwager", "Enkel", "Papa", "Stiefvater"};
      for (std::size_t j = 0; j < s_.tokens.size(); ++j) {
        if (!word_at(j)) continue;
        const std::string_view w = text(j);
        if (w == "er" || w == "Er") has_er_ = true;
        if (!s_.tokens[j].has(kCapitalized)) continue;
        if (lex_.is_male_name(w)) male_named_ = true;
        for (auto m : kMale)
          if (w == m) male_named_ = true;
      }
    }
    return male_named_ || (predicate && has_er_);
  }

  void emit(std::size_t i, std::size_t np_start, std::string_view word,
            const GermanLexicon::Analysis& a, std::uint8_t forms, Number number,
            const DeterminerInfo* det) {
    const PersonNoun& n = *a.noun;
    const std::string_view prefix = word.substr(0, a.prefix_bytes);
    auto form = [&](std::string_view f) {
      if (prefix.empty()) return std::string(f);
      return std::string(prefix) + (prefix.back() == '-' ? std::string(f) : lower_first(f));
    };
    HeadNoun head;
    head.masc = std::string(word);
    head.fem = form(n.fem);
    // Fachmann/Fachfrau has no -in form: no colon or star form, pair and neutral only.
    const bool in_form = n.fem.ends_with("in");
    head.fem_pl = head.fem + (in_form ? "nen" : "en");
    if (in_form) head.colon_stem = form(std::string_view(n.fem).substr(0, n.fem.size() - 2));
    const std::uint8_t bit = pick_case(forms & kPlural, true);
    if (!n.neutral_adj.empty()) {
      const bool weak = det != nullptr && det->weak;
      const char* ending = (bit == kPlDat || weak) ? "en" : (bit == kPlGen ? "er" : "e");
      head.neutral_pl = form(n.neutral_adj) + ending;
    } else if (!n.neutral_pl.empty()) {
      head.neutral_pl = form(bit == kPlDat ? n.neutral_pl_dat : n.neutral_pl);
    }
    emit_phrase(i, np_start, word, head, forms, number);
  }

  // The finding for the phrase from token np_start to the noun i, with the
  // suggestions for its reading; both readings, labelled, when it stays open.
  void emit_phrase(std::size_t i, std::size_t np_start, std::string_view word,
                   const HeadNoun& head, std::uint8_t forms, Number number) {
    Finding f;
    f.rule = kRuleGenericMasculine;
    f.severity = Severity::kWarning;
    f.end = s_.tokens[i].end;
    std::size_t start = np_start;
    std::vector<std::string> singular, plural;
    if (number != Number::kPlural) {
      if (np_start == i) start = bare_phrase_start(i);
      const auto group = case_group(forms & kSingular, start, i, np_start < i);
      if (start != kNoStart && group)
        singular = singular_suggestions(words(start, i, np_start < i), head, *group, s_.options.style);
      if (start == kNoStart) start = i;
    }
    if (number != Number::kSingular && !(np_start == i && unlinked_singular_determiner(i)))
      plural = plural_suggestions(words(np_start, i, np_start < i), head, s_.options.style);
    f.start = s_.tokens[start].start;
    f.message = format_message(
        "„{}“ ist ein generisches Maskulinum und spricht nicht alle Menschen an.", {word});
    if (number == Number::kEither) {
      f.message += plural.empty()
                       // An adjectival noun: its plural (den Vorsitzenden) is the same for everyone.
                       ? " Wenn mehrere Personen gemeint sind, passt die Form schon."
                       : " Ob eine oder mehrere Personen gemeint sind, zeigt der Satz nicht: "
                         "Wählen Sie den Vorschlag, der passt.";
      for (auto& x : singular) {
        f.suggestions.push_back(std::move(x));
        f.suggestion_labels.push_back("Wenn eine Person gemeint ist");
      }
      for (auto& x : plural) {
        f.suggestions.push_back(std::move(x));
        f.suggestion_labels.push_back("Wenn mehrere Personen gemeint sind");
      }
    } else {
      f.suggestions = number == Number::kSingular ? std::move(singular) : std::move(plural);
    }
    if (number != Number::kPlural) {
      // "Der Antragsteller ... seine Unterlagen": the pronoun is outside the phrase.
      const std::string_view pronoun = pronoun_after(f.end);
      if (!pronoun.empty()) f.message += format_message(" Passen Sie auch „{}“ an.", {pronoun});
    }
    s_.out->push_back(std::move(f));
  }

  static constexpr std::size_t kNoStart = static_cast<std::size_t>(-1);

  // "einen für Finanzen zuständigen Mitarbeiter": an adjective before a bare noun
  // and, further left, a masculine singular determiner that no noun of its own
  // follows. The noun may be that determiner's singular: no plural form is offered.
  bool unlinked_singular_determiner(std::size_t i) const {
    if (i == 0 || !adjective_at(i - 1)) return false;
    for (std::size_t k = 2; k <= 8 && k <= i; ++k) {
      const std::size_t j = i - k;
      if (!word_at(j)) return false;  // punctuation ends the phrase
      DeterminerInfo d;
      if (!lookup_determiner(text(j), &d)) continue;
      const bool own_noun = word_at(j + 1) && s_.tokens[j + 1].has(kCapitalized);
      return !own_noun && d.masculine && !(d.forms & kPlural);
    }
    return false;
  }

  // A singular noun without a determiner may have adjectives before it ("als
  // neuer Mitarbeiter"); they belong to the phrase when a preposition, "als", a
  // conjunction or the sentence start comes before them. kNoStart when the words
  // before cannot be told apart (a verb or an adjective?): then no suggestion.
  std::size_t bare_phrase_start(std::size_t i) const {
    std::size_t j = i;
    while (j > 0 && i - j < 3 && word_at(j - 1) && !s_.tokens[j - 1].has(kCapitalized) &&
           (looks_like_adjective(text(j - 1)) || is_degree_adverb(text(j - 1))))
      --j;
    if (j == i || j == 0 || !word_at(j - 1)) return j;
    const std::string_view before = text(j - 1);
    if (before == "als" || preposition_cases(before) || is_conjunction(before)) return j;
    return kNoStart;
  }

  PhraseWords words(std::size_t from, std::size_t i, bool determiner) const {
    PhraseWords w;
    for (std::size_t k = from; k < i; ++k) w.mods.push_back(text(k));
    w.determiner = determiner;
    w.sentence_start = from == 0 || !word_at(from - 1);
    return w;
  }

  // The case group of a singular reading: the determiner's form decides; without
  // one, a strong adjective ending (neuer, neuem); a lone noun needs none.
  std::optional<CaseGroup> case_group(std::uint8_t sg, std::size_t start, std::size_t i,
                                      bool determiner) const {
    const bool nom_acc = sg & (kSgNom | kSgAcc), gen_dat = sg & (kSgGen | kSgDat);
    if (nom_acc && !gen_dat) return CaseGroup::kNomAcc;
    if (gen_dat && !nom_acc) return CaseGroup::kGenDat;
    if (start == i) return CaseGroup::kNomAcc;  // no word before the noun to decline
    if (determiner) return std::nullopt;
    const std::string_view adj = text(i - 1);
    if (adj.ends_with("er")) return CaseGroup::kNomAcc;
    if (adj.ends_with("em")) return CaseGroup::kGenDat;
    // neuen: accusative, or genitive where the noun shows it (neuen Mitarbeiters).
    if (adj.ends_with("en")) return (sg & kSgAcc) ? CaseGroup::kNomAcc : CaseGroup::kGenDat;
    return std::nullopt;
  }

  // The first masculine pronoun after byte `from` in the sentence (er, ihn, ihm,
  // seine ...), which a singular person noun before it usually governs; "". Bare
  // "sein" is left out: it is the verb as often as the pronoun ("muss da sein").
  std::string_view pronoun_after(std::uint32_t from) const {
    static constexpr std::string_view kPronouns[] = {"er",     "ihn",    "ihm",   "seine",
                                                     "seinen", "seinem", "seiner", "seines"};
    for (const Token& tok : s_.tokens) {
      if (tok.start < from || !is_word(tok)) continue;
      const std::string_view w = tok.text(s_.input);
      for (auto p : kPronouns)
        if (w == p) return w;
    }
    return {};
  }

  const SentenceContext& s_;
  const GermanLexicon& lex_;
  std::size_t last_singular_ = static_cast<std::size_t>(-1);  // token of the last singular finding
  std::size_t last_plural_ = static_cast<std::size_t>(-1);    // ... plural finding with a determiner
  DeterminerInfo last_plural_det_;                              // its (own or shared) determiner
  bool male_scanned_ = false;
  bool male_named_ = false;
  bool has_er_ = false;
};

}  // namespace

void check_generic_masculine(const SentenceContext& s) { GenericMasculine(s).run(); }

}  // namespace solipraxis::text
