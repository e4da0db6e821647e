#include "store/sql/tool_rows.h"

#include <algorithm>
#include <map>
#include <tuple>

#include <nlohmann/json.hpp>

#include "store/sql/rows.h"
#include "store/time_zone.h"

namespace solipraxis::store::sql {

using core::ErrorCode;
using core::make_error;
using nlohmann::json;

namespace {

std::optional<core::Date> opt_date(const Row& r, std::size_t i) {
  if (r.is_null(i)) return std::nullopt;
  auto d = core::Date::parse(r.text(i));
  if (!d) return std::nullopt;
  return *d;
}

}  // namespace

core::Tool tool_from(const Row& r) {
  core::Tool t;
  t.id = core::ToolId(r.int64(0));
  t.org_id = OrgId(r.int64(1));
  t.name = r.text(2);
  t.vendor = r.text(3);
  t.purpose = r.text(4);
  t.target_groups = r.text(5);
  if (!r.is_null(6)) {
    if (auto h = core::parse_hosting(r.text(6))) t.hosting = *h;
  }
  if (!r.is_null(7)) {
    if (auto o = core::parse_openness(r.text(7))) t.openness = *o;
  }
  t.data_processed = r.text(8);
  if (auto a = core::parse_data_answer(r.text(9))) t.personal_data = *a;  // CHECKed in SQL
  t.special_categories = r.int64(10) != 0;
  t.affected_users = r.text(11);
  t.affected_non_users = r.text(12);
  t.affected_groups = r.text(13);
  t.cost = r.text(14);
  t.contact = r.text(15);
  t.links = strings_from_json(r.text(16));
  if (auto p = core::parse_phase(r.text(17))) t.phase = *p;
  t.next_review = opt_date(r, 18);
  t.is_public = r.int64(19) != 0;
  t.public_summary = r.text(20);
  t.human_oversight = r.text(21);
  t.risks = r.text(22);
  t.version = r.int64(23);
  t.created_at = r.int64(24);
  t.updated_at = r.int64(25);
  return t;
}

core::RedLine red_line_from(const Row& r) {
  core::RedLine l;
  l.id = core::RedLineId(r.int64(0));
  l.org_id = OrgId(r.int64(1));
  l.text = r.text(2);
  l.active = r.int64(3) != 0;
  l.created_at = r.int64(4);
  l.updated_at = r.int64(5);
  return l;
}

core::Decision decision_from(const Row& r) {
  core::Decision d;
  d.id = core::DecisionId(r.int64(0));
  d.org_id = OrgId(r.int64(1));
  d.tool_id = core::ToolId(r.int64(2));
  if (auto k = core::parse_decision_kind(r.text(3))) d.kind = *k;
  if (auto p = core::parse_phase(r.text(4))) d.from = *p;
  if (auto p = core::parse_phase(r.text(5))) d.to = *p;
  d.rationale = r.text(6);
  d.decided_by = r.text(7);
  if (auto date = core::Date::parse(r.text(8))) d.decided_on = *date;
  if (!r.is_null(9)) d.recorded_by = UserId(r.int64(9));
  d.created_at = r.int64(10);
  return d;
}

std::string tool_summary(const core::Tool& t) {
  return json{{"name", t.name},
              {"phase", core::phase_name(t.phase)},
              {"next_review", t.next_review ? t.next_review->str() : ""},
              {"public", t.is_public},
              {"version", t.version}}
      .dump();
}

Result<core::Tool> load_tool(Tx& tx, OrgId org, core::ToolId id) {
  auto rows = tx.query(
      "SELECT " + std::string(kToolColumns) + " FROM tools WHERE org_id = $1 AND id = $2",
      {org.value, id.value});
  if (!rows) return rows.error();
  if (rows->empty()) return not_found("tools.error.not_found", "no such tool in this org");
  return tool_from(rows->front());
}

Status tool_exists(Tx& tx, OrgId org, core::ToolId id) {
  auto rows = tx.query("SELECT 1 FROM tools WHERE org_id = $1 AND id = $2", {org.value, id.value});
  if (!rows) return rows.error();
  if (rows->empty()) return not_found("tools.error.not_found", "no such tool in this org");
  return {};
}

Result<std::vector<core::RedLine>> load_red_lines(Tx& tx, OrgId org) {
  auto rows = tx.query(
      "SELECT " + std::string(kRedLineColumns) + " FROM red_lines WHERE org_id = $1 ORDER BY id",
      {org.value});
  if (!rows) return rows.error();
  std::vector<core::RedLine> out;
  for (const Row& r : *rows) out.push_back(red_line_from(r));
  return out;
}

Result<std::vector<core::Decision>> load_decisions(Tx& tx, OrgId org, core::ToolId tool) {
  // Sorted here, not by ORDER BY: a tool has few decisions, and SQLite set up a
  // sorter for each read of a tool page (issue 20).
  auto rows = tx.query("SELECT " + std::string(kDecisionColumns) +
                           " FROM decisions WHERE org_id = $1 AND tool_id = $2",
                       {org.value, tool.value});
  if (!rows) return rows.error();
  std::vector<core::Decision> out;
  out.reserve(rows->size());
  for (const Row& r : *rows) out.push_back(decision_from(r));
  std::sort(out.begin(), out.end(), [](const core::Decision& a, const core::Decision& b) {
    return std::tie(a.decided_on, a.id.value) < std::tie(b.decided_on, b.id.value);
  });
  std::map<std::int64_t, std::size_t> index;
  for (std::size_t i = 0; i < out.size(); ++i) index[out[i].id.value] = i;
  if (out.empty()) return out;
  const std::string of_tool =
      " AND decision_id IN (SELECT id FROM decisions WHERE org_id = $1 AND tool_id = $2)";
  auto notes = tx.query(
      "SELECT decision_id, principle, how FROM decision_principles WHERE org_id = $1" + of_tool +
          " ORDER BY decision_id, principle",
      {org.value, tool.value});
  if (!notes) return notes.error();
  for (const Row& r : *notes) {
    auto it = index.find(r.int64(0));
    if (it == index.end()) continue;
    out[it->second].principles.push_back(
        core::PrincipleNote{static_cast<int>(r.int64(1)), r.text(2)});
  }
  auto confirmed = tx.query(
      "SELECT decision_id, red_line_id, text FROM decision_red_lines WHERE org_id = $1" + of_tool +
          " ORDER BY decision_id, red_line_id",
      {org.value, tool.value});
  if (!confirmed) return confirmed.error();
  for (const Row& r : *confirmed) {
    auto it = index.find(r.int64(0));
    if (it == index.end()) continue;
    out[it->second].red_lines.push_back(
        core::RedLineConfirmation{core::RedLineId(r.int64(1)), r.text(2)});
  }
  return out;
}

Result<int> load_review_interval(Tx& tx, OrgId org) {
  auto rows = tx.query("SELECT review_interval_months FROM orgs WHERE id = $1", {org.value});
  if (!rows) return rows.error();
  if (rows->empty()) return not_found("error.org.not_found", "no such org");
  return static_cast<int>(rows->front().int64(0));
}

Result<core::Date> load_org_today(Tx& tx, OrgId org, const core::Clock& clock) {
  auto rows = tx.query("SELECT time_zone FROM orgs WHERE id = $1", {org.value});
  if (!rows) return rows.error();
  if (rows->empty()) return not_found("error.org.not_found", "no such org");
  return today_in(clock, rows->front().text(0));
}

core::Error stale_version(std::int64_t expected, std::int64_t stored) {
  return make_error(ErrorCode::kConflict, "tools.error.stale_version",
                    "the tool was changed meanwhile (you edited version " +
                        std::to_string(expected) + ", stored is " + std::to_string(stored) +
                        "); reload and apply your changes again");
}

}  // namespace solipraxis::store::sql
