// Action items in a tool's record: see store/action_items.h.
#include <nlohmann/json.hpp>

#include "store/sql/rows.h"
#include "store/sql/sql_store.h"

namespace solipraxis::store::sql {

namespace {

constexpr std::string_view kItemColumns =
    "id, tool_id, text, responsible, due, done, session_id, created_at, done_at";

ActionItem item_from(const Row& r) {
  ActionItem a;
  a.id = r.int64(0);
  a.tool = core::ToolId(r.int64(1));
  a.text = r.text(2);
  if (!r.is_null(3)) a.responsible = UserId(r.int64(3));
  if (auto d = core::Date::parse(r.text(4))) a.due = *d;
  a.done = r.int64(5) != 0;
  if (!r.is_null(6)) a.session = r.int64(6);
  a.created_at = r.int64(7);
  if (!r.is_null(8)) a.done_at = r.int64(8);
  return a;
}

}  // namespace

Result<std::vector<ActionItem>> SqlActionItems::items(OrgId org, std::optional<core::ToolId> tool,
                                                      bool open_only) {
  return read_into<std::vector<ActionItem>>(
      *db_, [&](Tx& tx, std::vector<ActionItem>& out) -> Status {
        // Tool ids start at 1: 0 stands for every tool.
        std::string sql = "SELECT " + std::string(kItemColumns) +
                          " FROM action_items WHERE org_id = $1 AND ($2 = 0 OR tool_id = $2)";
        const Params params{org.value, tool ? tool->value : std::int64_t{0}};
        if (open_only) sql += " AND done = 0";
        // Open first by due date (none last), then done ones, newest first.
        sql += " ORDER BY done, CASE WHEN done = 0 THEN COALESCE(due, '9999-12-31') ELSE '' END, "
               "COALESCE(done_at, 0) DESC, id";
        auto rows = tx.query(sql, params);
        if (!rows) return rows.error();
        for (const Row& r : *rows) out.push_back(item_from(r));
        return {};
      });
}

Result<ActionItem> SqlActionItems::set_done(OrgId org, std::int64_t id, bool done,
                                            const Actor& actor) {
  const UnixTime now = clock_.now();
  return write_into<ActionItem>(*db_, [&](Tx& tx, ActionItem& out) -> Status {
    // Reopening clears the day it was done.
    auto up = done ? tx.exec("UPDATE action_items SET done = 1, done_at = $3 "
                             "WHERE org_id = $1 AND id = $2",
                             {org.value, id, now})
                   : tx.exec("UPDATE action_items SET done = 0, done_at = NULL "
                             "WHERE org_id = $1 AND id = $2",
                             {org.value, id});
    if (!up) return up.error();
    if (*up == 0) return not_found("action_items.error.not_found", "no such action item");
    auto rows = tx.query("SELECT " + std::string(kItemColumns) +
                             " FROM action_items WHERE org_id = $1 AND id = $2",
                         {org.value, id});
    if (!rows) return rows.error();
    out = item_from(rows->front());
    return write_audit(tx, org, actor, done ? "action_item.done" : "action_item.reopen",
                       "action_item", std::to_string(id), "", nlohmann::json{{"text", out.text}}.dump(),
                       now);
  });
}

}  // namespace solipraxis::store::sql
