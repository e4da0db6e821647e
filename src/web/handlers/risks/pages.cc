// Read-only pages of the risk matrix (see risks.h), and what the tool page,
// the dashboard and the reviews page show of it.
#include <utility>

#include "core/risk_export.h"
#include "store/risk_names.h"
#include "store/risks.h"
#include "store/store.h"
#include "web/handlers/risks/risk_views.h"
#include "web/handlers/risks/risks.h"
#include "web/handlers/site/dashboard.h"
#include "web/handlers/tools/tool_views.h"
#include "web/i18n.h"
#include "web/page.h"
#include "web/time_zone.h"

namespace solipraxis::web::handlers::risks {

using namespace risk_views;
using tool_views::for_member;

namespace {

// The notice after a save, by the "saved" query parameter.
void add_notice(const Services& s, const Request& req, mstch::map& data) {
  const std::string saved = req.query.value("saved");
  if (saved == "created" || saved == "updated" || saved == "deleted") {
    data.emplace("notice", tr(s, req, "risks.saved." + saved));
  }
}

mstch::array rows_of(const Services& s, const Request& req, const auth::Membership& m,
                     const std::vector<core::Risk>& risks, const store::RiskNameBook& names) {
  const core::Date today = today_in(s.clock, m.org.time_zone);
  mstch::array rows;
  for (const auto& r : risks) rows.push_back(risk_row(s, req, m, r, names, today));
  return rows;
}

// The history as people read it: who, when, from where to where, why.
mstch::array history_rows(const Services& s, const Request& req, const auth::Membership& m,
                          const std::vector<core::Assessment>& history,
                          const store::RiskNameBook& names) {
  mstch::array out;
  for (std::size_t i = 0; i < history.size(); ++i) {
    const core::Assessment& a = history[i];
    const std::string by = a.by ? names.member(*a.by) : std::string();
    auto place = [&](const core::Assessment& p) {
      return format_message(tr(s, req, "risks.history.place"),
                            {{"likelihood", level_label(s, req, p.likelihood)},
                             {"impact", level_label(s, req, p.impact)}});
    };
    out.push_back(mstch::map{
        {"first", i == 0},
        {"from", i == 0 ? std::string() : place(history[i - 1])},
        {"to", place(a)},
        {"reason", a.reason},
        {"has_reason", !a.reason.empty()},
        {"who", by.empty() ? tr(s, req, "risks.history.unknown") : by},
        {"when", readable_time(a.at, m.org.time_zone, req.lang)},
        {"iso", core::utc_timestamp(a.at)},
    });
  }
  return out;
}

}  // namespace

Response tool_matrix_page(auth::Auth& auth, Request& req) {
  return for_member(auth, req, [&](const auth::Membership& m) {
    Services& s = auth.services();
    auto tool = tool_views::tool_of_request(s, req, m);
    if (!tool) return error_response(s, req, tool.error());
    auto risks = s.store.risks().list(m.org.id, store::RiskFilter{.tool = tool->id});
    if (!risks) return error_response(s, req, risks.error());
    auto names = store::load_risk_names(s.store, m.org.id);
    if (!names) return error_response(s, req, names.error());
    mstch::map data = org_page_data(s, req, m);
    data.emplace("title", format_message(tr(s, req, "risks.tool.title"), {{"tool", tool->name}}));
    data.emplace("tool", mstch::map{{"name", tool->name},
                                    {"url", tool_views::tool_url(m, tool->id)},
                                    {"risks_url", tool_risks_url(m, tool->id)}});
    data.emplace("matrix", matrix_data(s, req, m, tool->name, *risks, names.value()));
    mstch::array rows = rows_of(s, req, m, *risks, *names);
    data.emplace("has_risks", !rows.empty());
    data.emplace("risks", rows);
    data.emplace("org_risks_url", org_risks_url(m));
    data.emplace("export_base", tool_risks_url(m, tool->id));
    add_notice(s, req, data);
    return render(s, req, "risks/tool", std::move(data));
  });
}

Response overview_page(auth::Auth& auth, Request& req) {
  return for_member(auth, req, [&](const auth::Membership& m) {
    Services& s = auth.services();
    auto risks = s.store.risks().list(m.org.id, {});  // core::attention_before order
    if (!risks) return error_response(s, req, risks.error());
    auto names = store::load_risk_names(s.store, m.org.id);
    if (!names) return error_response(s, req, names.error());
    std::size_t urgent = 0;
    for (const auto& r : *risks) urgent += core::unmitigated_high(r) ? 1 : 0;
    mstch::map data = org_page_data(s, req, m);
    data.emplace("title", tr(s, req, "risks.overview.title"));
    mstch::array rows = rows_of(s, req, m, *risks, *names);
    data.emplace("has_risks", !rows.empty());
    data.emplace("risks", rows);
    data.emplace("show_tool", true);
    data.emplace("export_base", org_risks_url(m));
    data.emplace("urgent", urgent == 0 ? mstch::node(false)
                                       : mstch::node(format_message(
                                             tr(s, req, "risks.overview.urgent"),
                                             {{"count", std::to_string(urgent)}})));
    add_notice(s, req, data);
    return render(s, req, "risks/overview", std::move(data));
  });
}

Response risk_page(auth::Auth& auth, Request& req) {
  return for_member(auth, req, [&](const auth::Membership& m) {
    Services& s = auth.services();
    auto risk = risk_of_request(s, req, m);
    if (!risk) return error_response(s, req, risk.error());
    auto history = s.store.risks().history(m.org.id, risk->id);
    if (!history) return error_response(s, req, history.error());
    auto names = store::load_risk_names(s.store, m.org.id);
    if (!names) return error_response(s, req, names.error());
    mstch::map data = org_page_data(s, req, m);
    data.emplace("title", core::risk_label(*risk) + ": " + names->tool(risk->tool));
    data.emplace("risk", risk_row(s, req, m, *risk, *names, today_in(s.clock, m.org.time_zone)));
    data.emplace("history", history_rows(s, req, m, *history, *names));
    add_notice(s, req, data);
    return render(s, req, "risks/risk", std::move(data));
  });
}

mstch::map tool_section(auth::Auth& auth, const Request& req, const auth::Membership& m,
                        core::ToolId tool) {
  Services& s = auth.services();
  mstch::map out{{"url", tool_risks_url(m, tool)}};
  auto risks = s.store.risks().list(m.org.id, store::RiskFilter{.tool = tool});
  if (!risks) return out;  // the tool page still shows, with the link
  const core::Date today = today_in(s.clock, m.org.time_zone);
  std::size_t urgent = 0, late = 0;
  for (const auto& r : *risks) {
    urgent += core::unmitigated_high(r) ? 1 : 0;
    late += core::overdue(r, today) ? 1 : 0;
  }
  auto line = [&](std::string_view key, std::size_t n) -> mstch::node {
    if (n == 0) return false;
    return format_message(tr(s, req, key), {{"count", std::to_string(n)}});
  };
  out.emplace("count", line("risks.section.count", risks->size()));
  out.emplace("none", risks->empty());
  out.emplace("urgent", line("risks.section.urgent", urgent));
  out.emplace("overdue", line("risks.section.overdue", late));
  return out;
}

std::optional<std::size_t> unmitigated_high_count(auth::Auth& auth, const auth::Membership& m) {
  auto risks = auth.services().store.risks().list(m.org.id, {});
  if (!risks) return std::nullopt;
  std::size_t n = 0;
  for (const auto& r : *risks) n += core::unmitigated_high(r) ? 1 : 0;
  return n;
}

mstch::array overdue_rows(auth::Auth& auth, const Request& req, const auth::Membership& m) {
  Services& s = auth.services();
  auto risks = s.store.risks().list(m.org.id, store::RiskFilter{.state = core::RiskState::kOpen});
  if (!risks) return {};
  const core::Date today = today_in(s.clock, m.org.time_zone);
  std::vector<core::Risk> late;
  for (auto& r : *risks) {
    if (core::overdue(r, today)) late.push_back(std::move(r));
  }
  if (late.empty()) return {};
  auto names = store::load_risk_names(s.store, m.org.id);
  if (!names) return {};
  return rows_of(s, req, m, late, *names);
}

core::Status add_mitigation_events(Services& s, const Request& req, const store::Org& org,
                                   const std::string& base_url, core::Calendar& cal) {
  auto risks = s.store.risks().list(org.id, store::RiskFilter{.state = core::RiskState::kOpen});
  if (!risks) return risks.error();
  auto names = store::load_risk_names(s.store, org.id);
  if (!names) return names.error();
  for (const core::Risk& r : *risks) {
    if (!r.due) continue;
    const std::string id = std::to_string(r.id.value);
    cal.events.push_back(core::CalendarEvent{
        .uid = "mitigation-risk-" + id + "-" + org.slug + "@solipraxis",
        .date = *r.due,
        .summary = tr(s, req, "risks.ics.summary") + ": " + names->tool(r.tool) + " (" +
                   core::risk_label(r) + ")",
        .description = tr(s, req, "risks.field.likelihood") + ": " +
                       level_label(s, req, r.likelihood) + "; " + tr(s, req, "risks.field.impact") +
                       ": " + level_label(s, req, r.impact),
        .url = base_url + "/o/" + org.slug + "/risks/" + id,
        .sequence = static_cast<int>(r.version),
    });
  }
  return core::ok_status();
}

}  // namespace solipraxis::web::handlers::risks
