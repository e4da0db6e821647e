// Live sessions, the room's side: joining by code, cards and dots written
// without an author, the board as one reader sees it, and the events for the
// live updates. See store/live.h for what no row holds.
#include <algorithm>

#include "store/secrets.h"
#include "store/sql/live_rows.h"
#include "store/sql/sql_store.h"

namespace solipraxis::store::sql {

using nlohmann::json;

namespace {

// The purposes of the keyed hashes (at most 16 bytes each): one key, three
// digests that cannot stand in for each other.
constexpr std::string_view kCardPurpose = "live.card";
constexpr std::string_view kVotePurpose = "live.vote";
constexpr std::string_view kPersonPurpose = "live.person";
constexpr std::string_view kNoncePurpose = "live.nonce";

struct CardRow {
  std::int64_t id = 0;
  int step = 0;
  std::string column;
  std::string text;
  bool hidden = false;
  std::string salt;
  std::string owner_hash;
  std::optional<std::int64_t> cluster;
};

Result<CardRow> load_card(Tx& tx, OrgId org, std::int64_t session, std::int64_t card) {
  auto rows = tx.query(
      "SELECT id, step, column_id, text, hidden, owner_salt, owner_hash, cluster_id "
      "FROM live_cards WHERE org_id = $1 AND session_id = $2 AND id = $3",
      {org.value, session, card});
  if (!rows) return rows.error();
  if (rows->empty()) return not_found("live.error.card_not_found", "no such card");
  const Row& r = rows->front();
  CardRow c{r.int64(0), static_cast<int>(r.int64(1)), r.text(2), r.text(3), r.int64(4) != 0,
            r.text(5), r.text(6), std::nullopt};
  if (!r.is_null(7)) c.cluster = r.int64(7);
  return c;
}

// The card if `key` wrote it; anyone else's is not found (its author is nobody's business).
Result<CardRow> own_card(Tx& tx, OrgId org, std::int64_t session, std::int64_t card,
                         const ParticipantKey& key) {
  auto c = load_card(tx, org, session, card);
  if (!c) return c.error();
  auto hash = participant_hash(key, kCardPurpose, c->salt);
  if (!hash) return hash.error();
  if (!constant_time_equal(*hash, c->owner_hash)) {
    return not_found("live.error.card_not_found", "no such card");
  }
  return c;
}

// Runs one participant write: the session must run; `fn` writes and names the event.
template <typename F>
Result<LiveChange> room_change(Db& db, OrgId org, std::int64_t id, F&& fn) {
  return write_into<LiveChange>(db, [&](Tx& tx, LiveChange& out) -> Status {
    auto s = load_live_session(tx, org, id);
    if (!s) return s.error();
    if (auto st = require_running(*s); !st) return st;
    std::string type;
    json data;
    if (auto st = fn(tx, *s, type, data); !st) return st;
    if (type.empty()) {  // nothing changed (a form sent again): no event
      out = LiveChange{std::move(*s), LiveEvent{}};
      return {};
    }
    auto event = write_live_event(tx, org, id, type, data);
    if (!event) return event.error();
    out = LiveChange{std::move(*s), std::move(*event)};
    return {};
  });
}

bool has_column(const core::LiveStep& step, const std::string& column) {
  return std::any_of(step.columns.begin(), step.columns.end(),
                     [&](const core::LiveColumn& c) { return c.id == column; });
}

}  // namespace

Result<LiveRoom> SqlLive::room(std::string_view typed) {
  const auto code = core::normalize_join_code(typed);
  if (!code) return not_found("live.error.code_unknown", "no such code");
  return read_into<LiveRoom>(*db_, [&](Tx& tx, LiveRoom& out) -> Status {
    auto rows = tx.query("SELECT org_id, id, state FROM live_sessions WHERE join_code = $1",
                         {*code});
    if (!rows) return rows.error();
    if (rows->empty()) return not_found("live.error.code_unknown", "no such code");
    const Row& r = rows->front();
    out = LiveRoom{OrgId(r.int64(0)), r.int64(1),
                   enum_or(r.text(2), core::parse_live_state, core::LiveState::kEnded)};
    return {};
  });
}

Status SqlLive::join(OrgId org, std::int64_t id, const ParticipantKey& key,
                     const std::string& display_name) {
  if (auto st = core::validate_display_name(display_name); !st) return st;
  auto hash = participant_hash(key, kPersonPurpose, std::to_string(id));
  if (!hash) return hash.error();
  return db_->write([&](Tx& tx) -> Status {
    auto s = load_live_session(tx, org, id);
    if (!s) return s.error();
    if (auto st = require_not_ended(*s); !st) return st;
    auto up = tx.exec(
        "UPDATE live_participants SET name = $4 WHERE org_id = $1 AND session_id = $2 AND "
        "key_hash = $3",
        {org.value, id, *hash, value(core::trim(display_name))});
    if (!up) return up.error();
    if (*up > 0) return {};
    auto ins = tx.exec(
        "INSERT INTO live_participants (session_id, org_id, key_hash, name) VALUES ($1, $2, $3, $4)",
        {id, org.value, *hash, value(core::trim(display_name))});
    if (!ins) return ins.error();
    return {};
  });
}

Result<LiveChange> SqlLive::add_card(OrgId org, std::int64_t id, int step,
                                     const std::string& column, const std::string& text,
                                     const ParticipantKey& key, std::string_view nonce) {
  if (auto st = core::validate_card_text(text); !st) return st.error();
  // The salt of a form's card comes from its nonce, so the form sent again finds it.
  auto salt = nonce.empty()
                  ? Result<std::string>(random_token())
                  : participant_hash(key, kNoncePurpose, std::to_string(id) + "\n" + std::string(nonce));
  if (!salt) return salt.error();
  auto hash = participant_hash(key, kCardPurpose, *salt);
  if (!hash) return hash.error();
  return room_change(*db_, org, id,
                     [&](Tx& tx, LiveSession& s, std::string& type, json& data) -> Status {
    if (!nonce.empty()) {
      auto sent = tx.query(
          "SELECT 1 FROM live_cards WHERE org_id = $1 AND session_id = $2 AND owner_salt = $3",
          {org.value, id, *salt});
      if (!sent) return sent.error();
      if (!sent->empty()) return {};  // this form's card is there already
    }
    if (auto st = require_step(s, step); !st) return st;
    if (step != s.current_step) {
      return core::make_error(core::ErrorCode::kConflict, "live.error.step_closed",
                              std::to_string(step));
    }
    const auto at = static_cast<std::size_t>(step);
    if (!has_column(s.steps[at], column)) return live_invalid("live.error.column_invalid", column);
    const bool hidden = s.hide_cards && !s.revealed[at];
    auto ins = tx.query(
        "INSERT INTO live_cards (session_id, org_id, step, column_id, text, hidden, owner_salt, "
        "owner_hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        {id, org.value, static_cast<std::int64_t>(step), column, text,
         std::int64_t{hidden ? 1 : 0}, *salt, *hash});
    if (!ins) return ins.error();
    type = "card";
    data = card_event_data(ins->front().int64(0), step, column, text, hidden, std::nullopt);
    return {};
  });
}

