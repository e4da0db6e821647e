// context.* rules for prompts (--prompt), after the white paper's "solidarische
// Prompts": name the organisation's role, values or sector; the audience; a
// language level; and ask the model to check for stereotypes. Each missing part
// is one finding with an empty span at the end of the text and a sentence to add.
#include <string>

#include "text/lexicon_de.h"  // lower_all
#include "text/rules.h"

namespace solipraxis::text {

namespace {

bool contains_any(std::string_view text, std::initializer_list<std::string_view> keys) {
  for (auto k : keys)
    if (text.find(k) != std::string_view::npos) return true;
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
  for (const auto& r : rules) {
    if (contains_any(text, r.keys)) continue;
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
