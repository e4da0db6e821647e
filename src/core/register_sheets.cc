#include "core/register_sheets.h"

#include <cstdio>

namespace solipraxis::core {
namespace {

std::string key(std::string_view prefix, std::string_view name) {
  return std::string(prefix) + std::string(name);
}

SheetCell text(std::string s) { return SheetCell{std::move(s), std::nullopt, std::nullopt}; }
SheetCell day(std::optional<Date> d) {
  if (!d) return SheetCell{};
  return SheetCell{d->str(), d, std::nullopt};
}
SheetCell number(std::int64_t n) { return SheetCell{std::to_string(n), std::nullopt, n}; }

std::string lines(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : "\n") + s;
  return out;
}

std::string principles_text(const Decision& d, const PrincipleName& name) {
  std::vector<std::string> out;
  for (const auto& n : d.principles)
    out.push_back(std::to_string(n.principle) + " " + name(n.principle) + ": " + n.how);
  return lines(out);
}

std::string red_lines_text(const Decision& d) {
  std::vector<std::string> out;
  for (const auto& c : d.red_lines) out.push_back(c.text);
  return lines(out);
}

Sheet tools_sheet(const std::vector<ToolRecord>& records, const Translate& t) {
  Sheet s;
  s.name = t("tools.export.sheet.tools");
  for (std::string_view h : {"tools.export.column.id", "tools.field.name", "tools.field.vendor",
                             "tools.field.phase", "tools.field.next_review",
                             "tools.export.column.last_decision",
                             "tools.export.column.last_decided_on",
                             "tools.export.column.last_rationale", "tools.field.purpose",
                             "tools.field.target_groups", "tools.field.hosting",
                             "tools.field.openness", "tools.field.data_processed",
                             "tools.field.personal_data", "tools.field.special_categories",
                             "tools.field.affected_users", "tools.field.affected_non_users",
                             "tools.field.affected_groups", "tools.field.human_oversight",
                             "tools.field.risks", "tools.field.cost", "tools.field.contact",
                             "tools.field.links", "tools.field.public",
                             "tools.field.public_summary"}) {
    s.headers.push_back(t(h));
  }
  for (const auto& r : records) {
    const Tool& tool = r.tool;
    const Decision* last = r.decisions.empty() ? nullptr : &r.decisions.back();
    std::string links;
    for (const auto& l : tool.links) links += (links.empty() ? "" : "\n") + l;
    s.rows.push_back({
        number(tool.id.value),
        text(tool.name),
        text(tool.vendor),
        text(t(key("tools.phase.", phase_name(tool.phase)))),
        day(tool.next_review),
        text(last ? t(key("tools.kind.", decision_kind_name(last->kind))) : ""),
        day(last ? std::optional<Date>(last->decided_on) : std::nullopt),
        text(last ? last->rationale : ""),
        text(tool.purpose),
        text(tool.target_groups),
        text(tool.hosting ? t(key("tools.hosting.", hosting_name(*tool.hosting)))
                          : t("tools.value.unknown")),
        text(tool.openness ? t(key("tools.openness.", openness_name(*tool.openness)))
                           : t("tools.value.unknown")),
        text(tool.data_processed),
        text(t(data_answer_label_key(tool.personal_data))),
        text(t(data_answer_label_key(special_categories_answer(tool)))),
        text(tool.affected_users),
        text(tool.affected_non_users),
        text(tool.affected_groups),
        text(tool.human_oversight),
        text(tool.risks),
        text(tool.cost),
        text(tool.contact),
        text(links),
        text(t(tool.is_public ? "tools.value.yes" : "tools.value.no")),
        text(tool.public_summary),
    });
  }
  return s;
}

Sheet decisions_sheet(const std::vector<ToolRecord>& records, const Translate& t,
                      const PrincipleName& principle_name) {
  Sheet s;
  s.name = t("tools.export.sheet.decisions");
  for (std::string_view h :
       {"tools.export.column.id", "tools.export.column.tool", "tools.export.column.decided_on",
        "tools.export.column.kind", "tools.export.column.from", "tools.export.column.to",
        "tools.export.column.rationale", "tools.export.principles", "tools.export.decided_by",
        "tools.export.red_lines_confirmed"}) {
    s.headers.push_back(t(h));
  }
  for (const auto& r : records) {
    for (const auto& d : r.decisions) {
      s.rows.push_back({
          number(r.tool.id.value),
          text(r.tool.name),
          day(d.decided_on),
          text(t(key("tools.kind.", decision_kind_name(d.kind)))),
          text(t(key("tools.phase.", phase_name(d.from)))),
          text(t(key("tools.phase.", phase_name(d.to)))),
          text(d.rationale),
          text(principles_text(d, principle_name)),
          text(d.decided_by),
          text(red_lines_text(d)),
      });
    }
  }
  return s;
}

Sheet red_lines_sheet(const std::vector<RedLine>& red_lines, const Translate& t) {
  Sheet s;
  s.name = t("tools.export.sheet.red_lines");
  s.headers = {t("tools.red_lines.text"), t("tools.red_lines.status"),
               t("tools.export.column.created")};
  for (const auto& l : red_lines) {
    s.rows.push_back({text(l.text),
                      text(t(l.active ? "tools.red_lines.active" : "tools.red_lines.inactive")),
                      day(Date::from_unix(l.created_at))});
  }
  return s;
}

// RFC 4180 quoting with `sep` as the separator, plus the formula guard (OWASP's
// list: = + - @, tab, carriage return as the first character).
std::string csv_cell(std::string_view s, char sep) {
  std::string v(s);
  if (!v.empty() && std::string_view("=+-@\t\r").find(v[0]) != std::string_view::npos) v = "'" + v;
  if (v.find_first_of(std::string("\"\r\n") + sep) == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::vector<Sheet> register_sheets(const std::vector<ToolRecord>& records,
                                   const std::vector<RedLine>& red_lines, const Translate& t,
                                   const PrincipleName& principle_name) {
  return {tools_sheet(records, t), decisions_sheet(records, t, principle_name),
          red_lines_sheet(red_lines, t)};
}

std::string local_date(Date date, std::string_view lang) {
  if (lang != "de") return date.str();
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02u.%02u.%04d", date.day(), date.month(), date.year());
  return buf;
}

std::string sheet_csv(const Sheet& sheet, std::string_view lang) {
  const char sep = lang == "de" ? ';' : ',';
  std::string out = "\xEF\xBB\xBF";  // UTF-8 byte order mark: Excel then reads UTF-8
  auto row = [&](const auto& cells, auto&& cell_text) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i) out += sep;
      out += csv_cell(cell_text(cells[i]), sep);
    }
    out += "\r\n";
  };
  row(sheet.headers, [](const std::string& h) { return h; });
  for (const auto& r : sheet.rows) {
    row(r, [&](const SheetCell& c) { return c.date ? local_date(*c.date, lang) : c.text; });
  }
  return out;
}

}  // namespace solipraxis::core
