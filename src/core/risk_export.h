// Exports of personas and the vulnerability risk matrix as text: JSON (the
// API's representation), Markdown (a tool's matrix as a real table, then each
// risk, for people and print) and a spreadsheet sheet (CSV and .xlsx render it,
// core/register_sheets.h). Pure functions of the records they get; labels come
// from a Translate callback ("risks.level.high", "risks.state.open", ...).
#pragma once

#include <array>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/persona.h"
#include "core/register_sheets.h"
#include "core/risk.h"
#include "core/tool_export.h"

namespace solipraxis::core {

// JSON. Field names are the API contract (OpenAPI):
// persona: id, name, story, place, origin, languages, age (or null), gender,
// gender_text, digital_skills, device, connectivity, use, non_user, tags,
// example_id, version, created_at, updated_at; attribute values are the names
// of core/persona.h ("" = not said).
// risk: id, tool_id, description, personas [ids], group, affected, likelihood,
// impact, mitigation, owner (user id or null), due ("YYYY-MM-DD" or null),
// state, unmitigated_high, version, created_at, updated_at.
// assessment: likelihood, impact, reason, by (user id or null), at.
std::string persona_json(const Persona& p);
std::string risk_json(const Risk& r);
std::string assessment_json(const Assessment& a);

// The risks of each matrix cell, as indexes into `risks` in their order:
// cells[likelihood][impact], each axis low, medium, high.
using MatrixCells = std::array<std::array<std::vector<std::size_t>, 3>, 3>;
MatrixCells place_risks(const std::vector<Risk>& risks);

// A short label for a risk in a matrix cell: "R12" (its id).
std::string risk_label(const Risk& r);

// What the exports need to name people: a persona's name by id and a member's
// name by user id ("" when unknown).
struct RiskNames {
  std::function<std::string(PersonaId)> persona;
  std::function<std::string(UserId)> member;
};

// Whom a risk concerns, for people: the personas' names and the group,
// joined by ", "; then the affected side in parentheses.
std::string risk_concerns(const Risk& r, const RiskNames& names, const Translate& t);

// Markdown of one tool's matrix: a heading with the tool's name, the matrix as
// a table (likelihood rows from high to low, impact columns from low to high;
// each cell lists its risks with whom they concern, "–" when empty), then every
// risk with placement, mitigation, owner, due date and state. User text is
// escaped so it cannot become HTML, links or table cells. Keys: risks.matrix.*,
// risks.field.*, risks.level.*, risks.state.*, risks.affected.*.
std::string risk_matrix_markdown(std::string_view tool_name, const std::vector<Risk>& risks,
                                 const RiskNames& names, const Translate& t,
                                 std::string_view lang);

// The matrices of every tool that has risks, one after another (as
// risk_matrix_markdown), tools in the order their first risk appears in `risks`.
std::string risk_matrices_markdown(const std::vector<Risk>& risks,
                                   const std::function<std::string(ToolId)>& tool_name,
                                   const RiskNames& names, const Translate& t,
                                   std::string_view lang);

// One sheet of risks (one row each, in the given order): id, tool, description,
// whom it concerns, affected, likelihood, impact, mitigation, owner, due (a date
// cell), state. Keys: risks.export.sheet, risks.field.*, and the value keys above.
Sheet risk_sheet(const std::vector<Risk>& risks,
                 const std::function<std::string(ToolId)>& tool_name, const RiskNames& names,
                 const Translate& t);

}  // namespace solipraxis::core
