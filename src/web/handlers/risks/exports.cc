// Exports of the risk matrix (see risks.h), with the conventions of the tool
// register's exports: Markdown shows each matrix as a table (people, print),
// CSV and .xlsx one row per risk (core::risk_sheet, labels in `?lang=`), JSON
// the API's representation ({"items": [risk, ...]}). Per tool, or for the
// whole org in the overview's order.
#include <utility>

#include "core/json_text.h"
#include "core/risk_export.h"
#include "core/tool_export.h"
#include "store/risk_names.h"
#include "store/risks.h"
#include "store/store.h"
#include "web/handlers/risks/risks.h"
#include "web/handlers/tools/tool_views.h"
#include "web/page.h"
#include "web/xlsx.h"

namespace solipraxis::web::handlers::risks {

namespace {

// What one export needs: the risks, their names, and for a tool export its name.
struct Export {
  std::vector<core::Risk> risks;
  store::RiskNameBook names;
  std::optional<core::Tool> tool;  // a tool's export; nullopt for the org's
  std::string file;                // the file name without extension
  std::string org_name;
};

template <ExportFormat F>
Response answer(Services& s, Request& req, const Export& e) {
  const core::Translate t = tool_views::translator(s, req);
  auto tool_name = [&](core::ToolId id) { return e.names.tool(id); };
  if constexpr (F == ExportFormat::kMarkdown) {
    std::string md = e.tool ? core::risk_matrix_markdown(e.tool->name, e.risks,
                                                         e.names.risk_names(), t, req.lang)
                            : core::risk_matrices_markdown(e.risks, tool_name,
                                                           e.names.risk_names(), t, req.lang);
    if (md.empty()) {  // the org's export before its first risk: say so, not an empty file
      md = "# " + t("risks.overview.title") + ": " + core::markdown_escape(e.org_name) + "\n\n" +
           t("risks.overview.empty") + "\n";
    }
    return attachment(std::move(md), "text/markdown; charset=utf-8", e.file + ".md");
  } else if constexpr (F == ExportFormat::kJson) {
    return attachment("{\"items\":" + core::json_text::array(e.risks, core::risk_json) + "}",
                      "application/json", e.file + ".json");
  } else {
    const core::Sheet sheet = core::risk_sheet(e.risks, tool_name, e.names.risk_names(), t);
    if constexpr (F == ExportFormat::kCsv) {
      return attachment(core::sheet_csv(sheet, req.lang), "text/csv; charset=utf-8",
                        e.file + ".csv");
    } else {
      auto bytes = xlsx_bytes({sheet}, req.lang);
      if (!bytes) return error_response(s, req, bytes.error());
      return attachment(std::move(*bytes), kXlsxType, e.file + ".xlsx");
    }
  }
}

template <ExportFormat F>
Response export_of(auth::Auth& auth, Request& req, bool one_tool) {
  auto m = auth.require_member(req, req.param("org"));
  if (!m) return m.response();
  Services& s = auth.services();
  if constexpr (F == ExportFormat::kCsv || F == ExportFormat::kXlsx) {
    if (auto refused = tool_views::export_language(s, req)) return std::move(*refused);
  }
  Export e;
  store::RiskFilter filter;
  e.file = "risks-" + m->org.slug;
  e.org_name = m->org.name;
  if (one_tool) {
    auto tool = tool_views::tool_of_request(s, req, *m);
    if (!tool) return error_response(s, req, tool.error());
    filter.tool = tool->id;
    e.file = "risks-tool-" + std::to_string(tool->id.value);
    e.tool = std::move(*tool);
  }
  auto risks = s.store.risks().list(m->org.id, filter);
  if (!risks) return error_response(s, req, risks.error());
  auto names = store::load_risk_names(s.store, m->org.id);
  if (!names) return error_response(s, req, names.error());
  e.risks = std::move(*risks);
  e.names = std::move(*names);
  return answer<F>(s, req, e);
}

}  // namespace

template <ExportFormat F>
Response tool_export_as(auth::Auth& auth, Request& req) {
  return export_of<F>(auth, req, true);
}

template <ExportFormat F>
Response org_export_as(auth::Auth& auth, Request& req) {
  return export_of<F>(auth, req, false);
}

template Response tool_export_as<ExportFormat::kMarkdown>(auth::Auth&, Request&);
template Response tool_export_as<ExportFormat::kCsv>(auth::Auth&, Request&);
template Response tool_export_as<ExportFormat::kXlsx>(auth::Auth&, Request&);
template Response tool_export_as<ExportFormat::kJson>(auth::Auth&, Request&);
template Response org_export_as<ExportFormat::kMarkdown>(auth::Auth&, Request&);
template Response org_export_as<ExportFormat::kCsv>(auth::Auth&, Request&);
template Response org_export_as<ExportFormat::kXlsx>(auth::Auth&, Request&);
template Response org_export_as<ExportFormat::kJson>(auth::Auth&, Request&);

}  // namespace solipraxis::web::handlers::risks
