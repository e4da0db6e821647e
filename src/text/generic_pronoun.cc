// inclusive.generic-pronoun (en): "he", "him", "his", "himself" for a person
// of any gender named before it in the sentence ("Each user should update his
// password", "If a volunteer is ill, he calls the office"). Suggests singular
// "they" with the verb agreeing ("he needs" -> "they need"); where the verb
// cannot be changed safely ("he's"), the finding has no one-click suggestion.
#include <optional>
#include <string>

#include "text/lexicon_de.h"
#include "text/rules.h"

namespace solipraxis::text {

namespace {

bool one_of(std::string_view w, std::initializer_list<std::string_view> list) {
  for (auto x : list)
    if (w == x) return true;
  return false;
}

bool person_noun(std::string_view w) {
  if (w.size() > 2 && w.ends_with("s")) w.remove_suffix(1);  // users (any user's: handled by caller)
  return one_of(w, {"user", "member", "person", "employee", "volunteer", "applicant",
                    "participant", "student", "customer", "client", "visitor", "reader", "donor",
                    "patient", "worker", "teacher", "doctor", "citizen", "resident", "candidate",
                    "author", "contributor", "developer", "manager", "tenant", "writer",
                    "speaker", "beneficiary", "colleague", "individual", "attendee", "subscriber",
                    "caller", "learner", "parent", "child", "trainee", "owner", "administrator",
                    "admin", "editor", "researcher", "nurse", "officer", "player", "consumer",
                    "buyer", "seller", "driver", "guest", "partner", "supporter", "helper",
                    "representative", "recipient", "holder", "taxpayer", "voter", "pupil",
                    "expert", "engineer", "programmer", "lawyer", "coach", "mentor", "advisor",
                    "adviser", "counsellor", "counselor", "therapist", "caregiver", "carer",
                    "neighbour", "neighbor", "newcomer", "refugee", "migrant", "staffer",
                    "professional", "researcher", "chair", "leader", "organiser", "organizer"});
}

std::string lower(std::string_view w) {
  std::string out(w);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return out;
}

// The present-tense verb after "he" in the plural ("needs" -> "need", "is" ->
// "are"); "" when the word needs no change (should, went), nullopt when it is
// unclear (he's, he'd).
std::optional<std::string> plural_verb(std::string_view w) {
  static constexpr std::pair<std::string_view, std::string_view> kIrregular[] = {
      {"is", "are"},       {"was", "were"},       {"has", "have"},      {"does", "do"},
      {"isn't", "aren't"}, {"wasn't", "weren't"}, {"hasn't", "haven't"}, {"doesn't", "don't"},
      {"goes", "go"}};
  for (auto [from, to] : kIrregular)
    if (w == from) return std::string(to);
  if (w.find('\'') != std::string_view::npos) return std::nullopt;
  if (one_of(w, {"always", "also", "often", "never", "usually", "still", "just", "only", "really",
                 "thus", "perhaps", "sometimes", "as", "plus", "less", "unless", "this", "its",
                 "us", "his", "yes", "is"}))
    return std::string(w);
  if (w.size() < 3 || !w.ends_with("s") || w.ends_with("ss") || w.ends_with("us"))
    return std::string(w);  // modal or past tense: should, can, went, needed
  if (w.ends_with("ies")) return std::string(w.substr(0, w.size() - 3)) + "y";
  for (std::string_view e : {"sses", "shes", "ches", "xes", "zzes", "oes"})
    if (w.ends_with(e)) return std::string(w.substr(0, w.size() - 2));
  return std::string(w.substr(0, w.size() - 1));
}

bool is_adverb(std::string_view w) {
  return one_of(w, {"always", "also", "often", "never", "usually", "still", "just", "only",
                    "really", "then", "now", "first", "sometimes", "then"});
}

class GenericPronoun {
 public:
  explicit GenericPronoun(const SentenceContext& s) : s_(s) {}

  void run() {
    const std::size_t antecedent = find_antecedent();
    if (antecedent == kNone || names_a_man()) return;
    for (std::size_t i = antecedent + 1; i < s_.tokens.size(); ++i) {
      if (!word(i)) continue;
      const std::string w = lower(text(i));
      if (!one_of(w, {"he", "him", "his", "himself"})) continue;
      if (paired(i)) continue;
      emit(i, w);
    }
  }

 private:
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);

  bool word(std::size_t i) const { return i < s_.tokens.size() && s_.tokens[i].kind == TokenKind::kWord; }
  std::string_view text(std::size_t i) const { return s_.tokens[i].text(s_.input); }

