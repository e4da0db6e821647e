// Live sessions, the facilitator's harvest: clusters, action items and the
// end of a session, which lands the action items in the tools' records and
// deletes what the room no longer needs. See store/live.h.
#include <algorithm>

#include "store/sql/live_rows.h"
#include "store/sql/sql_store.h"

namespace solipraxis::store::sql {

using nlohmann::json;

namespace {

// The ids of `cards` that belong to the session's `step` (all of them, or an error).
Status check_cards_in_step(Tx& tx, OrgId org, std::int64_t id, std::optional<int> step,
                           const std::vector<std::int64_t>& cards) {
  if (cards.empty()) return live_invalid("live.error.no_cards", "no card chosen");
  for (std::int64_t card : cards) {
    auto r = tx.query("SELECT step FROM live_cards WHERE org_id = $1 AND session_id = $2 AND id = $3",
                      {org.value, id, card});
    if (!r) return r.error();
    if (r->empty()) return not_found("live.error.card_not_found", std::to_string(card));
    if (step && r->front().int64(0) != *step) {
      return live_invalid("live.error.cards_of_two_steps", std::to_string(card));
    }
  }
  return {};
}

Status drop_empty_clusters(Tx& tx, OrgId org, std::int64_t id) {
  auto del = tx.exec(
      "DELETE FROM live_clusters WHERE org_id = $1 AND session_id = $2 AND id NOT IN "
      "(SELECT cluster_id FROM live_cards WHERE org_id = $1 AND session_id = $2 AND "
      "cluster_id IS NOT NULL)",
      {org.value, id});
  if (!del) return del.error();
  return {};
}

Status check_cluster_name(const std::string& name, bool required) {
  if (required && core::is_blank(name)) {
    return live_invalid("live.error.cluster_name_required", "name");
  }
  std::vector<core::FieldError> errors;
  core::check_line_field(errors, "name", name, core::kMaxLiveTitleChars,
                         "live.error.text_too_long", "live.error.text_invalid");
  return core::first_error(std::move(errors));
}

}  // namespace

Result<LiveChange> SqlLive::group(OrgId org, std::int64_t id, std::optional<std::int64_t> cluster,
                                  const std::string& name, const std::vector<std::int64_t>& cards,
                                  const Actor& actor) {
  if (auto st = check_cluster_name(name, !cluster); !st) return st.error();
  return live_change(
      *db_, clock_, org, id, actor, "live_session.group",
      [&](Tx& tx, LiveSession&, UnixTime, std::string& type, json& data) -> Status {
        std::int64_t target = 0;
        if (cluster) {
          auto c = tx.query(
              "SELECT step FROM live_clusters WHERE org_id = $1 AND session_id = $2 AND id = $3",
              {org.value, id, *cluster});
          if (!c) return c.error();
          if (c->empty()) return not_found("live.error.cluster_not_found", "no such cluster");
          const int step = static_cast<int>(c->front().int64(0));
          if (auto st = check_cards_in_step(tx, org, id, step, cards); !st) return st;
          target = *cluster;
          if (!core::is_blank(name)) {
            auto up = tx.exec("UPDATE live_clusters SET name = $3 WHERE org_id = $1 AND id = $2",
                              {org.value, target, name});
            if (!up) return up.error();
          }
        } else {
          auto first = tx.query(
              "SELECT step FROM live_cards WHERE org_id = $1 AND session_id = $2 AND id = $3",
              {org.value, id, cards.empty() ? std::int64_t{0} : cards.front()});
          if (!first) return first.error();
          if (first->empty()) return live_invalid("live.error.no_cards", "no card chosen");
          const int step = static_cast<int>(first->front().int64(0));
          if (auto st = check_cards_in_step(tx, org, id, step, cards); !st) return st;
          auto ins = tx.query(
              "INSERT INTO live_clusters (session_id, org_id, step, name) VALUES ($1, $2, $3, $4) "
              "RETURNING id",
              {id, org.value, static_cast<std::int64_t>(step), name});
          if (!ins) return ins.error();
          target = ins->front().int64(0);
        }
        for (std::int64_t card : cards) {
          auto up = tx.exec(
              "UPDATE live_cards SET cluster_id = $3 WHERE org_id = $1 AND id = $2",
              {org.value, card, target});
          if (!up) return up.error();
        }
        if (auto st = drop_empty_clusters(tx, org, id); !st) return st;
        type = "board";
        data = json{{"cluster", target}};
        return {};
      });
}

Result<LiveChange> SqlLive::ungroup(OrgId org, std::int64_t id,
                                    const std::vector<std::int64_t>& cards, const Actor& actor) {
  return live_change(
      *db_, clock_, org, id, actor, "live_session.ungroup",
      [&](Tx& tx, LiveSession&, UnixTime, std::string& type, json& data) -> Status {
        if (auto st = check_cards_in_step(tx, org, id, std::nullopt, cards); !st) return st;
        for (std::int64_t card : cards) {
          auto up = tx.exec(
              "UPDATE live_cards SET cluster_id = NULL WHERE org_id = $1 AND id = $2",
              {org.value, card});
          if (!up) return up.error();
        }
        if (auto st = drop_empty_clusters(tx, org, id); !st) return st;
        type = "board";
        data = json{{"ungroup", cards}};
        return {};
      });
}

Result<LiveChange> SqlLive::add_action(OrgId org, std::int64_t id, const LiveAction& action,
                                       const Actor& actor) {
  if (core::is_blank(action.text)) return live_invalid("live.error.action_required", "text");
  std::vector<core::FieldError> errors;
  core::check_text_field(errors, "text", action.text, core::kMaxPromptChars,
                         "live.error.text_too_long", "live.error.text_invalid");
  if (auto st = core::first_error(std::move(errors)); !st) return st.error();
  return live_change(
      *db_, clock_, org, id, actor, "live_session.action",
      [&](Tx& tx, LiveSession& s, UnixTime, std::string& type, json& data) -> Status {
        if (std::find(s.tools.begin(), s.tools.end(), action.tool) == s.tools.end()) {
          return live_invalid("live.error.action_tool", std::to_string(action.tool.value));
        }
        if (action.responsible) {
          auto m = tx.query("SELECT 1 FROM memberships WHERE org_id = $1 AND user_id = $2",
                            {org.value, action.responsible->value});
          if (!m) return m.error();
          if (m->empty()) return live_invalid("live.error.responsible_invalid", "not a member");
        }
        auto ins = tx.query(
            "INSERT INTO live_actions (session_id, org_id, tool_id, text, responsible, due) "
            "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            {id, org.value, action.tool.value, action.text, opt_user(action.responsible),
             action.due ? Value(action.due->str()) : null_value()});
        if (!ins) return ins.error();
        type = "board";
        data = json{{"action", ins->front().int64(0)}};
        return {};
      });
}

