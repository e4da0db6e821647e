// Read-only register pages and exports (see tools.h).
#include <utility>

#include "core/register_sheets.h"
#include "core/tool_export.h"
#include "store/audit_facts.h"
#include "store/paging.h"
#include "store/store.h"
#include "store/tool_records.h"
#include "store/tools.h"
#include "web/handlers/audit/audit_view.h"
#include "web/handlers/personas/personas.h"
#include "web/handlers/reflections/view.h"
#include "web/handlers/risks/risks.h"
#include "web/handlers/site/dashboard.h"
#include "web/handlers/tools/tool_views.h"
#include "web/handlers/tools/tools.h"
#include "web/page.h"
#include "web/time_zone.h"
#include "web/xlsx.h"

namespace solipraxis::web::handlers {

using namespace tool_views;

namespace {

constexpr int kToolsPerPage = 25;

mstch::array phase_options(const Services& s, const Request& req, std::optional<core::Phase> sel) {
  mstch::array out;
  out.push_back(mstch::map{{"value", std::string()},
                           {"label", tr(s, req, "tools.list.all_phases")},
                           {"selected", !sel.has_value()}});
  for (core::Phase p : core::kAllPhases) {
    out.push_back(mstch::map{{"value", std::string(core::phase_name(p))},
                             {"label", phase_label(s, req, p)},
                             {"selected", sel == p}});
  }
  return out;
}

// The tool of the request with its decisions, or the error page.
template <typename Fn>
Response with_record(auth::Auth& auth, Request& req, Fn fn) {
  return for_member(auth, req, [&](const auth::Membership& m) {
    Services& s = auth.services();
    auto id = parse_id(req.param("id"));
    if (!id) {
      return error_response(
          s, req, core::make_error(core::ErrorCode::kNotFound, "tools.error.not_found", "bad id"));
    }
    auto record = s.store.tools().record(m.org.id, core::ToolId(*id));
    if (!record) return error_response(s, req, record.error());
    return fn(m, *record);
  });
}

// Every tool of the org with its decisions, or the error page.
template <typename Fn>
Response with_register(auth::Auth& auth, Request& req, Fn fn) {
  return for_member(auth, req, [&](const auth::Membership& m) {
    Services& s = auth.services();
    auto tools = store::all_tools(s.store.tools(), m.org.id);
    if (!tools) return error_response(s, req, tools.error());
    auto records = store::tool_records(s.store.tools(), m.org.id, std::move(*tools));
    if (!records) return error_response(s, req, records.error());
    return fn(m, *records);
  });
}

}  // namespace

Response tools_page(auth::Auth& auth, Request& req) {
  return for_member(auth, req, [&](const auth::Membership& m) {
    Services& s = auth.services();
    store::ToolFilter filter;
    const std::string phase = req.query.value("phase");
    if (!phase.empty()) {
      auto p = core::parse_phase(phase);
      if (!p) return error_response(s, req, 400, p.error().key);
      filter.phase = *p;
    }
    const std::string cursor = req.query.value("cursor");
    auto page = s.store.tools().list_tools(m.org.id, filter, store::PageRequest{kToolsPerPage, cursor});
    if (!page) return error_response(s, req, page.error());
    mstch::array rows;
    const core::Date today = today_in(s.clock, m.org.time_zone);
    for (const auto& t : page->items) rows.push_back(tool_row_data(s, req, m, t, today));
    const std::string phase_query = phase.empty() ? "" : "phase=" + percent_encode(phase);
    mstch::map data = org_page_data(s, req, m);
    data.emplace("title", tr(s, req, "tools.list.title"));
    data.emplace("has_tools", !rows.empty());
    data.emplace("tools", std::move(rows));
    data.emplace("filtered", filter.phase.has_value());
    data.emplace("phases", phase_options(s, req, filter.phase));
    if (filter.phase) data.emplace("phase_label", phase_label(s, req, *filter.phase));
    data.emplace("paged", !page->next.empty() || !cursor.empty());
    if (!page->next.empty()) {
      data.emplace("next_url", tools_url(m) + "?" + phase_query + (phase_query.empty() ? "" : "&") +
                                   "cursor=" + percent_encode(page->next));
    }
    if (!cursor.empty()) {
      data.emplace("first_url", tools_url(m) + (phase_query.empty() ? "" : "?" + phase_query));
    }
    return render(s, req, "pages/tools", std::move(data));
  });
}

Response tool_page(auth::Auth& auth, Request& req) {
  return with_record(auth, req, [&](const auth::Membership& m, const core::ToolRecord& r) {
    Services& s = auth.services();
    mstch::map data = org_page_data(s, req, m);
    data.emplace("title", r.tool.name);
    data.emplace("tool", tool_data(s, req, m, r.tool));
    auto changes = store::audit_trail(s.store.audit(), m.org.id,
                                      store::AuditFilter{{"tool"}, std::to_string(r.tool.id.value)});
    if (!changes) return error_response(s, req, changes.error());
    store::AuditNames names(s.store.users());
    names.know(m.user);  // most changes of a tool are the reader's own
    mstch::array timeline = audit_view::tool_history(s, req, r.decisions, *changes, names,
                                                      m.org.time_zone);
    data.emplace("has_timeline", !timeline.empty());
    data.emplace("timeline", std::move(timeline));
    data.emplace("can_decide", !core::decisions_from(r.tool.phase).empty());
    data.emplace("reflections", reflections::tool_reflections_data(auth, req, m, r.tool));
    data.emplace("personas", personas::tool_section_data(s, req, m, r.tool));
    data.emplace("risk_section", risks::tool_section(auth, req, m, r.tool.id));
    const std::string saved = req.query.value("saved");
    if (saved == "created" || saved == "updated" || saved == "decided") {
      data.emplace("notice", tr(s, req, "tools.saved." + saved));
    }
    return render(s, req, "pages/tool", std::move(data));
  });
}

Response non_use_page(auth::Auth& auth, Request& req) {
  return for_member(auth, req, [&](const auth::Membership& m) {
    Services& s = auth.services();
    auto entries = s.store.tools().non_use_tools(m.org.id);
    if (!entries) return error_response(s, req, entries.error());
    mstch::array rows;
    for (const auto& e : *entries) {
      mstch::array principles = principle_notes_data(s, req, e.decision.principles);
      rows.push_back(mstch::map{
          {"name", e.tool.name},
          {"url", tool_url(m, e.tool.id)},
          {"date", e.decision.decided_on.str()},
          {"from_label", phase_label(s, req, e.decision.from)},
          {"rationale", e.decision.rationale},
          {"decided_by", e.decision.decided_by},
          {"has_principles", !principles.empty()},
          {"principles", principles},
      });
    }
    mstch::map data = org_page_data(s, req, m);
    data.emplace("title", tr(s, req, "tools.non_use.title"));
    data.emplace("entries", rows);
    data.emplace("has_entries", !rows.empty());
    return render(s, req, "pages/non_use", std::move(data));
  });
}

Response tool_export_md(auth::Auth& auth, Request& req) {
  return with_record(auth, req, [&](const auth::Membership&, const core::ToolRecord& r) {
    return attachment(core::tool_markdown(r, translator(auth.services(), req)),
                      "text/markdown; charset=utf-8",
                      "tool-" + std::to_string(r.tool.id.value) + ".md");
  });
}

Response tool_export_json(auth::Auth& auth, Request& req) {
  return with_record(auth, req, [&](const auth::Membership&, const core::ToolRecord& r) {
    return attachment(core::tool_record_json(r), "application/json",
                      "tool-" + std::to_string(r.tool.id.value) + ".json");
  });
}

Response tools_export_md(auth::Auth& auth, Request& req) {
  return with_register(auth, req, [&](const auth::Membership& m, const auto& records) {
    return attachment(core::register_markdown(m.org.name, records, translator(auth.services(), req)),
                      "text/markdown; charset=utf-8", "register-" + m.org.slug + ".md");
  });
}

Response tools_export_json(auth::Auth& auth, Request& req) {
  return with_register(auth, req, [&](const auth::Membership& m, const auto& records) {
    return attachment(core::register_json(records), "application/json",
                      "register-" + m.org.slug + ".json");
  });
}

namespace {

// The register as sheets in the language of `?lang=` (de or en), else the
// person's language; an unknown language is a 400.
template <typename Fn>
Response with_sheets(auth::Auth& auth, Request& req, Fn fn) {
  Services& s = auth.services();
  if (auto refused = export_language(s, req)) return std::move(*refused);
  return with_register(auth, req, [&](const auth::Membership& m, const auto& records) {
    auto lines = s.store.tools().red_lines(m.org.id);
    if (!lines) return error_response(s, req, lines.error());
    const auto sheets = core::register_sheets(
        records, *lines, translator(s, req), [&](int n) { return principle_name(s, req, n); });
    return fn(m, sheets);
  });
}

}  // namespace

Response tools_export_csv(auth::Auth& auth, Request& req) {
  return with_sheets(auth, req, [&](const auth::Membership& m, const auto& sheets) {
    return attachment(core::sheet_csv(sheets.front(), req.lang), "text/csv; charset=utf-8",
                      "register-" + m.org.slug + ".csv");
  });
}

Response tools_export_xlsx(auth::Auth& auth, Request& req) {
  return with_sheets(auth, req, [&](const auth::Membership& m, const auto& sheets) {
    auto bytes = xlsx_bytes(sheets, req.lang);
    if (!bytes) return error_response(auth.services(), req, bytes.error());
    return attachment(std::move(*bytes), kXlsxType, "register-" + m.org.slug + ".xlsx");
  });
}

}  // namespace solipraxis::web::handlers
