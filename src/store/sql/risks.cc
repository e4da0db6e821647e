// Risks of the vulnerability risk matrix and their placement history. See
// store/risks.h for the guarantees, core/risk.h for the rules.
#include <algorithm>

#include "core/text_field.h"
#include "store/risks.h"
#include "store/sql/risk_rows.h"
#include "store/sql/rows.h"
#include "store/sql/sql_store.h"

namespace solipraxis::store::sql {

namespace {

Result<core::Risk> checked(core::Risk k) {
  core::normalize_risk(k);
  if (auto st = core::validate_risk(k); !st) return st.error();
  return k;
}

Value opt_date(const std::optional<core::Date>& d) { return d ? value(d->str()) : null_value(); }

// The personas named must be the org's; the owner must be a member.
Status check_refs(Tx& tx, OrgId org, const core::Risk& k) {
  for (core::PersonaId p : k.personas) {
    auto rows = tx.query("SELECT id FROM personas WHERE org_id = $1 AND id = $2",
                         {org.value, p.value});
    if (!rows) return rows.error();
    if (rows->empty()) {
      return not_found("personas.error.not_found", "no persona " + std::to_string(p.value));
    }
  }
  if (k.owner) {
    auto rows = tx.query("SELECT user_id FROM memberships WHERE org_id = $1 AND user_id = $2",
                         {org.value, k.owner->value});
    if (!rows) return rows.error();
    if (rows->empty()) {
      return core::make_error(core::ErrorCode::kInvalidInput, "risks.error.owner_not_member",
                              "the responsible person is not a member");
    }
  }
  return {};
}

Status write_personas(Tx& tx, OrgId org, const core::Risk& k) {
  auto n = tx.exec("DELETE FROM risk_personas WHERE org_id = $1 AND risk_id = $2",
                   {org.value, k.id.value});
  if (!n) return n.error();
  for (core::PersonaId p : k.personas) {
    auto i = tx.exec("INSERT INTO risk_personas (org_id, risk_id, persona_id) VALUES ($1, $2, $3)",
                     {org.value, k.id.value, p.value});
    if (!i) return i.error();
  }
  return {};
}

Status write_assessment(Tx& tx, OrgId org, const core::Risk& k, std::string_view reason,
                        const Actor& actor, core::UnixTime now) {
  auto n = tx.exec(
      "INSERT INTO risk_assessments (org_id, risk_id, likelihood, impact, reason, by_user, "
      "assessed_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
      {org.value, k.id.value, value(core::level_name(k.likelihood)),
       value(core::level_name(k.impact)), value(reason), opt_user(actor.user), now});
  if (!n) return n.error();
  return {};
}

}  // namespace

Result<std::vector<core::Risk>> SqlRisks::list(OrgId org, const RiskFilter& filter) {
  return read_into<std::vector<core::Risk>>(
      *db_, [&](Tx& tx, std::vector<core::Risk>& out) -> Status {
        std::string sql = "SELECT " + std::string(risk_columns()) + " FROM risks WHERE org_id = $1";
        Params params{org.value};
        if (filter.tool) {
          params.push_back(filter.tool->value);
          sql += " AND tool_id = $" + std::to_string(params.size());
        }
        if (filter.state) {
          params.push_back(value(core::risk_state_name(*filter.state)));
          sql += " AND state = $" + std::to_string(params.size());
        }
        if (filter.persona) {
          params.push_back(filter.persona->value);
          sql += " AND id IN (SELECT risk_id FROM risk_personas WHERE org_id = $1 AND "
                 "persona_id = $" + std::to_string(params.size()) + ")";
        }
        auto rows = tx.query(sql, params);
        if (!rows) return rows.error();
        for (const Row& r : *rows) out.push_back(risk_from(r));
        if (auto st = load_risk_personas(tx, org, out); !st) return st;
        std::sort(out.begin(), out.end(), core::attention_before);
        return {};
      });
}

Result<core::Risk> SqlRisks::get(OrgId org, RiskId id) {
  return read_into<core::Risk>(*db_, [&](Tx& tx, core::Risk& out) -> Status {
    auto k = load_risk(tx, org, id);
    if (!k) return k.error();
    out = std::move(*k);
    return {};
  });
}

Result<core::Risk> SqlRisks::create(OrgId org, const core::Risk& in, const Actor& actor) {
  auto k = checked(in);
  if (!k) return k.error();
  const auto now = clock_.now();
  return write_into<core::Risk>(*db_, [&](Tx& tx, core::Risk& out) -> Status {
    if (auto st = require_tool(tx, org, k->tool); !st) return st;
    if (auto st = check_refs(tx, org, *k); !st) return st;
    auto count = tx.query("SELECT COUNT(*) FROM risks WHERE org_id = $1", {org.value});
    if (!count) return count.error();
    if (static_cast<std::size_t>(count->front().int64(0)) >= kMaxRisksPerOrg) {
      return core::make_error(core::ErrorCode::kConflict, "risks.error.too_many",
                              "at most " + std::to_string(kMaxRisksPerOrg) + " risks");
    }
    auto rows = tx.query(
        "INSERT INTO risks (org_id, tool_id, description, group_text, affected, likelihood, "
        "impact, mitigation, owner_id, due, state, version, created_at, updated_at) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 1, $12, $12) RETURNING id",
        {org.value, k->tool.value, value(k->description), value(k->group),
         value(core::affected_name(k->affected)), value(core::level_name(k->likelihood)),
         value(core::level_name(k->impact)), value(k->mitigation), opt_user(k->owner),
         opt_date(k->due), value(core::risk_state_name(k->state)), now});
    if (!rows) return rows.error();
    out = std::move(*k);
    out.id = RiskId(rows->front().int64(0));
    out.version = 1;
    out.created_at = out.updated_at = now;
    if (auto st = write_personas(tx, org, out); !st) return st;
    if (auto st = write_assessment(tx, org, out, "", actor, now); !st) return st;
    return write_audit(tx, org, actor, "risk.create", "risk", std::to_string(out.id.value), "",
                       risk_summary(out), now);
  });
}

Result<core::Risk> SqlRisks::update(OrgId org, const core::Risk& in, std::string_view reason,
                                    std::int64_t expected_version, const Actor& actor) {
  auto k = checked(in);
  if (!k) return k.error();
  const auto now = clock_.now();
  return write_into<core::Risk>(*db_, [&](Tx& tx, core::Risk& out) -> Status {
    auto before = load_risk(tx, org, k->id);
    if (!before) return before.error();
    if (before->version != expected_version) {
      return core::make_error(core::ErrorCode::kConflict, "risks.error.stale",
                              "risk is at version " + std::to_string(before->version));
    }
    if (auto st = core::first_error(core::reassessment_errors(*before, *k, reason)); !st) {
      return st;
    }
    if (auto st = check_refs(tx, org, *k); !st) return st;
    auto n = tx.exec(
        "UPDATE risks SET description = $3, group_text = $4, affected = $5, likelihood = $6, "
        "impact = $7, mitigation = $8, owner_id = $9, due = $10, state = $11, "
        "version = version + 1, updated_at = $12 WHERE org_id = $1 AND id = $2",
        {org.value, k->id.value, value(k->description), value(k->group),
         value(core::affected_name(k->affected)), value(core::level_name(k->likelihood)),
         value(core::level_name(k->impact)), value(k->mitigation), opt_user(k->owner),
         opt_date(k->due), value(core::risk_state_name(k->state)), now});
    if (!n) return n.error();
    out = std::move(*k);
    out.tool = before->tool;
    out.version = before->version + 1;
    out.created_at = before->created_at;
    out.updated_at = now;
    if (auto st = write_personas(tx, org, out); !st) return st;
    if (out.likelihood != before->likelihood || out.impact != before->impact) {
      if (auto st = write_assessment(tx, org, out, core::trim(reason), actor, now); !st) return st;
    }
    return write_audit(tx, org, actor, "risk.update", "risk", std::to_string(out.id.value),
                       risk_summary(*before), risk_summary(out), now);
  });
}

Status SqlRisks::remove(OrgId org, RiskId id, const Actor& actor) {
  const auto now = clock_.now();
  return db_->write([&](Tx& tx) -> Status {
    auto before = load_risk(tx, org, id);
    if (!before) return before.error();
    for (const char* sql : {"DELETE FROM risk_assessments WHERE org_id = $1 AND risk_id = $2",
                            "DELETE FROM risk_personas WHERE org_id = $1 AND risk_id = $2",
                            "DELETE FROM risks WHERE org_id = $1 AND id = $2"}) {
      auto n = tx.exec(sql, {org.value, id.value});
      if (!n) return n.error();
    }
    return write_audit(tx, org, actor, "risk.delete", "risk", std::to_string(id.value),
                       risk_summary(*before), "", now);
  });
}

Result<std::vector<core::Assessment>> SqlRisks::history(OrgId org, RiskId id) {
  return read_into<std::vector<core::Assessment>>(
      *db_, [&](Tx& tx, std::vector<core::Assessment>& out) -> Status {
        if (auto k = load_risk(tx, org, id); !k) return k.error();
        auto rows = tx.query(
            "SELECT likelihood, impact, reason, by_user, assessed_at FROM risk_assessments "
            "WHERE org_id = $1 AND risk_id = $2 ORDER BY id",
            {org.value, id.value});
        if (!rows) return rows.error();
        for (const Row& r : *rows) {
          core::Assessment a;
          if (auto l = core::parse_level(r.text(0))) a.likelihood = *l;
          if (auto l = core::parse_level(r.text(1))) a.impact = *l;
          a.reason = r.text(2);
          if (!r.is_null(3)) a.by = UserId(r.int64(3));
          a.at = r.int64(4);
          out.push_back(std::move(a));
        }
        return {};
      });
}

}  // namespace solipraxis::store::sql
