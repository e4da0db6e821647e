#include "core/risk_export.h"

#include <algorithm>

#include "core/json_text.h"
#include "core/text_field.h"

namespace solipraxis::core {
namespace {

using json_text::array;
using json_text::Obj;

std::string strings(const std::vector<std::string>& items) {
  return array(items, [](const std::string& s) { return json_string(s); });
}

std::string label(const Translate& t, std::string_view prefix, std::string_view name) {
  return t(std::string(prefix) + std::string(name));
}

// Markdown text that stays inside one table cell.
std::string cell(std::string_view s) {
  std::string out;
  for (char c : markdown_escape(s)) out += (c == '\n' ? ' ' : c);
  return out;
}

// The personas' names and the group, joined by ", ".
std::string concern_names(const Risk& r, const RiskNames& names) {
  std::string out;
  auto add = [&out](const std::string& s) {
    if (!s.empty()) out += (out.empty() ? "" : ", ") + s;
  };
  for (PersonaId id : r.personas) add(names.persona ? names.persona(id) : "");
  add(r.group);
  return out;
}

std::string affected_label(const Risk& r, const Translate& t) {
  return label(t, "risks.affected.", affected_name(r.affected));
}

}  // namespace

std::string persona_json(const Persona& p) {
  return Obj()
      .num("id", p.id.value)
      .str("name", p.name)
      .str("story", p.story)
      .str("place", place_name(p.place))
      .str("origin", p.origin)
      .raw("languages", strings(p.languages))
      .raw("age", p.age ? std::to_string(*p.age) : "null")
      .str("gender", gender_name(p.gender))
      .str("gender_text", p.gender_text)
      .str("digital_skills", skills_name(p.skills))
      .str("device", device_name(p.device))
      .str("connectivity", connectivity_name(p.connectivity))
      .str("use", use_name(p.use))
      .raw("non_user", json_text::boolean(is_non_user(p)))
      .raw("tags", strings(p.tags))
      .str("example_id", p.example_id)
      .num("version", p.version)
      .num("created_at", p.created_at)
      .num("updated_at", p.updated_at)
      .done();
}

std::string risk_json(const Risk& r) {
  return Obj()
      .num("id", r.id.value)
      .num("tool_id", r.tool.value)
      .str("description", r.description)
      .raw("personas", array(r.personas, [](PersonaId id) { return std::to_string(id.value); }))
      .str("group", r.group)
      .str("affected", affected_name(r.affected))
      .str("likelihood", level_name(r.likelihood))
      .str("impact", level_name(r.impact))
      .str("mitigation", r.mitigation)
      .raw("owner", r.owner ? std::to_string(r.owner->value) : "null")
      .raw("due", json_text::opt_string(r.due ? r.due->str() : "", r.due.has_value()))
      .str("state", risk_state_name(r.state))
      .raw("unmitigated_high", json_text::boolean(unmitigated_high(r)))
      .num("version", r.version)
      .num("created_at", r.created_at)
      .num("updated_at", r.updated_at)
      .done();
}

std::string assessment_json(const Assessment& a) {
  return Obj()
      .str("likelihood", level_name(a.likelihood))
      .str("impact", level_name(a.impact))
      .str("reason", a.reason)
      .raw("by", a.by ? std::to_string(a.by->value) : "null")
      .num("at", a.at)
      .done();
}

MatrixCells place_risks(const std::vector<Risk>& risks) {
  MatrixCells cells;
  for (std::size_t i = 0; i < risks.size(); ++i) {
    cells[static_cast<std::size_t>(risks[i].likelihood)]
         [static_cast<std::size_t>(risks[i].impact)].push_back(i);
  }
  return cells;
}

std::string risk_label(const Risk& r) { return "R" + std::to_string(r.id.value); }

std::string risk_concerns(const Risk& r, const RiskNames& names, const Translate& t) {
  return concern_names(r, names) + " (" + affected_label(r, t) + ")";
}

std::string risk_matrix_markdown(std::string_view tool_name, const std::vector<Risk>& risks,
                                 const RiskNames& names, const Translate& t,
                                 std::string_view lang) {
  std::string md = "# " + t("risks.matrix.title") + ": " + markdown_escape(tool_name) + "\n\n";
  if (risks.empty()) return md + t("risks.matrix.empty") + "\n";
  const MatrixCells cells = place_risks(risks);
  md += "| " + t("risks.matrix.corner") + " |";
  for (Level impact : kLevels) md += " " + label(t, "risks.level.", level_name(impact)) + " |";
  md += "\n| --- | --- | --- | --- |\n";
  for (auto it = kLevels.rbegin(); it != kLevels.rend(); ++it) {
    md += "| **" + label(t, "risks.level.", level_name(*it)) + "** |";
    for (Level impact : kLevels) {
      const auto& here = cells[static_cast<std::size_t>(*it)][static_cast<std::size_t>(impact)];
      std::string text;
      for (std::size_t i : here) {
        text += (text.empty() ? "" : "; ") + risk_label(risks[i]) + ": " +
                cell(concern_names(risks[i], names)) + " (" + affected_label(risks[i], t) + ")";
      }
      md += " " + (text.empty() ? std::string("–") : text) + " |";
    }
    md += "\n";
  }
  md += "\n" + t("risks.matrix.axes") + "\n\n## " + t("risks.matrix.list") + "\n";
  for (const Risk& r : risks) {
    md += "\n### " + risk_label(r) + "\n\n" + markdown_escape(r.description) + "\n\n";
    md += "- " + t("risks.field.concerns") + ": " + markdown_escape(concern_names(r, names)) +
          " (" + affected_label(r, t) + ")\n";
    md += "- " + t("risks.field.likelihood") + ": " +
          label(t, "risks.level.", level_name(r.likelihood)) + "; " + t("risks.field.impact") +
          ": " + label(t, "risks.level.", level_name(r.impact)) + "\n";
    md += "- " + t("risks.field.mitigation") + ": " +
          (is_blank(r.mitigation) ? t("risks.matrix.no_mitigation")
                                  : markdown_escape(r.mitigation)) +
          "\n";
    if (r.owner && names.member) {
      md += "- " + t("risks.field.owner") + ": " + markdown_escape(names.member(*r.owner)) + "\n";
    }
    if (r.due) md += "- " + t("risks.field.due") + ": " + local_date(*r.due, lang) + "\n";
    md += "- " + t("risks.field.state") + ": " +
          label(t, "risks.state.", risk_state_name(r.state)) + "\n";
  }
  return md;
}

std::string risk_matrices_markdown(const std::vector<Risk>& risks,
                                   const std::function<std::string(ToolId)>& tool_name,
                                   const RiskNames& names, const Translate& t,
                                   std::string_view lang) {
  std::vector<ToolId> tools;
  for (const Risk& r : risks) {
    if (std::find(tools.begin(), tools.end(), r.tool) == tools.end()) tools.push_back(r.tool);
  }
  std::string md;
  for (ToolId tool : tools) {
    std::vector<Risk> of_tool;
    for (const Risk& r : risks) {
      if (r.tool == tool) of_tool.push_back(r);
    }
    md += (md.empty() ? "" : "\n") +
          risk_matrix_markdown(tool_name ? tool_name(tool) : "", of_tool, names, t, lang);
  }
  return md;
}

Sheet risk_sheet(const std::vector<Risk>& risks,
                 const std::function<std::string(ToolId)>& tool_name, const RiskNames& names,
                 const Translate& t) {
  Sheet sheet;
  sheet.name = t("risks.export.sheet");
  for (const char* field : {"id", "tool", "description", "concerns", "affected", "likelihood",
                            "impact", "mitigation", "owner", "due", "state"}) {
    sheet.headers.push_back(label(t, "risks.field.", field));
  }
  for (const Risk& r : risks) {
    std::vector<SheetCell> row;
    row.push_back(SheetCell{std::to_string(r.id.value), std::nullopt, r.id.value});
    row.push_back(SheetCell{tool_name ? tool_name(r.tool) : "", std::nullopt, std::nullopt});
    row.push_back(SheetCell{r.description, std::nullopt, std::nullopt});
    row.push_back(SheetCell{concern_names(r, names), std::nullopt, std::nullopt});
    row.push_back(SheetCell{label(t, "risks.affected.", affected_name(r.affected)), std::nullopt,
                            std::nullopt});
    row.push_back(SheetCell{label(t, "risks.level.", level_name(r.likelihood)), std::nullopt,
                            std::nullopt});
    row.push_back(
        SheetCell{label(t, "risks.level.", level_name(r.impact)), std::nullopt, std::nullopt});
    row.push_back(SheetCell{r.mitigation, std::nullopt, std::nullopt});
    row.push_back(SheetCell{r.owner && names.member ? names.member(*r.owner) : "", std::nullopt,
                            std::nullopt});
    row.push_back(r.due ? SheetCell{r.due->str(), r.due, std::nullopt} : SheetCell{});
    row.push_back(SheetCell{label(t, "risks.state.", risk_state_name(r.state)), std::nullopt,
                            std::nullopt});
    sheet.rows.push_back(std::move(row));
  }
  return sheet;
}

}  // namespace solipraxis::core