Result<LiveChange> SqlLive::remove_action(OrgId org, std::int64_t id, std::int64_t action,
                                          const Actor& actor) {
  return live_change(
      *db_, clock_, org, id, actor, "live_session.action_remove",
      [&](Tx& tx, LiveSession&, UnixTime, std::string& type, json& data) -> Status {
        auto del = tx.exec(
            "DELETE FROM live_actions WHERE org_id = $1 AND session_id = $2 AND id = $3",
            {org.value, id, action});
        if (!del) return del.error();
        if (*del == 0) return not_found("live.error.action_not_found", "no such action");
        type = "board";
        data = json{{"action_removed", action}};
        return {};
      });
}

Result<LiveChange> SqlLive::end(OrgId org, std::int64_t id, std::optional<core::Date> review_date,
                                const Actor& actor) {
  if (review_date && *review_date < core::Date::today(clock_)) {
    return live_invalid("live.error.review_in_past", review_date->str());
  }
  return live_change(
      *db_, clock_, org, id, actor, "live_session.end",
      [&](Tx& tx, LiveSession& s, UnixTime now, std::string& type, json& data) -> Status {
        // The dots become counts on the cards; then nothing tells whose they were.
        auto counted = tx.exec(
            "UPDATE live_cards SET votes = (SELECT COUNT(*) FROM live_votes v WHERE v.card_id = "
            "live_cards.id) WHERE org_id = $1 AND session_id = $2",
            {org.value, id});
        if (!counted) return counted.error();
        for (const char* table : {"live_votes", "live_participants", "live_events"}) {
          auto del = tx.exec(std::string("DELETE FROM ") + table +
                                 " WHERE org_id = $1 AND session_id = $2",
                             {org.value, id});
          if (!del) return del.error();
        }
        auto landed = tx.exec(
            "INSERT INTO action_items (org_id, tool_id, text, responsible, due, done, session_id, "
            "created_at) SELECT org_id, tool_id, text, responsible, due, 0, session_id, $3 "
            "FROM live_actions WHERE org_id = $1 AND session_id = $2 ORDER BY id",
            {org.value, id, now});
        if (!landed) return landed.error();
        if (review_date) {
          for (core::ToolId tool : s.tools) {
            auto up = tx.exec(
                "UPDATE tools SET next_review = $3, version = version + 1, updated_at = $4 "
                "WHERE org_id = $1 AND id = $2",
                {org.value, tool.value, review_date->str(), now});
            if (!up) return up.error();
          }
        }
        auto up = tx.exec(
            "UPDATE live_sessions SET state = 'ended', ended_at = $3, review_date = $4, "
            "timer_paused_at = NULL WHERE org_id = $1 AND id = $2",
            {org.value, id, now, review_date ? Value(review_date->str()) : null_value()});
        if (!up) return up.error();
        type = "ended";
        data = json{{"actions", *landed},
                    {"review_date", review_date ? json(review_date->str()) : json(nullptr)}};
        return {};
      });
}

}  // namespace solipraxis::store::sql
