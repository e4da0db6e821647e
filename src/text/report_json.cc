#include "text/report_json.h"

namespace solipraxis::text {

nlohmann::json finding_json(const Finding& f, std::string_view input, const std::string& file) {
  nlohmann::json out = nlohmann::json::object();
  if (!file.empty()) out["file"] = file;
  out["line"] = f.line;
  out["column"] = f.column;
  out["start"] = f.start;
  out["end"] = f.end;
  out["rule"] = std::string(f.rule);
  out["severity"] = std::string(severity_name(f.severity));
  out["text"] = std::string(input.substr(f.start, f.end - f.start));
  out["message"] = f.message;
  out["suggestions"] = f.suggestions;
  if (!f.suggestion_labels.empty()) out["suggestion_labels"] = f.suggestion_labels;
  return out;
}

nlohmann::json stats_json(const ReadabilityStats& s, Lang lang, const std::string& file) {
  nlohmann::json out = nlohmann::json::object();
  if (!file.empty()) out["file"] = file;
  out["lang"] = std::string(lang_code(lang));
  out["sentences"] = s.sentences;
  out["words"] = s.words;
  out["syllables"] = s.syllables;
  out["average_sentence_length"] = s.asl;
  out["average_syllables_per_word"] = s.asw;
  out["flesch_amstad"] = s.flesch_amstad;
  out["flesch_reading_ease"] = s.flesch_reading_ease;
  out["wiener_sachtextformel"] = {s.wstf[0], s.wstf[1], s.wstf[2], s.wstf[3]};
  out["lix"] = s.lix;
  return out;
}

}  // namespace solipraxis::text
