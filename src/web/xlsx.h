// Spreadsheets as .xlsx (Office Open XML) through libxlsxwriter: one worksheet
// per core::Sheet, a bold frozen header row with filters, text wrapped, ids as
// numbers and dates as real date cells (number format "TT.MM.JJJJ" for German,
// "YYYY-MM-DD" otherwise). Text is always written as text, never as a formula.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/register_sheets.h"
#include "core/result.h"

namespace solipraxis::web {

inline constexpr std::string_view kXlsxType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// Writes the workbook to `path` (replacing it). kUnavailable when it cannot be written.
core::Status write_xlsx_file(const std::string& path, const std::vector<core::Sheet>& sheets,
                             std::string_view lang);

// The workbook's bytes (written to a temporary file and read back: libxlsxwriter
// 1.1 writes files only).
core::Result<std::string> xlsx_bytes(const std::vector<core::Sheet>& sheets,
                                     std::string_view lang);

}  // namespace solipraxis::web
