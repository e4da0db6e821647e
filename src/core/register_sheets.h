// The tool register as spreadsheet tables for people: one sheet of tools (with
// their latest decision), one of every decision with its rationale and
// principles, one of the red lines. Headers and values are labels in the
// reader's language (through Translate), never internal codes; dates stay dates
// so a spreadsheet can sort and filter them. Pure: the .xlsx writer (web/xlsx.h)
// and the CSV below render the same sheets.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.h"
#include "core/red_line.h"
#include "core/tool_export.h"

namespace solipraxis::core {

struct SheetCell {
  std::string text;                   // the value as text (empty for an empty cell)
  std::optional<Date> date;           // set: a calendar day, `text` is its ISO form
  std::optional<std::int64_t> number; // set: a whole number (ids)
};

struct Sheet {
  std::string name;  // the sheet's tab label, at most 31 characters, none of []:*?/\ .
  std::vector<std::string> headers;
  std::vector<std::vector<SheetCell>> rows;  // each as long as `headers`
};

// The name of principle 1..8 in the reader's language ("Transparenz").
using PrincipleName = std::function<std::string(int)>;

// Sheets in order: tools, decisions (oldest first per tool), red lines. Keys used:
// tools.export.sheet.*, tools.export.column.*, tools.field.*, tools.phase.*,
// tools.kind.*, tools.hosting.*, tools.openness.*, tools.value.*, tools.red_lines.*.
std::vector<Sheet> register_sheets(const std::vector<ToolRecord>& records,
                                   const std::vector<RedLine>& red_lines, const Translate& t,
                                   const PrincipleName& principle_name);

// A day as people in `lang` write it: "07.12.2026" (de), "2026-12-07" (otherwise).
std::string local_date(Date date, std::string_view lang);

// CSV of one sheet as spreadsheets in `lang` open it with a double click: a UTF-8
// byte order mark, ';' between cells for German (German Excel expects it), ','
// otherwise, RFC 4180 quoting, CRLF line ends, dates as local_date(). A cell
// that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a
// leading apostrophe.
std::string sheet_csv(const Sheet& sheet, std::string_view lang);

}  // namespace solipraxis::core
