#include "text/report_json.h"

#include <algorithm>

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

namespace {

// A JSON string as nlohmann prints it: UTF-8 kept, control characters escaped.
void append_json_string(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  std::size_t run = 0;  // start of the characters that need no escape
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 0xF];
    }
  }
  out.append(s.data() + run, s.size() - run);
  out += '"';
}

}  // namespace

void append_finding_json(std::string& out, const Finding& f, std::string_view text,
                         std::string_view file, int depth) {
  const std::string_view spaces = "                ";
  const std::size_t indent = static_cast<std::size_t>(depth) * 2;
  const std::string_view pad = spaces.substr(0, std::min(indent, spaces.size()));
  const std::string_view inner = spaces.substr(0, std::min(indent + 2, spaces.size()));
  auto key = [&](std::string_view name) {
    out += inner;
    out += '"';
    out += name;
    out += "\": ";
  };
  auto number = [&](std::string_view name, std::uint32_t value) {
    key(name);
    out += std::to_string(value);
    out += ",\n";
  };
  auto string = [&](std::string_view name, std::string_view value) {
    key(name);
    append_json_string(out, value);
    out += ",\n";
  };
  out += pad;
  out += "{\n";
  number("column", f.column);
  number("end", f.end);
  if (!file.empty()) string("file", file);
  number("line", f.line);
  string("message", f.message);
  string("rule", f.rule);
  string("severity", severity_name(f.severity));
  number("start", f.start);
  key("suggestions");
  if (f.suggestions.empty()) {
    out += "[]";
  } else {
    out += "[\n";
    for (std::size_t i = 0; i < f.suggestions.size(); ++i) {
      if (i) out += ",\n";
      out += spaces.substr(0, std::min(indent + 4, spaces.size()));
      append_json_string(out, f.suggestions[i]);
    }
    out += '\n';
    out += inner;
    out += ']';
  }
  out += ",\n";
  key("text");
  append_json_string(out, text);
  out += '\n';
  out += pad;
  out += '}';
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
