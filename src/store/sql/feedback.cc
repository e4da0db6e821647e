// Feedback from the people a tool affects: see store/feedback.h.
#include <nlohmann/json.hpp>

#include "core/text_field.h"
#include "store/sql/rows.h"
#include "store/sql/sql_store.h"
#include "store/sql/tool_rows.h"

namespace solipraxis::store::sql {

namespace {

using json = nlohmann::json;

constexpr std::string_view kItemColumns =
    "f.id, f.tool_id, f.text, f.category, f.received_on, f.state, f.wants_answer, "
    "CASE WHEN c.feedback_id IS NULL THEN 0 ELSE 1 END, f.reply, f.replied_on, f.risk_id, f.action_item_id, f.version";
constexpr std::string_view kItemFrom =
    " FROM feedback_items f LEFT JOIN feedback_contacts c ON c.feedback_id = f.id ";

FeedbackItem item_from(const Row& r) {
  FeedbackItem f;
  f.id = r.int64(0);
  f.tool = core::ToolId(r.int64(1));
  f.text = r.text(2);
  f.category = enum_or(r.text(3), core::parse_category, core::FeedbackCategory::kNone);
  if (auto d = core::Date::parse(r.text(4))) f.received_on = *d;
  f.state = enum_or(r.text(5), core::parse_feedback_state, core::FeedbackState::kNew);
  f.wants_answer = r.int64(6) != 0;
  f.has_contact = r.int64(7) != 0;
  f.reply = r.text(8);
  if (auto d = core::Date::parse(r.text(9))) f.replied_on = *d;
  if (!r.is_null(10)) f.risk = core::RiskId(r.int64(10));
  if (!r.is_null(11)) f.action_item = r.int64(11);
  f.version = r.int64(12);
  return f;
}

Status load_item(Tx& tx, OrgId org, std::int64_t id, FeedbackItem& out) {
  auto rows = tx.query("SELECT " + std::string(kItemColumns) + std::string(kItemFrom) +
                           "WHERE f.org_id = $1 AND f.id = $2",
                       {org.value, id});
  if (!rows) return rows.error();
  if (rows->empty()) return not_found("feedback.error.not_found", "no such feedback item");
  out = item_from(rows->front());
  return {};
}

Status invalid(std::vector<core::FieldError> errors) { return core::first_error(std::move(errors)); }

// A member's change to one item: runs `change` on the stored item, bumps the
// version, reads the item back and audits `action` with `after` (never the text).
template <typename F>
Result<FeedbackItem> change_item(Db& db, const core::Clock& clock, OrgId org, std::int64_t id,
                                 const Actor& actor, std::string_view action, F&& change) {
  const UnixTime now = clock.now();
  return write_into<FeedbackItem>(db, [&](Tx& tx, FeedbackItem& out) -> Status {
    FeedbackItem before;
    if (auto st = load_item(tx, org, id, before); !st) return st;
    json after = json::object();
    if (auto st = change(tx, before, after); !st) return st;
    auto up = tx.exec("UPDATE feedback_items SET version = version + 1 WHERE org_id = $1 AND id = $2",
                      {org.value, id});
    if (!up) return up.error();
    if (auto st = load_item(tx, org, id, out); !st) return st;
    return write_audit(tx, org, actor, action, "feedback", std::to_string(id),
                       json{{"state", core::feedback_state_name(before.state)}}.dump(),
                       after.dump(), now);
  });
}

Status set_state_in(Tx& tx, OrgId org, std::int64_t id, core::FeedbackState state) {
  auto up = tx.exec("UPDATE feedback_items SET state = $3 WHERE org_id = $1 AND id = $2",
                    {org.value, id, std::string(core::feedback_state_name(state))});
  if (!up) return up.error();
  if (state == core::FeedbackState::kClosed) {
    auto del = tx.exec("DELETE FROM feedback_contacts WHERE org_id = $1 AND feedback_id = $2",
                       {org.value, id});
    if (!del) return del.error();
  }
  return {};
}

// Whether `tool` takes feedback now: its channel is open and its phase
// collects feedback. not_found for another org's tool.
Status read_channel(Tx& tx, OrgId org, core::ToolId tool, bool& open) {
  auto rows = tx.query(
      "SELECT t.phase, COALESCE(c.is_open, 0) FROM tools t LEFT JOIN feedback_channels c "
      "ON c.org_id = t.org_id AND c.tool_id = t.id WHERE t.org_id = $1 AND t.id = $2",
      {org.value, tool.value});
  if (!rows) return rows.error();
  if (rows->empty()) return not_found("tools.error.not_found", "no such tool");
  const auto phase = core::parse_phase(rows->front().text(0));
  open = phase && core::may_collect_feedback(*phase) && rows->front().int64(1) != 0;
  return {};
}

}  // namespace

// --- the public side ---

Result<bool> SqlFeedback::channel_open(OrgId org, core::ToolId tool) {
  return read_into<bool>(*db_, [&](Tx& tx, bool& out) -> Status {
    return read_channel(tx, org, tool, out);
  });
}

Result<std::int64_t> SqlFeedback::submit(OrgId org, core::ToolId tool,
                                         const core::FeedbackInput& in,
                                         const std::string& pickup_hash) {
  if (auto st = invalid(core::feedback_errors(in)); !st) return st.error();
  return write_into<std::int64_t>(*db_, [&](Tx& tx, std::int64_t& out) -> Status {
    auto seen = tx.query("SELECT id FROM feedback_items WHERE org_id = $1 AND pickup_hash = $2",
                         {org.value, pickup_hash});
    if (!seen) return seen.error();
    if (!seen->empty()) {  // the same form sent twice
      out = seen->front().int64(0);
      return {};
    }
    bool open = false;
    if (auto st = read_channel(tx, org, tool, open); !st) return st;
    if (!open) {
      return core::make_error(core::ErrorCode::kConflict, "feedback.error.closed",
                              "the tool's feedback channel is closed");
    }
    auto today = load_org_today(tx, org, clock_);
    if (!today) return today.error();
    auto ins = tx.query(
        "INSERT INTO feedback_items (org_id, tool_id, text, category, received_on, state, "
        "pickup_hash, wants_answer) VALUES ($1, $2, $3, $4, $5, 'new', $6, $7) RETURNING id",
        {org.value, tool.value, in.text, std::string(core::category_name(in.category)),
         today->str(), pickup_hash, std::int64_t{in.wants_answer ? 1 : 0}});
    if (!ins) return ins.error();
    out = ins->front().int64(0);
    if (in.wants_answer && !core::is_blank(in.contact)) {
      auto c = tx.exec(
          "INSERT INTO feedback_contacts (feedback_id, org_id, contact) VALUES ($1, $2, $3)",
          {out, org.value, std::string(core::trim(in.contact))});
      if (!c) return c.error();
    }
    return {};
  });
}

Result<FeedbackPickup> SqlFeedback::pickup(OrgId org, const std::string& pickup_hash) {
  return read_into<FeedbackPickup>(*db_, [&](Tx& tx, FeedbackPickup& out) -> Status {
    auto rows = tx.query(
        "SELECT f.id, f.tool_id, f.received_on, f.reply, f.replied_on, "
        "CASE WHEN c.feedback_id IS NULL THEN 0 ELSE 1 END "
        "FROM feedback_items f LEFT JOIN feedback_contacts c ON c.feedback_id = f.id "
        "WHERE f.org_id = $1 AND f.pickup_hash = $2 AND f.wants_answer = 1",
        {org.value, pickup_hash});
    if (!rows) return rows.error();
    if (rows->empty()) return not_found("feedback.error.code_unknown", "no such pickup code");
    const Row& r = rows->front();
    out.id = r.int64(0);
    out.tool = core::ToolId(r.int64(1));
    if (auto d = core::Date::parse(r.text(2))) out.received_on = *d;
    out.reply = r.text(3);
    if (auto d = core::Date::parse(r.text(4))) out.replied_on = *d;
    out.has_contact = r.int64(5) != 0;
    return {};
  });
}

Status SqlFeedback::forget_contact_by_code(OrgId org, const std::string& pickup_hash) {
  return db_->write([&](Tx& tx) -> Status {
    auto del = tx.exec(
        "DELETE FROM feedback_contacts WHERE org_id = $1 AND feedback_id IN "
        "(SELECT id FROM feedback_items WHERE org_id = $1 AND pickup_hash = $2 AND wants_answer = 1)",
        {org.value, pickup_hash});
    if (!del) return del.error();
    return {};
  });
}

// --- members ---

Result<Page<FeedbackItem>> SqlFeedback::items(OrgId org, const FeedbackFilter& filter) {
  const int limit = page_limit(filter.page);
  auto after = page_after(filter.page);
  if (!after) return after.error();
  // Newest first: the cursor (the last id handed out) bounds the ids from above.
  const std::int64_t below = *after == 0 ? INT64_MAX : *after;
  return read_into<Page<FeedbackItem>>(*db_, [&](Tx& tx, Page<FeedbackItem>& out) -> Status {
    // Tool ids start at 1: 0 stands for every tool; "" for every state.
    auto rows = tx.query(
        "SELECT " + std::string(kItemColumns) + std::string(kItemFrom) +
            "WHERE f.org_id = $1 AND f.id < $2 AND ($3 = 0 OR f.tool_id = $3) "
            "AND ($4 = '' OR f.state = $4) ORDER BY f.id DESC LIMIT $5",
        {org.value, below, filter.tool ? filter.tool->value : std::int64_t{0},
         filter.state ? std::string(core::feedback_state_name(*filter.state)) : std::string(),
         std::int64_t{limit + 1}});
    if (!rows) return rows.error();
    std::vector<FeedbackItem> items;
    for (const Row& r : *rows) items.push_back(item_from(r));
    out = take_page(std::move(items), limit, [](const FeedbackItem& f) { return f.id; });
    return {};
  });
}

Result<FeedbackItem> SqlFeedback::item(OrgId org, std::int64_t id) {
  return read_into<FeedbackItem>(
      *db_, [&](Tx& tx, FeedbackItem& out) -> Status { return load_item(tx, org, id, out); });
}

Result<std::string> SqlFeedback::contact(OrgId org, std::int64_t id) {
  return read_into<std::string>(*db_, [&](Tx& tx, std::string& out) -> Status {
    FeedbackItem item;
    if (auto st = load_item(tx, org, id, item); !st) return st;
    auto rows = tx.query(
        "SELECT contact FROM feedback_contacts WHERE org_id = $1 AND feedback_id = $2",
        {org.value, id});
    if (!rows) return rows.error();
    if (!rows->empty()) out = rows->front().text(0);
    return {};
  });
}

Result<FeedbackItem> SqlFeedback::set_state(OrgId org, std::int64_t id, core::FeedbackState state,
                                            const Actor& actor) {
  return change_item(*db_, clock_, org, id, actor, "feedback.state",
                     [&](Tx& tx, const FeedbackItem&, json& after) -> Status {
                       after["state"] = core::feedback_state_name(state);
                       return set_state_in(tx, org, id, state);
                     });
}

Result<FeedbackItem> SqlFeedback::reply(OrgId org, std::int64_t id, const std::string& text,
                                        const Actor& actor) {
  if (auto st = invalid(core::reply_errors(text)); !st) return st.error();
  return change_item(
      *db_, clock_, org, id, actor, "feedback.reply",
      [&](Tx& tx, const FeedbackItem& before, json& after) -> Status {
        auto today = load_org_today(tx, org, clock_);
        if (!today) return today.error();
        auto up = tx.exec("UPDATE feedback_items SET reply = $3, replied_on = $4 "
                          "WHERE org_id = $1 AND id = $2",
                          {org.value, id, text, today->str()});
        if (!up) return up.error();
        auto state = before.state;
        if (state == core::FeedbackState::kNew || state == core::FeedbackState::kRead) {
          state = core::FeedbackState::kAnswered;
        }
        after["state"] = core::feedback_state_name(state);
        after["replied_on"] = today->str();
        return set_state_in(tx, org, id, state);
      });
}

Status SqlFeedback::forget_contact(OrgId org, std::int64_t id, const Actor& actor) {
  auto changed = change_item(*db_, clock_, org, id, actor, "feedback.contact_deleted",
                             [&](Tx& tx, const FeedbackItem&, json&) -> Status {
                               auto del = tx.exec(
                                   "DELETE FROM feedback_contacts WHERE org_id = $1 AND "
                                   "feedback_id = $2",
                                   {org.value, id});
                               if (!del) return del.error();
                               return {};
                             });
  if (!changed) return changed.error();
  return {};
}

Result<FeedbackItem> SqlFeedback::link_risk(OrgId org, std::int64_t id, core::RiskId risk,
                                            const Actor& actor) {
  return change_item(
      *db_, clock_, org, id, actor, "feedback.risk",
      [&](Tx& tx, const FeedbackItem& before, json& after) -> Status {
        auto rows = tx.query("SELECT 1 FROM risks WHERE org_id = $1 AND id = $2 AND tool_id = $3",
                             {org.value, risk.value, before.tool.value});
        if (!rows) return rows.error();
        if (rows->empty()) return not_found("risks.error.not_found", "no such risk of the tool");
        auto up = tx.exec("UPDATE feedback_items SET risk_id = $3 WHERE org_id = $1 AND id = $2",
                          {org.value, id, risk.value});
        if (!up) return up.error();
        after["risk"] = risk.value;
        after["state"] = "acted_on";
        return set_state_in(tx, org, id, core::FeedbackState::kActedOn);
      });
}

Result<FeedbackItem> SqlFeedback::to_action_item(OrgId org, std::int64_t id,
                                                 const FeedbackAction& action,
                                                 const Actor& actor) {
  std::vector<core::FieldError> errors;
  if (core::is_blank(action.text)) {
    errors.push_back(core::field_error("text", "feedback.error.action_required", ""));
  } else {
    core::check_text_field(errors, "text", action.text, core::kFeedbackActionMax,
                           "feedback.error.action_too_long", "feedback.error.action_invalid");
  }
  if (auto st = invalid(std::move(errors)); !st) return st.error();
  const UnixTime now = clock_.now();
  return change_item(
      *db_, clock_, org, id, actor, "feedback.action_item",
      [&](Tx& tx, const FeedbackItem& before, json& after) -> Status {
        if (action.responsible) {
          auto m = tx.query("SELECT 1 FROM memberships WHERE org_id = $1 AND user_id = $2",
                            {org.value, action.responsible->value});
          if (!m) return m.error();
          if (m->empty()) {
            return core::make_error(core::ErrorCode::kInvalidInput,
                                    "feedback.error.responsible_invalid", "responsible: not a member");
          }
        }
        auto ins = tx.query(
            "INSERT INTO action_items (org_id, tool_id, text, responsible, due, created_at) "
            "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            {org.value, before.tool.value, action.text, opt_user(action.responsible),
             action.due ? Value(action.due->str()) : null_value(), now});
        if (!ins) return ins.error();
        const std::int64_t item = ins->front().int64(0);
        auto up = tx.exec(
            "UPDATE feedback_items SET action_item_id = $3 WHERE org_id = $1 AND id = $2",
            {org.value, id, item});
        if (!up) return up.error();
        after["action_item"] = item;
        after["state"] = "acted_on";
        return set_state_in(tx, org, id, core::FeedbackState::kActedOn);
      });
}