Result<LiveChange> SqlLive::edit_card(OrgId org, std::int64_t id, std::int64_t card,
                                      const std::string& text, const ParticipantKey& key) {
  if (auto st = core::validate_card_text(text); !st) return st.error();
  return room_change(*db_, org, id,
                     [&](Tx& tx, LiveSession&, std::string& type, json& data) -> Status {
    auto c = own_card(tx, org, id, card, key);
    if (!c) return c.error();
    auto up = tx.exec("UPDATE live_cards SET text = $3 WHERE org_id = $1 AND id = $2",
                      {org.value, card, text});
    if (!up) return up.error();
    type = "card";
    data = card_event_data(card, c->step, c->column, text, c->hidden, c->cluster);
    return {};
  });
}

Result<LiveChange> SqlLive::remove_card(OrgId org, std::int64_t id, std::int64_t card,
                                        const ParticipantKey& key) {
  return room_change(*db_, org, id,
                     [&](Tx& tx, LiveSession&, std::string& type, json& data) -> Status {
    auto c = own_card(tx, org, id, card, key);
    if (!c) return c.error();
    auto del = tx.exec("DELETE FROM live_cards WHERE org_id = $1 AND id = $2", {org.value, card});
    if (!del) return del.error();
    auto empty = tx.exec(
        "DELETE FROM live_clusters WHERE org_id = $1 AND session_id = $2 AND id NOT IN "
        "(SELECT cluster_id FROM live_cards WHERE org_id = $1 AND session_id = $2 AND "
        "cluster_id IS NOT NULL)",
        {org.value, id});
    if (!empty) return empty.error();
    type = "card-removed";
    data = json{{"id", card}};
    return {};
  });
}

Result<LiveChange> SqlLive::vote(OrgId org, std::int64_t id, std::int64_t card,
                                 const ParticipantKey& key, bool add) {
  auto voter = participant_hash(key, kVotePurpose, std::to_string(id));
  if (!voter) return voter.error();
  return room_change(*db_, org, id,
                     [&](Tx& tx, LiveSession& s, std::string& type, json& data) -> Status {
    auto c = load_card(tx, org, id, card);
    if (!c) return c.error();
    if (c->hidden) return not_found("live.error.card_not_found", "hidden card");
    if (add) {
      auto used = tx.query(
          "SELECT COUNT(*) FROM live_votes WHERE org_id = $1 AND session_id = $2 AND "
          "voter_hash = $3",
          {org.value, id, *voter});
      if (!used) return used.error();
      if (auto st = core::check_vote(static_cast<int>(used->front().int64(0)), s.vote_budget); !st) {
        return st;
      }
      auto ins = tx.exec(
          "INSERT INTO live_votes (session_id, org_id, card_id, voter_hash) VALUES ($1, $2, $3, $4)",
          {id, org.value, card, *voter});
      if (!ins) return ins.error();
    } else {
      auto del = tx.exec(
          "DELETE FROM live_votes WHERE id = (SELECT MIN(id) FROM live_votes WHERE org_id = $1 "
          "AND session_id = $2 AND card_id = $3 AND voter_hash = $4)",
          {org.value, id, card, *voter});
      if (!del) return del.error();
      if (*del == 0) return not_found("live.error.vote_not_found", "no dot to take back");
    }
    auto count = tx.query("SELECT COUNT(*) FROM live_votes WHERE org_id = $1 AND card_id = $2",
                          {org.value, card});
    if (!count) return count.error();
    type = "board";
    data = json{{"votes", {{"card", card}, {"count", count->front().int64(0)}}}};
    return {};
  });
}

