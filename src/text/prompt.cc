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
  std::string frame;
  if (!p.audience.empty())
    sentence(frame, (de ? "Der Text richtet sich an " : "The text is for ") + p.audience);
  const std::string level = p.language_level.empty()
                                ? (de ? "einfacher Sprache (Sprachniveau B1)"
                                      : "plain language (CEFR level B1)")
                                : p.language_level;
  sentence(frame, de ? "Schreibe in " + level + ", mit kurzen Sätzen und ohne Fachbegriffe"
                     : "Write in " + level + ", with short sentences and no jargon");
  sentence(frame, de ? "Nutze inklusive Sprache, zum Beispiel „Mitarbeitende“ oder "
                       "„Teilnehmer:innen“"
                     : "Use inclusive language, for example \"chair\" or \"staff\"");
  if (p.check_stereotypes)
    sentence(frame, de ? "Prüfe deine Antwort zum Schluss auf Stereotype und Diskriminierung "
                         "und schlage Änderungen vor"
                       : "Finally, check your answer for stereotypes and discrimination and "
                         "suggest changes");
  if (!frame.empty()) out += (out.empty() ? "" : "\n\n") + frame;
  return out;
}

}  // namespace solipraxis::text
