// context.* rules for prompts (--prompt), after the white paper's "solidarische
// Prompts": name the organisation's role, values or sector; the audience; a
// language level; and ask the model to check for stereotypes. Each missing part
// is one finding with an empty span at the end of the text and a sentence to add.
#include <algorithm>
#include <string>

#include "text/lexicon_de.h"  // lower_all
#include "text/rules.h"
#include "text/tokenizer.h"

namespace solipraxis::text {

namespace {

bool contains_any(std::string_view text, std::initializer_list<std::string_view> keys) {
  for (auto k : keys)
    if (text.find(k) != std::string_view::npos) return true;
  return false;
}

// Sentences of the lowered prompt as word lists (punctuation . ! ? ends one).
std::vector<std::vector<std::string_view>> sentences_of(std::string_view text) {
  std::vector<std::vector<std::string_view>> out(1);
  for (const Token& t : tokenize(text)) {
    const std::string_view w = t.text(text);
    if (t.kind == TokenKind::kPunct) {
      if ((w == "." || w == "!" || w == "?") && !out.back().empty()) out.emplace_back();
      continue;
    }
    out.back().push_back(w);
  }
  return out;
}

// A self-description ("wir sind ...", "als Umweltgruppe setzen wir uns ...",
// "as a charity, we ..."): it names the role, and its objects are no audience.
bool describes_the_org(const std::vector<std::string_view>& words) {
  if (words.size() < 2) return false;
  if ((words[0] == "wir" && words[1] == "sind") || (words[0] == "we" && words[1] == "are"))
    return true;
  if (words[0] != "als" && words[0] != "as") return false;
  for (auto w : words)
    if (w == "wir" || w == "we") return true;
  return false;
}

bool group_word(std::string_view w) {
  static constexpr std::string_view kStems[] = {
      "familie", "eltern", "kinder", "jugendlich", "erwachsen", "senior", "mitglied",
      "ehrenamtlich", "teilnehmend", "mietend", "nachbar", "bewohn", "geflüchtet", "menschen",
      "leute", "schüler", "studierend", "kundin", "kunden", "kundschaft", "spendend",
      "mitarbeitend", "interessiert", "besucher", "bürger", "nutzend", "frauen", "männer", "azubi", "auszubildend", "pflegend",
      "angehörig", "famil", "parent", "child", "kid", "teen", "young", "adult", "member",
      "volunteer", "resident", "tenant", "neighbo", "student", "customer", "donor", "staff",
      "visitor", "citizen", "user", "newcomer", "refugee", "people", "reader", "women",
      "pupil", "carer", "employee", "worker", "beginner", "anfänger"};
  for (auto s : kStems)
    if (w.starts_with(s)) return true;
  return w == "men";
}

bool telling_verb(std::string_view w) {
  static constexpr std::string_view kVerbs[] = {"erkläre", "erklär", "schreibe", "schreib",
                                                "sage", "zeige", "beschreibe", "write",
                                                "explain", "tell", "show", "describe"};
  return std::find(std::begin(kVerbs), std::end(kVerbs), w) != std::end(kVerbs);
}

// The task names whom the text is for: "an Familien", "für junge Erwachsene",
// "to volunteers", "for teenagers", or a dative right after the verb ("Erkläre
// Mietenden ..."), outside the org's self-description.
bool names_audience(const std::vector<std::vector<std::string_view>>& sentences) {
  for (const auto& words : sentences) {
    if (describes_the_org(words)) continue;
    for (std::size_t i = 0; i < words.size(); ++i) {
      if (!group_word(words[i])) continue;
      if (i == 1 && telling_verb(words[0])) return true;  // "Erkläre Mietenden ..."
      for (std::size_t k = 1; k <= 3 && k <= i; ++k) {
        const std::string_view p = words[i - k];
        if (p == "für" || p == "an" || p == "for" || p == "to") return true;
      }
    }
  }
  return false;
}

struct ContextRule {
  std::string_view rule;
  std::initializer_list<std::string_view> keys;  // German and English, folded
  const char* message_de;
  const char* suggestion_de;
  const char* message_en;
  const char* suggestion_en;
};

}  // namespace

void check_prompt_context(std::string_view input, Lang lang, std::vector<Finding>* out) {
  const std::string text = lower_all(input);  // keywords match at any case
  const ContextRule rules[] = {
      {kRuleMissingRole,
       {"wir sind", "unsere organisation", "unser verein", "verein", "verband", "organisation",
        "initiative", "stiftung", "gemeinnützig", "ngo", "werte", "sektor", "zivilgesellschaft",
        "wohlfahrt", "leitbild", "unser auftrag", "we are", "our organisation",
        "our organization", "nonprofit", "non-profit", "charity", "our values", "sector",
        "civil society", "association", "foundation", "our mission", "organisation",
        "organization"},
       "Der Prompt nennt weder Rolle noch Werte oder Sektor der Organisation.",
       "Wir sind [Rolle, z. B. ein gemeinnütziger Verein der Jugendhilfe] und handeln nach "
       "unseren Werten: [Werte].",
       "The prompt names neither the organisation's role nor its values or sector.",
       "We are [role, e.g. a non-profit youth welfare association] and act on our values: "
       "[values]."},
      {kRuleMissingAudience,
       {"zielgruppe", "richtet sich an", "für menschen", "leser", "publikum", "adressat",
        "für eltern", "für jugendliche", "für kinder", "für senior", "für ehrenamtliche",
        "für mitglieder", "für unsere", "für teilnehmende", "für familien", "audience",
        "readers", "target group", "aimed at", "for people", "for parents", "for our",
        "addressed to", "for young", "for older", "for volunteers", "for members",
        "for families"},
       "Der Prompt nennt keine Zielgruppe.", "Der Text richtet sich an [Zielgruppe].",
       "The prompt names no audience.", "The text is for [audience]."},
      {kRuleMissingLanguageLevel,
       {"einfache sprache", "einfacher sprache", "leichte sprache", "leichter sprache",
        "sprachniveau", "niveau a", "niveau b", " a1", " a2", " b1", " b2", "verständlich",
        "klare sprache", "klarer sprache", "ohne fachbegriffe", "ohne fachwörter",
        "kurze sätze", "kurzen sätzen", "barrierefrei", "plain language", "plain english",
        "simple language", "easy read", "easy-to-read", "reading level", "grade level", "cefr",
        "jargon", "short sentences", "simple words"},
       "Der Prompt fordert kein Sprachniveau, etwa einfache Sprache.",
       "Schreibe in einfacher Sprache (Sprachniveau B1), mit kurzen Sätzen und ohne "
       "Fachbegriffe.",
       "The prompt asks for no language level, such as plain language.",
       "Write in plain language (CEFR level B1), with short sentences and no jargon."},
      {kRuleMissingBiasCheck,
       {"stereotyp", "vorurteil", "diskriminier", "klischee", "bias", "voreingenommen",
        "discriminat", "prejudice", "cliché", "cliche"},
       "Der Prompt bittet nicht darum, die Antwort auf Stereotype zu prüfen.",
       "Prüfe deine Antwort auf Stereotype und Diskriminierung und schlage Änderungen vor.",
       "The prompt does not ask the model to check its answer for stereotypes.",
       "Check your answer for stereotypes and discrimination and suggest changes."},
  };
  const bool de = lang == Lang::kGerman;
  const auto sentences = sentences_of(text);
  for (const auto& r : rules) {
    if (contains_any(text, r.keys)) continue;
    if (r.rule == kRuleMissingAudience && names_audience(sentences)) continue;
    if (r.rule == kRuleMissingRole &&
        std::any_of(sentences.begin(), sentences.end(), describes_the_org))
      continue;
    Finding f;
    f.start = f.end = static_cast<std::uint32_t>(input.size());
    f.rule = r.rule;
    f.severity = Severity::kInfo;
    f.message = de ? r.message_de : r.message_en;
    f.suggestions.emplace_back(de ? r.suggestion_de : r.suggestion_en);
    out->push_back(std::move(f));
  }
}

}  // namespace solipraxis::text