Result<LiveBoard> SqlLive::board(OrgId org, std::int64_t id,
                                 const std::optional<ParticipantKey>& key) {
  std::string voter;
  if (key) {
    auto v = participant_hash(*key, kVotePurpose, std::to_string(id));
    if (!v) return v.error();
    voter = *v;
  }
  return read_into<LiveBoard>(*db_, [&](Tx& tx, LiveBoard& out) -> Status {
    auto s = load_live_session(tx, org, id);
    if (!s) return s.error();
    out.session = std::move(*s);
    const bool ended = out.session.state == core::LiveState::kEnded;
    auto cards = tx.query(
        "SELECT c.id, c.step, c.column_id, c.text, c.hidden, c.owner_salt, c.owner_hash, "
        "c.cluster_id, c.votes + (SELECT COUNT(*) FROM live_votes v WHERE v.card_id = c.id), "
        "(SELECT COUNT(*) FROM live_votes v WHERE v.card_id = c.id AND v.voter_hash = $3) "
        "FROM live_cards c WHERE c.org_id = $1 AND c.session_id = $2 "
        "ORDER BY c.step, c.column_id, c.id",
        {org.value, id, voter});
    if (!cards) return cards.error();
    for (const Row& r : *cards) {
      LiveCard c;
      c.id = r.int64(0);
      c.step = static_cast<int>(r.int64(1));
      c.column = r.text(2);
      c.hidden = r.int64(4) != 0;
      if (key && !ended) {
        auto mine = participant_hash(*key, kCardPurpose, r.text(5));
        c.mine = mine && constant_time_equal(*mine, r.text(6));
      }
      if (!c.hidden || c.mine) c.text = r.text(3);
      if (!r.is_null(7)) c.cluster = r.int64(7);
      c.votes = static_cast<int>(r.int64(8));
      c.my_votes = key ? static_cast<int>(r.int64(9)) : 0;
      out.dots_used += c.my_votes;
      out.cards.push_back(std::move(c));
    }
    auto clusters = tx.query(
        "SELECT id, step, name FROM live_clusters WHERE org_id = $1 AND session_id = $2 "
        "ORDER BY step, id",
        {org.value, id});
    if (!clusters) return clusters.error();
    for (const Row& r : *clusters) {
      out.clusters.push_back(LiveCluster{r.int64(0), static_cast<int>(r.int64(1)), r.text(2)});
    }
    auto actions = tx.query(
        "SELECT id, tool_id, text, responsible, due FROM live_actions WHERE org_id = $1 AND "
        "session_id = $2 ORDER BY id",
        {org.value, id});
    if (!actions) return actions.error();
    for (const Row& r : *actions) {
      LiveAction a{r.int64(0), core::ToolId(r.int64(1)), r.text(2), std::nullopt, std::nullopt};
      if (!r.is_null(3)) a.responsible = UserId(r.int64(3));
      if (auto d = core::Date::parse(r.text(4))) a.due = *d;
      out.actions.push_back(std::move(a));
    }
    auto people = tx.query(
        "SELECT name FROM live_participants WHERE org_id = $1 AND session_id = $2 ORDER BY name",
        {org.value, id});
    if (!people) return people.error();
    out.participants = static_cast<int>(people->size());
    for (const Row& r : *people) {
      if (!r.text(0).empty()) out.names.push_back(r.text(0));
    }
    auto last = tx.query(
        "SELECT COALESCE(MAX(id), 0) FROM live_events WHERE org_id = $1 AND session_id = $2",
        {org.value, id});
    if (!last) return last.error();
    out.last_event = last->front().int64(0);
    return {};
  });
}

Result<std::vector<LiveEvent>> SqlLive::events(OrgId org, std::int64_t id, std::int64_t after,
                                               int limit) {
  return read_into<std::vector<LiveEvent>>(
      *db_, [&](Tx& tx, std::vector<LiveEvent>& out) -> Status {
        auto rows = tx.query(
            "SELECT id, type, data FROM live_events WHERE org_id = $1 AND session_id = $2 AND "
            "id > $3 ORDER BY id LIMIT $4",
            {org.value, id, after, static_cast<std::int64_t>(std::clamp(limit, 1, 10000))});
        if (!rows) return rows.error();
        for (const Row& r : *rows) out.push_back(LiveEvent{r.int64(0), id, r.text(1), r.text(2)});
        return {};
      });
}

}  // namespace solipraxis::store::sql
