#include "store/sql/risk_rows.h"

#include <unordered_map>

#include <nlohmann/json.hpp>

#include "core/text_field.h"
#include "store/sql/rows.h"

namespace solipraxis::store::sql {

using nlohmann::json;

namespace {

constexpr std::string_view kRiskColumns =
    "id, tool_id, description, group_text, affected, likelihood, impact, mitigation, owner_id, "
    "due, state, version, created_at, updated_at";

}  // namespace

std::string_view risk_columns() { return kRiskColumns; }

core::Risk risk_from(const Row& r) {
  core::Risk k;
  k.id = core::RiskId(r.int64(0));
  k.tool = core::ToolId(r.int64(1));
  k.description = r.text(2);
  k.group = r.text(3);
  k.affected = enum_or(r.text(4), core::parse_affected, core::Affected::kUsers);
  k.likelihood = enum_or(r.text(5), core::parse_level, core::Level::kMedium);
  k.impact = enum_or(r.text(6), core::parse_level, core::Level::kMedium);
  k.mitigation = r.text(7);
  if (!r.is_null(8)) k.owner = UserId(r.int64(8));
  if (!r.is_null(9)) {
    if (auto d = core::Date::parse(r.text(9))) k.due = *d;
  }
  k.state = enum_or(r.text(10), core::parse_risk_state, core::RiskState::kOpen);
  k.version = r.int64(11);
  k.created_at = r.int64(12);
  k.updated_at = r.int64(13);
  return k;
}

Status load_risk_personas(Tx& tx, OrgId org, std::vector<core::Risk>& risks) {
  if (risks.empty()) return {};
  auto rows = tx.query(
      "SELECT risk_id, persona_id FROM risk_personas WHERE org_id = $1 ORDER BY persona_id",
      {org.value});
  if (!rows) return rows.error();
  std::unordered_map<std::int64_t, core::Risk*> by_id;
  for (auto& k : risks) by_id[k.id.value] = &k;
  for (const Row& r : *rows) {
    if (auto it = by_id.find(r.int64(0)); it != by_id.end()) {
      it->second->personas.push_back(core::PersonaId(r.int64(1)));
    }
  }
  return {};
}

std::string risk_summary(const core::Risk& k) {
  return json{{"tool", k.tool.value},
              {"likelihood", core::level_name(k.likelihood)},
              {"impact", core::level_name(k.impact)},
              {"state", core::risk_state_name(k.state)},
              {"version", k.version}}
      .dump();
}

Status require_tool(Tx& tx, OrgId org, core::ToolId tool) {
  auto rows = tx.query("SELECT id FROM tools WHERE org_id = $1 AND id = $2",
                       {org.value, tool.value});
  if (!rows) return rows.error();
  if (rows->empty()) return not_found("tools.error.not_found", "no such tool");
  return {};
}

Result<core::Risk> load_risk(Tx& tx, OrgId org, core::RiskId id) {
  auto rows = tx.query("SELECT " + std::string(kRiskColumns) +
                           " FROM risks WHERE org_id = $1 AND id = $2",
                       {org.value, id.value});
  if (!rows) return rows.error();
  if (rows->empty()) return not_found("risks.error.not_found", "no such risk");
  core::Risk k = risk_from(rows->front());
  auto personas = tx.query(
      "SELECT persona_id FROM risk_personas WHERE org_id = $1 AND risk_id = $2 "
      "ORDER BY persona_id",
      {org.value, id.value});
  if (!personas) return personas.error();
  for (const Row& r : *personas) k.personas.push_back(core::PersonaId(r.int64(0)));
  return k;
}

Result<std::vector<core::RiskId>> risk_ids_naming(Tx& tx, OrgId org, core::PersonaId persona) {
  auto rows = tx.query(
      "SELECT risk_id FROM risk_personas WHERE org_id = $1 AND persona_id = $2 ORDER BY risk_id",
      {org.value, persona.value});
  if (!rows) return rows.error();
  std::vector<core::RiskId> out;
  for (const Row& r : *rows) out.push_back(core::RiskId(r.int64(0)));
  return out;
}

Status detach_persona_from_risk(Tx& tx, OrgId org, core::RiskId risk,
                                const core::Persona& persona, const Actor& actor,
                                core::UnixTime now) {
  auto before = load_risk(tx, org, risk);
  if (!before) return before.error();
  auto n = tx.exec("DELETE FROM risk_personas WHERE org_id = $1 AND risk_id = $2 AND persona_id = $3",
                   {org.value, risk.value, persona.id.value});
  if (!n) return n.error();
  const bool nobody_left = before->personas.size() <= 1 && core::is_blank(before->group);
  const std::string group =
      nobody_left ? persona.name.substr(0, core::kRiskGroupMax) : before->group;
  auto u = tx.exec(
      "UPDATE risks SET group_text = $3, version = version + 1, updated_at = $4 "
      "WHERE org_id = $1 AND id = $2",
      {org.value, risk.value, group, now});
  if (!u) return u.error();
  const json after{{"persona_removed", persona.id.value}, {"group", group}};
  return write_audit(tx, org, actor, "risk.update", "risk", std::to_string(risk.value),
                     risk_summary(*before), after.dump(), now);
}

}  // namespace solipraxis::store::sql
