// Personas and their attachment to tools. See store/personas.h for the
// guarantees, core/persona.h for the rules.
#include <nlohmann/json.hpp>

#include "store/personas.h"
#include "store/sql/risk_rows.h"
#include "store/sql/rows.h"
#include "store/sql/sql_store.h"

namespace solipraxis::store::sql {

using nlohmann::json;

namespace {

constexpr std::string_view kPersonaColumns =
    "id, name, story, place, origin, languages_json, age, gender, gender_text, skills, device, "
    "connectivity, use_likelihood, tags_json, example_id, version, created_at, updated_at";

core::Persona persona_from(const Row& r) {
  core::Persona p;
  p.id = PersonaId(r.int64(0));
  p.name = r.text(1);
  p.story = r.text(2);
  p.place = enum_or(r.text(3), core::parse_place, core::Place{});
  p.origin = r.text(4);
  p.languages = strings_from_json(r.text(5));
  if (!r.is_null(6)) p.age = static_cast<int>(r.int64(6));
  p.gender = enum_or(r.text(7), core::parse_gender, core::Gender{});
  p.gender_text = r.text(8);
  p.skills = enum_or(r.text(9), core::parse_skills, core::Skills{});
  p.device = enum_or(r.text(10), core::parse_device, core::Device{});
  p.connectivity = enum_or(r.text(11), core::parse_connectivity, core::Connectivity{});
  p.use = enum_or(r.text(12), core::parse_use, core::Use{});
  p.tags = strings_from_json(r.text(13));
  p.example_id = r.text(14);
  p.version = r.int64(15);
  p.created_at = r.int64(16);
  p.updated_at = r.int64(17);
  return p;
}

// `head`, then the persona's fields in the column order of kPersonaColumns
// 1..14, then `now`.
Params persona_params(Params head, const core::Persona& p, core::UnixTime now) {
  Params fields{value(p.name),
          value(p.story),
          value(core::place_name(p.place)),
          value(p.origin),
          json(p.languages).dump(),
          p.age ? Value{std::int64_t{*p.age}} : null_value(),
          value(core::gender_name(p.gender)),
          value(p.gender_text),
          value(core::skills_name(p.skills)),
          value(core::device_name(p.device)),
          value(core::connectivity_name(p.connectivity)),
          value(core::use_name(p.use)),
          json(p.tags).dump(),
          value(p.example_id)};
  for (auto& v : fields) head.push_back(std::move(v));
  head.push_back(now);
  return head;
}

std::string summary(const core::Persona& p) {
  return json{{"name", p.name},
              {"use", core::use_name(p.use)},
              {"version", p.version}}
      .dump();
}

Result<std::vector<core::Persona>> query_personas(Tx& tx, std::string_view where,
                                                  const Params& params) {
  auto rows = tx.query("SELECT " + std::string(kPersonaColumns) + " FROM personas WHERE " +
                           std::string(where) + " ORDER BY name, id",
                       params);
  if (!rows) return rows.error();
  std::vector<core::Persona> out;
  for (const Row& r : *rows) out.push_back(persona_from(r));
  return out;
}

Result<core::Persona> load_persona(Tx& tx, OrgId org, PersonaId id) {
  auto found = query_personas(tx, "org_id = $1 AND id = $2", {org.value, id.value});
  if (!found) return found.error();
  if (found->empty()) return not_found("personas.error.not_found", "no such persona");
  return found->front();
}

Result<core::Persona> checked(core::Persona p) {
  core::normalize_persona(p);
  if (auto st = core::validate_persona(p); !st) return st.error();
  return p;
}

}  // namespace

Result<std::vector<core::Persona>> SqlPersonas::list(OrgId org) {
  return read_into<std::vector<core::Persona>>(
      *db_, [&](Tx& tx, std::vector<core::Persona>& out) -> Status {
        auto found = query_personas(tx, "org_id = $1", {org.value});
        if (!found) return found.error();
        out = std::move(*found);
        return {};
      });
}

Result<core::Persona> SqlPersonas::get(OrgId org, PersonaId id) {
  return read_into<core::Persona>(*db_, [&](Tx& tx, core::Persona& out) -> Status {
    auto p = load_persona(tx, org, id);
    if (!p) return p.error();
    out = std::move(*p);
    return {};
  });
}

Result<core::Persona> SqlPersonas::create(OrgId org, const core::Persona& in,
                                          const Actor& actor) {
  auto p = checked(in);
  if (!p) return p.error();
  const auto now = clock_.now();
  return write_into<core::Persona>(*db_, [&](Tx& tx, core::Persona& out) -> Status {
    auto count = tx.query("SELECT COUNT(*) FROM personas WHERE org_id = $1", {org.value});
    if (!count) return count.error();
    if (static_cast<std::size_t>(count->front().int64(0)) >= kMaxPersonasPerOrg) {
      return core::make_error(core::ErrorCode::kConflict, "personas.error.too_many",
                              "at most " + std::to_string(kMaxPersonasPerOrg) + " personas");
    }
    const Params params = persona_params({org.value}, *p, now);
    auto rows = tx.query(
        "INSERT INTO personas (org_id, name, story, place, origin, languages_json, age, gender, "
        "gender_text, skills, device, connectivity, use_likelihood, tags_json, example_id, "
        "version, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, "
        "$12, $13, $14, $15, 1, $16, $16) RETURNING id",
        params);
    if (!rows) return rows.error();
    out = std::move(*p);
    out.id = PersonaId(rows->front().int64(0));
    out.version = 1;
    out.created_at = out.updated_at = now;
    return write_audit(tx, org, actor, "persona.create", "persona", std::to_string(out.id.value),
                       "", summary(out), now);
  });
}

Result<core::Persona> SqlPersonas::update(OrgId org, const core::Persona& in,
                                          std::int64_t expected_version, const Actor& actor) {
  auto p = checked(in);
  if (!p) return p.error();
  const auto now = clock_.now();
  return write_into<core::Persona>(*db_, [&](Tx& tx, core::Persona& out) -> Status {
    auto before = load_persona(tx, org, p->id);
    if (!before) return before.error();
    if (before->version != expected_version) {
      return core::make_error(core::ErrorCode::kConflict, "personas.error.stale",
                              "persona is at version " + std::to_string(before->version));
    }
    const Params params = persona_params({org.value, p->id.value}, *p, now);
    auto n = tx.exec(
        "UPDATE personas SET name = $3, story = $4, place = $5, origin = $6, languages_json = $7, "
        "age = $8, gender = $9, gender_text = $10, skills = $11, device = $12, "
        "connectivity = $13, use_likelihood = $14, tags_json = $15, example_id = $16, "
        "version = version + 1, updated_at = $17 WHERE org_id = $1 AND id = $2",
        params);
    if (!n) return n.error();
    out = std::move(*p);
    out.version = before->version + 1;
    out.created_at = before->created_at;
    out.updated_at = now;
    return write_audit(tx, org, actor, "persona.update", "persona", std::to_string(out.id.value),
                       summary(*before), summary(out), now);
  });
}

Status SqlPersonas::remove(OrgId org, PersonaId id, bool detach_from_risks, const Actor& actor) {
  const auto now = clock_.now();
  return db_->write([&](Tx& tx) -> Status {
    auto p = load_persona(tx, org, id);
    if (!p) return p.error();
    auto using_risks = risk_ids_naming(tx, org, id);
    if (!using_risks) return using_risks.error();
    if (!using_risks->empty() && !detach_from_risks) {
      std::string ids;
      for (auto r : *using_risks) ids += (ids.empty() ? "" : ",") + std::to_string(r.value);
      return core::make_error(core::ErrorCode::kConflict, "personas.error.in_use", ids);
    }
    for (core::RiskId risk : *using_risks) {
      if (auto st = detach_persona_from_risk(tx, org, risk, *p, actor, now); !st) return st;
    }
    for (const char* sql : {"DELETE FROM tool_personas WHERE org_id = $1 AND persona_id = $2",
                            "DELETE FROM personas WHERE org_id = $1 AND id = $2"}) {
      auto n = tx.exec(sql, {org.value, id.value});
      if (!n) return n.error();
    }
    return write_audit(tx, org, actor, "persona.delete", "persona", std::to_string(id.value),
                       summary(*p), "", now);
  });
}

Result<std::vector<core::Persona>> SqlPersonas::of_tool(OrgId org, core::ToolId tool) {
  return read_into<std::vector<core::Persona>>(
      *db_, [&](Tx& tx, std::vector<core::Persona>& out) -> Status {
        auto found = query_personas(
            tx,
            "org_id = $1 AND id IN (SELECT persona_id FROM tool_personas "
            "WHERE org_id = $1 AND tool_id = $2)",
            {org.value, tool.value});
        if (!found) return found.error();
        out = std::move(*found);
        return {};
      });
}

namespace {

// Attaches (`attach`) or detaches a persona; audited only when something changed.
Status change_attachment(Tx& tx, OrgId org, core::ToolId tool, PersonaId persona, bool attach,
                         const Actor& actor, core::UnixTime now) {
  if (auto t = require_tool(tx, org, tool); !t) return t;
  auto p = load_persona(tx, org, persona);
  if (!p) return p.error();
  auto n = attach ? tx.exec("INSERT INTO tool_personas (org_id, tool_id, persona_id, created_at) "
                            "VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
                            {org.value, tool.value, persona.value, now})
                  : tx.exec("DELETE FROM tool_personas WHERE org_id = $1 AND tool_id = $2 AND "
                            "persona_id = $3",
                            {org.value, tool.value, persona.value});
  if (!n) return n.error();
  if (*n == 0) return {};
  const std::string summary = json{{"persona", persona.value}, {"name", p->name}}.dump();
  return write_audit(tx, org, actor, attach ? "persona.attach" : "persona.detach", "tool",
                     std::to_string(tool.value), attach ? "" : summary, attach ? summary : "",
                     now);
}

}  // namespace

Status SqlPersonas::attach(OrgId org, core::ToolId tool, PersonaId persona, const Actor& actor) {
  const auto now = clock_.now();
  return db_->write(
      [&](Tx& tx) { return change_attachment(tx, org, tool, persona, true, actor, now); });
}

Status SqlPersonas::detach(OrgId org, core::ToolId tool, PersonaId persona, const Actor& actor) {
  const auto now = clock_.now();
  return db_->write(
      [&](Tx& tx) { return change_attachment(tx, org, tool, persona, false, actor, now); });
}

}  // namespace solipraxis::store::sql
