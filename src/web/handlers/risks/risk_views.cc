#include "web/handlers/risks/risk_views.h"

#include "core/risk_export.h"
#include "core/text_field.h"
#include "store/risks.h"
#include "store/store.h"
#include "web/handlers/common/params.h"
#include "web/handlers/tools/tool_views.h"
#include "web/i18n.h"
#include "web/time_zone.h"

namespace solipraxis::web::handlers::risk_views {

namespace {

// How urgent a cell of the matrix is, from its place: both axes low or one
// step up is low, the middle diagonal medium, above it high. Shown as words
// and a pattern (app.css .risk-cell-*), never colour alone.
core::Level cell_level(core::Level likelihood, core::Level impact) {
  const int sum = static_cast<int>(likelihood) + static_cast<int>(impact);
  return sum <= 1 ? core::Level::kLow : sum == 2 ? core::Level::kMedium : core::Level::kHigh;
}

}  // namespace

std::string org_risks_url(const auth::Membership& m) { return "/o/" + m.org.slug + "/risks"; }

std::string tool_risks_url(const auth::Membership& m, core::ToolId tool) {
  return tool_views::tool_url(m, tool) + "/risks";
}

std::string risk_url(const auth::Membership& m, core::RiskId id) {
  return org_risks_url(m) + "/" + std::to_string(id.value);
}

core::Result<core::Risk> risk_of_request(const Services& s, const Request& req,
                                         const auth::Membership& m) {
  const auto id = parse_id(req.param("risk"));
  if (!id) {
    return core::make_error(core::ErrorCode::kNotFound, "risks.error.not_found", "no such risk");
  }
  return s.store.risks().get(m.org.id, core::RiskId(*id));
}

std::string level_label(const Services& s, const Request& req, core::Level v) {
  return tr(s, req, std::string("risks.level.") + core::level_name(v));
}

std::string state_label(const Services& s, const Request& req, core::RiskState v) {
  return tr(s, req, std::string("risks.state.") + core::risk_state_name(v));
}

std::string affected_label(const Services& s, const Request& req, core::Affected v) {
  return tr(s, req, std::string("risks.affected.") + core::affected_name(v));
}

mstch::map risk_row(const Services& s, const Request& req, const auth::Membership& m,
                    const core::Risk& r, const store::RiskNameBook& names, core::Date today) {
  const std::string url = risk_url(m, r.id);
  const core::Translate t = tool_views::translator(s, req);
  const std::string owner = r.owner ? names.member(*r.owner) : std::string();
  return mstch::map{
      {"id", std::to_string(r.id.value)},
      {"label", core::risk_label(r)},
      {"url", url},
      {"edit_url", url + "/edit"},
      {"delete_url", url + "/delete"},
      {"tool_name", names.tool(r.tool)},
      {"tool_url", tool_risks_url(m, r.tool)},
      {"description", r.description},
      {"concerns", core::risk_concerns(r, names.risk_names(), t)},
      {"affected", affected_label(s, req, r.affected)},
      {"likelihood", level_label(s, req, r.likelihood)},
      {"impact", level_label(s, req, r.impact)},
      {"has_mitigation", !core::is_blank(r.mitigation)},
      {"mitigation", r.mitigation},
      {"has_owner", !owner.empty()},
      {"owner", owner},
      {"has_due", r.due.has_value()},
      {"due", r.due ? readable_date(*r.due, req.lang) : std::string()},
      {"due_iso", r.due ? r.due->str() : std::string()},
      {"state", state_label(s, req, r.state)},
      {"state_code", std::string(core::risk_state_name(r.state))},
      {"overdue", core::overdue(r, today)},
      {"unmitigated_high", core::unmitigated_high(r)},
  };
}

mstch::map matrix_data(const Services& s, const Request& req, const auth::Membership& m,
                       const std::string& tool_name, const std::vector<core::Risk>& risks,
                       const store::RiskNameBook& names) {
  const core::MatrixCells cells = core::place_risks(risks);
  const core::Translate t = tool_views::translator(s, req);
  mstch::array columns;
  for (core::Level impact : core::kLevels) {
    columns.push_back(mstch::map{{"label", level_label(s, req, impact)},
                                 {"code", std::string(core::level_name(impact))}});
  }
  mstch::array rows;
  for (auto it = core::kLevels.rbegin(); it != core::kLevels.rend(); ++it) {
    mstch::array row_cells;
    for (core::Level impact : core::kLevels) {
      mstch::array placed;
      for (std::size_t i : cells[static_cast<std::size_t>(*it)][static_cast<std::size_t>(impact)]) {
        const core::Risk& r = risks[i];
        placed.push_back(mstch::map{{"label", core::risk_label(r)},
                                    {"url", risk_url(m, r.id)},
                                    {"concerns", core::risk_concerns(r, names.risk_names(), t)}});
      }
      const core::Level level = cell_level(*it, impact);
      row_cells.push_back(mstch::map{{"level", std::string(core::level_name(level))},
                                     {"level_label", level_label(s, req, level)},
                                     {"empty", placed.empty()},
                                     {"risks", placed}});
    }
    rows.push_back(mstch::map{{"label", level_label(s, req, *it)},
                              {"code", std::string(core::level_name(*it))},
                              {"cells", row_cells}});
  }
  return mstch::map{
      {"caption", tr(s, req, "risks.matrix.title") + ": " + tool_name},
      {"axes", tr(s, req, "risks.matrix.axes")},
      {"corner", tr(s, req, "risks.matrix.corner")},
      {"columns", columns},
      {"rows", rows},
  };
}

}  // namespace solipraxis::web::handlers::risk_views