Status SqlFeedback::remove(OrgId org, std::int64_t id, const Actor& actor) {
  const UnixTime now = clock_.now();
  return db_->write([&](Tx& tx) -> Status {
    FeedbackItem before;
    if (auto st = load_item(tx, org, id, before); !st) return st;
    for (const char* sql : {"DELETE FROM feedback_contacts WHERE org_id = $1 AND feedback_id = $2",
                            "DELETE FROM feedback_items WHERE org_id = $1 AND id = $2"}) {
      auto del = tx.exec(sql, {org.value, id});
      if (!del) return del.error();
    }
    return write_audit(tx, org, actor, "feedback.delete", "feedback", std::to_string(id),
                       json{{"state", core::feedback_state_name(before.state)},
                            {"tool", before.tool.value}}
                           .dump(),
                       "", now);
  });
}

// --- channels and counts ---

Result<std::vector<FeedbackChannel>> SqlFeedback::channels(OrgId org) {
  return read_into<std::vector<FeedbackChannel>>(
      *db_, [&](Tx& tx, std::vector<FeedbackChannel>& out) -> Status {
        auto rows = tx.query(
            "SELECT tool_id, is_open FROM feedback_channels WHERE org_id = $1 AND is_open = 1 "
            "ORDER BY tool_id",
            {org.value});
        if (!rows) return rows.error();
        for (const Row& r : *rows) out.push_back({core::ToolId(r.int64(0)), r.int64(1) != 0});
        return {};
      });
}

