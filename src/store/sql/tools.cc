// SqlStore: the AI tool register (tools, phase transitions, decisions, the
// non-use list and due reviews). Rules live in core (tool.h, transition.h);
// this file only loads, applies a core-checked plan and writes audit rows, each
// public call in one transaction.
//
// Invariant kept here: a tool's phase changes only together with the decision
// row that explains it, in the same transaction, guarded by the version read
// (UPDATE ... WHERE version = read version), so two concurrent moves cannot both
// apply to the same starting phase.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/tool_diff.h"
#include "core/transition.h"
#include "store/paging.h"
#include "store/sql/rows.h"
#include "store/sql/sql_store.h"
#include "store/sql/tool_rows.h"

namespace solipraxis::store::sql {

using core::ErrorCode;
using core::make_error;
using nlohmann::json;

namespace {

Value opt_text(const char* s, bool present) { return present ? value(s) : null_value(); }

std::string links_json(const std::vector<std::string>& links) { return json(links).dump(); }

// The editable columns, in the order of kEditableSet's placeholders $3..$24.
// personal_data_state holds the answer; the old 0/1 column personal_data is no
// longer read and gets 1 for "yes", 0 otherwise (see 0007_personal_data_state.sql).
constexpr std::string_view kEditableSet =
    "name = $3, vendor = $4, purpose = $5, target_groups = $6, hosting = $7, openness = $8, "
    "data_processed = $9, personal_data = $10, special_categories = $11, affected_users = $12, "
    "affected_non_users = $13, affected_groups = $14, cost = $15, contact = $16, "
    "links_json = $17, next_review = $18, is_public = $19, public_summary = $20, "
    "human_oversight = $21, risks = $22, updated_at = $23, personal_data_state = $24";

void add_editable(Params& p, const core::Tool& t, core::UnixTime now) {
  p.push_back(value(t.name));
  p.push_back(value(t.vendor));
  p.push_back(value(t.purpose));
  p.push_back(value(t.target_groups));
  p.push_back(opt_text(t.hosting ? core::hosting_name(*t.hosting) : "", t.hosting.has_value()));
  p.push_back(
      opt_text(t.openness ? core::openness_name(*t.openness) : "", t.openness.has_value()));
  p.push_back(value(t.data_processed));
  p.push_back(std::int64_t{t.personal_data == core::DataAnswer::kYes});
  p.push_back(std::int64_t{t.special_categories});
  p.push_back(value(t.affected_users));
  p.push_back(value(t.affected_non_users));
  p.push_back(value(t.affected_groups));
  p.push_back(value(t.cost));
  p.push_back(value(t.contact));
  p.push_back(value(links_json(t.links)));
  p.push_back(t.next_review ? value(t.next_review->str()) : null_value());
  p.push_back(std::int64_t{t.is_public});
  p.push_back(value(t.public_summary));
  p.push_back(value(t.human_oversight));
  p.push_back(value(t.risks));
  p.push_back(now);
  p.push_back(value(core::data_answer_name(t.personal_data)));
}

Status insert_decision(Tx& tx, const core::Decision& d, core::UnixTime now,
                       core::DecisionId& id) {
  auto rows = tx.query(
      "INSERT INTO decisions (org_id, tool_id, kind, from_phase, to_phase, rationale, "
      "decided_by, decided_on, recorded_by, created_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
      {d.org_id.value, d.tool_id.value, value(core::decision_kind_name(d.kind)),
       value(core::phase_name(d.from)), value(core::phase_name(d.to)), value(d.rationale),
       value(d.decided_by), value(d.decided_on.str()), opt_user(d.recorded_by), now});
  if (!rows) return rows.error();
  if (rows->empty()) return make_error(ErrorCode::kInternal, "error.internal", "no decision id");
  id = core::DecisionId(rows->front().int64(0));
  for (const auto& note : d.principles) {
    auto n = tx.exec(
        "INSERT INTO decision_principles (decision_id, org_id, principle, how) "
        "VALUES ($1, $2, $3, $4)",
        {id.value, d.org_id.value, std::int64_t{note.principle}, value(note.how)});
    if (!n) return n.error();
  }
  for (const auto& c : d.red_lines) {
    auto n = tx.exec(
        "INSERT INTO decision_red_lines (decision_id, org_id, red_line_id, text) "
        "VALUES ($1, $2, $3, $4)",
        {id.value, d.org_id.value, c.red_line.value, value(c.text)});
    if (!n) return n.error();
  }
  return {};
}

}  // namespace

Result<Page<core::Tool>> SqlTools::list_tools(OrgId org, const ToolFilter& filter,
                                              const PageRequest& page) {
  const int limit = page_limit(page);
  auto after = page_after(page);
  if (!after) return after.error();
  std::string sql =
      "SELECT " + std::string(kToolColumns) + " FROM tools WHERE org_id = $1 AND id > $2";
  Params params{org.value, *after};
  if (filter.phase) {
    params.push_back(value(core::phase_name(*filter.phase)));
    sql += " AND phase = $" + std::to_string(params.size());
  }
  if (filter.is_public) {
    params.push_back(std::int64_t{*filter.is_public});
    sql += " AND is_public = $" + std::to_string(params.size());
  }
  params.push_back(std::int64_t{limit + 1});
  sql += " ORDER BY id LIMIT $" + std::to_string(params.size());
  return read_into<Page<core::Tool>>(*db_, [&](Tx& tx, Page<core::Tool>& out) -> Status {
    auto rows = tx.query(sql, params);
    if (!rows) return rows.error();
    std::vector<core::Tool> tools;
    for (const Row& r : *rows) tools.push_back(tool_from(r));
    out = take_page(std::move(tools), limit, [](const core::Tool& t) { return t.id.value; });
    return {};
  });
}

Result<core::Tool> SqlTools::tool(OrgId org, core::ToolId id) {
  return read_into<core::Tool>(*db_, [&](Tx& tx, core::Tool& out) -> Status {
    auto t = load_tool(tx, org, id);
    if (!t) return t.error();
    out = std::move(*t);
    return {};
  });
}

Result<core::Tool> SqlTools::create_tool(OrgId org, const core::Tool& input, const Actor& actor) {
  const auto now = clock_.now();
  core::Tool t = input;
  core::normalize_tool(t);
  t.phase = core::Phase::kIdea;
  return write_into<core::Tool>(*db_, [&](Tx& tx, core::Tool& out) -> Status {
    if (auto st = lock_org(tx, org); !st) return st;
    auto today = load_org_today(tx, org, clock_);
    if (!today) return today.error();
    if (auto st = core::validate_tool(t, *today); !st) return st;
    Params p{org.value, value(core::phase_name(t.phase))};
    add_editable(p, t, now);
    auto rows = tx.query(
        "INSERT INTO tools (org_id, phase, name, vendor, purpose, target_groups, hosting, "
        "openness, data_processed, personal_data, special_categories, affected_users, "
        "affected_non_users, affected_groups, cost, contact, links_json, next_review, "
        "is_public, public_summary, human_oversight, risks, updated_at, personal_data_state, "
        "version, created_at) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, "
        "$18, $19, $20, $21, $22, $23, $24, 1, $23) RETURNING id",
        p);
    if (!rows) return rows.error();
    auto created = load_tool(tx, org, core::ToolId(rows->front().int64(0)));
    if (!created) return created.error();
    out = std::move(*created);
    return write_audit(tx, org, actor, "tool.create", "tool", std::to_string(out.id.value), "",
                       tool_summary(out), now);
  });
}

Result<core::Tool> SqlTools::update_tool(OrgId org, const core::Tool& input,
                                         std::int64_t expected_version, const Actor& actor) {
  const auto now = clock_.now();
  return write_into<core::Tool>(*db_, [&](Tx& tx, core::Tool& out) -> Status {
    auto stored = load_tool(tx, org, input.id);
    if (!stored) return stored.error();
    auto today = load_org_today(tx, org, clock_);
    if (!today) return today.error();
    if (stored->version != expected_version) return stale_version(expected_version, stored->version);
    core::Tool t = input;
    core::normalize_tool(t);
    t.phase = stored->phase;
    if (auto st = core::validate_tool(t, *today, stored->next_review); !st) return st;
    Params p{org.value, input.id.value};
    add_editable(p, t, now);
    p.push_back(expected_version);
    auto n = tx.exec("UPDATE tools SET " + std::string(kEditableSet) +
                         ", version = version + 1 WHERE org_id = $1 AND id = $2 AND version = $25",
                     p);
    if (!n) return n.error();
    if (*n == 0) return stale_version(expected_version, stored->version);
    auto saved = load_tool(tx, org, input.id);
    if (!saved) return saved.error();
    out = std::move(*saved);
    json after = json::parse(tool_summary(out));
    after["changed"] = core::changed_fields(*stored, out);  // shown in the tool's timeline
    return write_audit(tx, org, actor, "tool.update", "tool", std::to_string(out.id.value),
                       tool_summary(*stored), after.dump(), now);
  });
}

Result<ToolTransition> SqlTools::transition_tool(OrgId org, core::ToolId id,
                                                 const core::TransitionRequest& request,
                                                 std::optional<std::int64_t> expected_version,
                                                 const Actor& actor) {
  const auto now = clock_.now();
  return write_into<ToolTransition>(*db_, [&](Tx& tx, ToolTransition& out) -> Status {
    auto stored = load_tool(tx, org, id);
    if (!stored) return stored.error();
    auto today = load_org_today(tx, org, clock_);
    if (!today) return today.error();
    if (expected_version && stored->version != *expected_version) {
      return stale_version(*expected_version, stored->version);
    }
    auto lines = load_red_lines(tx, org);
    if (!lines) return lines.error();
    auto months = load_review_interval(tx, org);
    if (!months) return months.error();
    auto plan = core::plan_transition(*stored, request, *lines, *today, *months);
    if (!plan) return plan.error();
    plan->decision.created_at = now;
    if (auto st = insert_decision(tx, plan->decision, now, plan->decision.id); !st) return st;
    auto n = tx.exec(
        "UPDATE tools SET phase = $3, next_review = $4, version = version + 1, updated_at = $5 "
        "WHERE org_id = $1 AND id = $2 AND version = $6",
        {org.value, id.value, value(core::phase_name(plan->to)),
         plan->next_review ? value(plan->next_review->str()) : null_value(), now,
         stored->version});
    if (!n) return n.error();
    if (*n == 0) return stale_version(stored->version, stored->version + 1);
    auto moved = load_tool(tx, org, id);
    if (!moved) return moved.error();
    out.tool = std::move(*moved);
    out.decision = std::move(plan->decision);
    json after = json::parse(tool_summary(out.tool));
    after["decision"] = out.decision.id.value;
    after["kind"] = core::decision_kind_name(out.decision.kind);
    return write_audit(tx, org, actor, "tool.transition", "tool", std::to_string(id.value),
                       tool_summary(*stored), after.dump(), now);
  });
}

Result<core::ToolRecord> SqlTools::record(OrgId org, core::ToolId id) {
  return read_into<core::ToolRecord>(*db_, [&](Tx& tx, core::ToolRecord& out) -> Status {
    auto t = load_tool(tx, org, id);
    if (!t) return t.error();
    auto d = load_decisions(tx, org, id);
    if (!d) return d.error();
    out = core::ToolRecord{std::move(*t), std::move(*d)};
    return {};
  });
}

Result<std::vector<core::Decision>> SqlTools::decisions(OrgId org, core::ToolId tool) {
  return read_into<std::vector<core::Decision>>(
      *db_, [&](Tx& tx, std::vector<core::Decision>& out) -> Status {
        if (auto st = tool_exists(tx, org, tool); !st) return st;
        auto d = load_decisions(tx, org, tool);
        if (!d) return d.error();
        out = std::move(*d);
        return {};
      });
}

Result<std::vector<NonUseEntry>> SqlTools::non_use_tools(OrgId org) {
  return read_into<std::vector<NonUseEntry>>(
      *db_, [&](Tx& tx, std::vector<NonUseEntry>& out) -> Status {
        auto rows = tx.query("SELECT " + std::string(kToolColumns) +
                                 " FROM tools WHERE org_id = $1 AND phase = 'rejected'",
                             {org.value});
        if (!rows) return rows.error();
        for (const Row& r : *rows) {
          NonUseEntry e;
          e.tool = tool_from(r);
          auto d = load_decisions(tx, org, e.tool.id);
          if (!d) return d.error();
          for (auto& decision : *d) {
            if (decision.to == core::Phase::kRejected) e.decision = std::move(decision);
          }
          out.push_back(std::move(e));
        }
        std::sort(out.begin(), out.end(), [](const NonUseEntry& a, const NonUseEntry& b) {
          return a.decision.id > b.decision.id;
        });
        return {};
      });
}

Result<std::vector<core::Tool>> SqlTools::tools_due_for_review(OrgId org, core::Date until) {
  return read_into<std::vector<core::Tool>>(
      *db_, [&](Tx& tx, std::vector<core::Tool>& out) -> Status {
        auto rows = tx.query(
            "SELECT " + std::string(kToolColumns) +
                " FROM tools WHERE org_id = $1 AND phase IN ('pilot', 'in_use', 'evaluation') "
                "AND next_review IS NOT NULL AND next_review <= $2 ORDER BY next_review, id",
            {org.value, value(until.str())});
        if (!rows) return rows.error();
        for (const Row& r : *rows) out.push_back(tool_from(r));
        return {};
      });
}

}  // namespace solipraxis::store::sql
