// SqlStore: an org's red lines (exclusion criteria checked by the transition
// gate) and its review interval setting. Every change is audited. A line a
// decision confirmed keeps its meaning: no rewording, no deletion.
#include <nlohmann/json.hpp>

#include "core/review.h"
#include "core/text_field.h"
#include "store/sql/rows.h"
#include "store/sql/sql_store.h"
#include "store/sql/tool_rows.h"

namespace solipraxis::store::sql {

using core::ErrorCode;
using core::make_error;
using nlohmann::json;

namespace {

std::string red_line_summary(const core::RedLine& l) {
  return json{{"text", l.text}, {"active", l.active}}.dump();
}

Result<core::RedLine> load_red_line(Tx& tx, OrgId org, core::RedLineId id) {
  auto rows = tx.query("SELECT " + std::string(kRedLineColumns) +
                           " FROM red_lines WHERE org_id = $1 AND id = $2",
                       {org.value, id.value});
  if (!rows) return rows.error();
  if (rows->empty()) return not_found("tools.error.red_line_not_found", "no such red line");
  return red_line_from(rows->front());
}

// A decision confirmed the line: it is history. It keeps its wording and
// stays (kConflict "tools.error.red_line_in_use"); it can only be deactivated.
Status refuse_if_confirmed(Tx& tx, OrgId org, core::RedLineId id, std::string_view what) {
  auto used = tx.query(
      "SELECT 1 FROM decision_red_lines WHERE org_id = $1 AND red_line_id = $2 LIMIT 1",
      {org.value, id.value});
  if (!used) return used.error();
  if (used->empty()) return {};
  return make_error(ErrorCode::kConflict, "tools.error.red_line_in_use",
                    "a decision confirmed this red line, so it cannot be " + std::string(what) +
                        "; deactivate it and write a new red line instead");
}

}  // namespace

Result<std::vector<core::RedLine>> SqlTools::red_lines(OrgId org) {
  return read_into<std::vector<core::RedLine>>(
      *db_, [&](Tx& tx, std::vector<core::RedLine>& out) -> Status {
        auto lines = load_red_lines(tx, org);
        if (!lines) return lines.error();
        out = std::move(*lines);
        return {};
      });
}

Result<core::RedLine> SqlTools::create_red_line(OrgId org, std::string_view text,
                                                const Actor& actor) {
  const auto now = clock_.now();
  core::RedLine line;
  line.text = std::string(core::trim(text));
  if (auto st = core::validate_red_line(line); !st) return st.error();
  return write_into<core::RedLine>(*db_, [&](Tx& tx, core::RedLine& out) -> Status {
    if (auto st = lock_org(tx, org); !st) return st;
    auto rows = tx.query(
        "INSERT INTO red_lines (org_id, text, active, created_at, updated_at) "
        "VALUES ($1, $2, 1, $3, $3) RETURNING " + std::string(kRedLineColumns),
        {org.value, value(line.text), now});
    if (!rows) return rows.error();
    out = red_line_from(rows->front());
    return write_audit(tx, org, actor, "red_line.create", "red_line",
                       std::to_string(out.id.value), "", red_line_summary(out), now);
  });
}

Result<core::RedLine> SqlTools::update_red_line(OrgId org, const core::RedLine& input,
                                                const Actor& actor) {
  const auto now = clock_.now();
  core::RedLine line = input;
  line.text = std::string(core::trim(line.text));
  if (auto st = core::validate_red_line(line); !st) return st.error();
  return write_into<core::RedLine>(*db_, [&](Tx& tx, core::RedLine& out) -> Status {
    auto before = load_red_line(tx, org, input.id);
    if (!before) return before.error();
    if (line.text != before->text) {
      if (auto st = refuse_if_confirmed(tx, org, input.id, "reworded"); !st) return st;
    }
    auto rows = tx.query(
        "UPDATE red_lines SET text = $3, active = $4, updated_at = $5 "
        "WHERE org_id = $1 AND id = $2 RETURNING " + std::string(kRedLineColumns),
        {org.value, input.id.value, value(line.text), std::int64_t{line.active}, now});
    if (!rows) return rows.error();
    out = red_line_from(rows->front());
    return write_audit(tx, org, actor, "red_line.update", "red_line",
                       std::to_string(out.id.value), red_line_summary(*before),
                       red_line_summary(out), now);
  });
}

Status SqlTools::delete_red_line(OrgId org, core::RedLineId id, const Actor& actor) {
  const auto now = clock_.now();
  return db_->write([&](Tx& tx) -> Status {
    auto before = load_red_line(tx, org, id);
    if (!before) return before.error();
    if (auto st = refuse_if_confirmed(tx, org, id, "deleted"); !st) return st;
    auto n = tx.exec("DELETE FROM red_lines WHERE org_id = $1 AND id = $2", {org.value, id.value});
    if (!n) return n.error();
    return write_audit(tx, org, actor, "red_line.delete", "red_line", std::to_string(id.value),
                       red_line_summary(*before), "", now);
  });
}

Result<int> SqlTools::review_interval_months(OrgId org) {
  return read_into<int>(*db_, [&](Tx& tx, int& out) -> Status {
    auto months = load_review_interval(tx, org);
    if (!months) return months.error();
    out = *months;
    return {};
  });
}

Status SqlTools::set_review_interval_months(OrgId org, int months, const Actor& actor) {
  if (auto st = core::validate_review_interval(months); !st) return st;
  const auto now = clock_.now();
  return db_->write([&](Tx& tx) -> Status {
    auto before = load_review_interval(tx, org);
    if (!before) return before.error();
    auto n = tx.exec("UPDATE orgs SET review_interval_months = $2 WHERE id = $1",
                     {org.value, std::int64_t{months}});
    if (!n) return n.error();
    return write_audit(tx, org, actor, "org.review_interval", "org", std::to_string(org.value),
                       json{{"review_interval_months", *before}}.dump(),
                       json{{"review_interval_months", months}}.dump(), now);
  });
}

}  // namespace solipraxis::store::sql