  // An indefinite person: anyone, everybody, no one; each/every/any/no + noun;
  // a/an + noun where a rule or condition shows that anyone is meant.
  std::size_t find_antecedent() const {
    bool general = false;
    for (std::size_t i = 0; i < s_.tokens.size(); ++i)
      if (word(i) && one_of(lower(text(i)), {"if", "when", "whenever", "unless", "before", "once",
                                             "should", "must", "can", "may", "needs", "will"}))
        general = true;
    for (std::size_t i = 0; i < s_.tokens.size(); ++i) {
      if (!word(i)) continue;
      const std::string w = lower(text(i));
      if (one_of(w, {"anyone", "anybody", "everyone", "everybody", "someone", "somebody",
                     "nobody", "whoever"}))
        return i;
      if (w == "no" && word(i + 1) && lower(text(i + 1)) == "one") return i + 1;
      const bool quantifier = one_of(w, {"each", "every", "any", "no"});
      const bool article = w == "a" || w == "an";
      if (!quantifier && !(article && general)) continue;
      // up to two adjectives, then the noun ("each new volunteer")
      for (std::size_t k = i + 1; k <= i + 3 && word(k); ++k) {
        std::string n = lower(text(k));
        if (n.ends_with("'s")) n.resize(n.size() - 2);
        if (person_noun(n)) return k;
      }
    }
    return kNone;
  }

  // Mr, a male first name: a known man, for whom "he" is right.
  bool names_a_man() const {
    const auto& lex = GermanLexicon::instance();
    for (std::size_t i = 0; i < s_.tokens.size(); ++i) {
      if (!word(i)) continue;
      const std::string_view w = text(i);
      if (w == "Mr" || w == "Sir" || lex.is_male_name(w)) return true;
    }
    return false;
  }

  // "he or she", "his/her", "him or her", "she or he": already inclusive.
  bool paired(std::size_t i) const {
    auto fem = [&](std::size_t k) {
      return word(k) && one_of(lower(text(k)), {"she", "her", "hers", "herself"});
    };
    auto conj = [&](std::size_t k) {
      return k < s_.tokens.size() && one_of(lower(text(k)), {"or", "and", "/"});
    };
    return (conj(i + 1) && fem(i + 2)) || (i >= 2 && conj(i - 1) && fem(i - 2));
  }

  void emit(std::size_t i, const std::string& w) {
    Finding f;
    f.rule = kRuleGenericPronoun;
    f.severity = Severity::kWarning;
    f.start = s_.tokens[i].start;
    f.end = s_.tokens[i].end;
    const bool cap = text(i)[0] >= 'A' && text(i)[0] <= 'Z';
    auto with_case = [&](std::string x) {
      if (cap && !x.empty()) x[0] = static_cast<char>(x[0] - 32);
      return x;
    };
    if (w == "him") {
      f.suggestions = {"them", "him or her"};
    } else if (w == "himself") {
      f.suggestions = {with_case("themselves"), with_case("himself or herself")};
    } else if (w == "his") {
      const bool determiner = word(i + 1);  // "his password"; else "the choice is his"
      f.suggestions = determiner ? std::vector<std::string>{with_case("their"), with_case("his or her")}
                                 : std::vector<std::string>{with_case("theirs"), with_case("his or hers")};
    } else {
      he_suggestions(i, &f, with_case);
    }
    f.message = format_message(
        "\"{}\" stands for a person of any gender here; singular \"they\" includes everyone.",
        {text(i)});
    s_.out->push_back(std::move(f));
  }

  // "he needs" -> "they need", "he always forgets" -> "they always forget".
  template <typename WithCase>
  void he_suggestions(std::size_t i, Finding* f, const WithCase& with_case) const {
    std::size_t v = i + 1;
    while (word(v) && is_adverb(lower(text(v))) && v < i + 3) ++v;
    if (!word(v)) {
      f->suggestions = {with_case("they")};
      return;
    }
    const std::string verb = lower(text(v));
    const auto plural = plural_verb(verb);
    if (!plural) return;  // he's, he'd: no safe one-click form
    f->end = s_.tokens[v].end;
    const std::string middle(s_.input.substr(s_.tokens[i].end, s_.tokens[v].start - s_.tokens[i].end));
    f->suggestions = {with_case("they") + middle + *plural,
                      with_case("he or she") + middle + std::string(text(v))};
  }

  const SentenceContext& s_;
};

}  // namespace

void check_generic_pronoun(const SentenceContext& s) { GenericPronoun(s).run(); }

}  // namespace solipraxis::text