Status SqlFeedback::set_channel(OrgId org, core::ToolId tool, bool open, const Actor& actor) {
  const UnixTime now = clock_.now();
  return db_->write([&](Tx& tx) -> Status {
    auto t = tx.query("SELECT 1 FROM tools WHERE org_id = $1 AND id = $2", {org.value, tool.value});
    if (!t) return t.error();
    if (t->empty()) return not_found("tools.error.not_found", "no such tool");
    auto up = tx.exec(
        "INSERT INTO feedback_channels (org_id, tool_id, is_open) VALUES ($1, $2, $3) "
        "ON CONFLICT (org_id, tool_id) DO UPDATE SET is_open = excluded.is_open",
        {org.value, tool.value, std::int64_t{open ? 1 : 0}});
    if (!up) return up.error();
    return write_audit(tx, org, actor, "feedback.channel", "tool", std::to_string(tool.value), "",
                       json{{"feedback_open", open}}.dump(), now);
  });
}

Result<std::map<core::ToolId, FeedbackCounts>> SqlFeedback::counts(OrgId org) {
  return read_into<std::map<core::ToolId, FeedbackCounts>>(
      *db_, [&](Tx& tx, std::map<core::ToolId, FeedbackCounts>& out) -> Status {
        auto rows = tx.query(
            "SELECT tool_id, COUNT(*), COUNT(*) FILTER (WHERE state = 'new'), "
            "COUNT(*) FILTER (WHERE state = 'acted_on') FROM feedback_items "
            "WHERE org_id = $1 GROUP BY tool_id",
            {org.value});
        if (!rows) return rows.error();
        for (const Row& r : *rows) {
          out[core::ToolId(r.int64(0))] = FeedbackCounts{static_cast<int>(r.int64(1)),
                                                         static_cast<int>(r.int64(2)),
                                                         static_cast<int>(r.int64(3))};
        }
        return {};
      });
}

Result<bool> SqlFeedback::counts_public(OrgId org) {
  return read_into<bool>(*db_, [&](Tx& tx, bool& out) -> Status {
    auto rows = tx.query("SELECT counts_public FROM feedback_settings WHERE org_id = $1",
                         {org.value});
    if (!rows) return rows.error();
    out = !rows->empty() && rows->front().int64(0) != 0;
    return {};
  });
}

Status SqlFeedback::set_counts_public(OrgId org, bool show, const Actor& actor) {
  const UnixTime now = clock_.now();
  return db_->write([&](Tx& tx) -> Status {
    auto up = tx.exec(
        "INSERT INTO feedback_settings (org_id, counts_public) VALUES ($1, $2) "
        "ON CONFLICT (org_id) DO UPDATE SET counts_public = excluded.counts_public",
        {org.value, std::int64_t{show ? 1 : 0}});
    if (!up) return up.error();
    return write_audit(tx, org, actor, "feedback.counts_public", "org", std::to_string(org.value),
                       "", json{{"feedback_counts_public", show}}.dump(), now);
  });
}

}  // namespace solipraxis::store::sql
