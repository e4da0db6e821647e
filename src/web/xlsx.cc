#include "web/xlsx.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace solipraxis::web {
namespace {

core::Error unavailable(const std::string& what, lxw_error err) {
  return core::make_error(core::ErrorCode::kUnavailable, "error.export.failed",
                          what + ": " + lxw_strerror(err));
}

// Column width in characters: the longest line of the header or a cell, within 8..60.
double width(const core::Sheet& sheet, std::size_t col) {
  std::size_t longest = 8;
  auto measure = [&](std::string_view s) {
    std::size_t line = 0;
    for (unsigned char c : s) {
      if (c == '\n') {
        longest = std::max(longest, line);
        line = 0;
      } else if ((c & 0xC0) != 0x80) {
        ++line;  // count code points, not bytes
      }
    }
    longest = std::max(longest, line);
  };
  measure(sheet.headers[col]);
  for (const auto& row : sheet.rows) measure(row[col].date ? "00.00.0000" : row[col].text);
  return static_cast<double>(std::min<std::size_t>(longest + 2, 60));
}

lxw_error write_sheet(lxw_workbook* wb, const core::Sheet& sheet, lxw_format* header,
                      lxw_format* text, lxw_format* date) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, sheet.name.c_str());
  if (ws == nullptr) return LXW_ERROR_SHEETNAME_ALREADY_USED;
  for (std::size_t c = 0; c < sheet.headers.size(); ++c) {
    const auto col = static_cast<lxw_col_t>(c);
    worksheet_set_column(ws, col, col, width(sheet, c), text);
    if (auto e = worksheet_write_string(ws, 0, col, sheet.headers[c].c_str(), header)) return e;
  }
  for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
    const auto row = static_cast<lxw_row_t>(r + 1);
    for (std::size_t c = 0; c < sheet.rows[r].size(); ++c) {
      const core::SheetCell& cell = sheet.rows[r][c];
      const auto col = static_cast<lxw_col_t>(c);
      lxw_error e = LXW_NO_ERROR;
      if (cell.date) {
        lxw_datetime dt{cell.date->year(), static_cast<int>(cell.date->month()),
                        static_cast<int>(cell.date->day()), 0, 0, 0.0};
        e = worksheet_write_datetime(ws, row, col, &dt, date);
      } else if (cell.number) {
        e = worksheet_write_number(ws, row, col, static_cast<double>(*cell.number), text);
      } else if (!cell.text.empty()) {
        e = worksheet_write_string(ws, row, col, cell.text.c_str(), text);
      }
      if (e) return e;
    }
  }
  worksheet_freeze_panes(ws, 1, 0);
  if (!sheet.headers.empty()) {
    worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(sheet.rows.size()),
                         static_cast<lxw_col_t>(sheet.headers.size() - 1));
  }
  return LXW_NO_ERROR;
}

}  // namespace

core::Status write_xlsx_file(const std::string& path, const std::vector<core::Sheet>& sheets,
                             std::string_view lang) {
  lxw_workbook* wb = workbook_new(path.c_str());
  if (wb == nullptr) {
    return core::make_error(core::ErrorCode::kUnavailable, "error.export.failed",
                            "cannot create " + path);
  }
  lxw_format* header = workbook_add_format(wb);
  format_set_bold(header);
  format_set_text_wrap(header);
  format_set_align(header, LXW_ALIGN_VERTICAL_TOP);
  lxw_format* text = workbook_add_format(wb);
  format_set_text_wrap(text);
  format_set_align(text, LXW_ALIGN_VERTICAL_TOP);
  lxw_format* date = workbook_add_format(wb);
  format_set_num_format(date, lang == "de" ? "dd.mm.yyyy" : "yyyy-mm-dd");
  format_set_align(date, LXW_ALIGN_VERTICAL_TOP);
  lxw_error err = LXW_NO_ERROR;
  for (const auto& s : sheets) {
    err = write_sheet(wb, s, header, text, date);
    if (err) break;
  }
  // workbook_close frees the workbook in every case; its error only counts if none came before.
  const lxw_error closed = workbook_close(wb);
  if (err) return unavailable("write " + path, err);
  if (closed) return unavailable("write " + path, closed);
  return {};
}

core::Result<std::string> xlsx_bytes(const std::vector<core::Sheet>& sheets,
                                     std::string_view lang) {
  std::string path = (std::filesystem::temp_directory_path() / "solipraxis-xlsx-XXXXXX").string();
  const int fd = mkstemp(path.data());
  if (fd < 0) {
    return core::make_error(core::ErrorCode::kUnavailable, "error.export.failed",
                            "cannot create a temporary file");
  }
  close(fd);
  auto written = write_xlsx_file(path, sheets, lang);
  std::string bytes;
  if (written) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buf;
    buf << in.rdbuf();
    bytes = std::move(buf).str();
  }
  std::error_code ec;
  std::filesystem::remove(path, ec);
  if (!written) return written.error();
  return bytes;
}

}  // namespace solipraxis::web
