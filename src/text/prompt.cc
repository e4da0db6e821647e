#include "text/prompt.h"

namespace solipraxis::text {

namespace {

void sentence(std::string& out, const std::string& text) {
  if (text.empty()) return;
  if (!out.empty()) out += out.back() == '\n' ? "" : " ";
  out += text;
  const char last = text.back();
  if (last != '.' && last != '!' && last != '?' && last != ':') out += '.';
}

// An inclusive word in the organisation's preferred form.
std::string example_de(Style style) {
  switch (style) {
    case Style::kStar: return "Teilnehmer*innen";
    case Style::kPair: return "Teilnehmerinnen und Teilnehmer";
    case Style::kNeutral: return "Teilnehmende";
    case Style::kColon: break;
  }
  return "Teilnehmer:innen";
}

}  // namespace

std::string compose_prompt(const PromptParts& p, Lang lang) {
  const bool de = lang == Lang::kGerman;
  std::string out;
  if (!p.role.empty()) sentence(out, (de ? "Wir sind " : "We are ") + p.role);
  if (!p.sector.empty())
    sentence(out, (de ? "Wir arbeiten im Bereich " : "We work in the sector ") + p.sector);
  if (!p.values.empty())
    sentence(out, (de ? "Unsere Werte: " : "Our values: ") + p.values);
  if (!out.empty()) out += "\n\n";
  std::string task;
  sentence(task, p.task);
  out += task;
  // Short sentences and short words: the composer's own text must pass the
  // plain-language and readability checks it runs on the result.
  std::string frame;
  if (!p.audience.empty())
    sentence(frame, (de ? "Der Text ist für " : "The text is for ") + p.audience);
  const std::string level = p.language_level.empty()
                                ? (de ? "einfacher Sprache (B1)" : "plain language (level B1)")
                                : p.language_level;
  sentence(frame, (de ? "Schreib in " : "Write in ") + level);
  sentence(frame, de ? "Nutze kurze Sätze und keine Fachwörter" : "Use short sentences and no jargon");
  sentence(frame, de ? "Sprich alle an, zum Beispiel mit „" + example_de(p.style) + "“"
                     : "Address everyone, for example with \"staff\" or \"chair\"");
  if (p.check_stereotypes) {
    sentence(frame, de ? "Prüf am Ende, ob deine Antwort Stereotype oder Vorurteile hat"
                       : "At the end, check your answer for stereotypes and bias");
    sentence(frame, de ? "Schlag dann bessere Wörter vor" : "Then suggest better words");
  }
  if (!frame.empty()) out += (out.empty() ? "" : "\n\n") + frame;
  return out;
}

}  // namespace solipraxis::text
