// Live sessions, the facilitator's side: creating and setting up a session,
// moving the room through its steps, the timer, revealing, grouping, notes,
// action items and the end. See store/live.h for the guarantees.
#include <nlohmann/json.hpp>

#include <unordered_map>

#include "store/secrets.h"
#include "store/sql/live_rows.h"
#include "store/sql/rows.h"
#include "store/sql/sql_store.h"

namespace solipraxis::store::sql {

using nlohmann::json;

namespace {

constexpr std::string_view kLiveSessionColumns =
    "id, kind, method_id, catalog_version, title, vote_budget, hide_cards, state, join_code, "
    "current_step, timer_started_at, timer_duration, timer_paused_at, timer_paused_total, "
    "review_date, created_by, created_at, started_at, ended_at";

LiveSession live_session_from(const Row& r) {
  LiveSession s;
  s.id = r.int64(0);
  s.kind = enum_or(r.text(1), core::parse_live_kind, core::LiveKind::kRetro);
  s.method_id = r.text(2);
  s.catalog_version = static_cast<int>(r.int64(3));
  s.title = r.text(4);
  s.vote_budget = static_cast<int>(r.int64(5));
  s.hide_cards = r.int64(6) != 0;
  s.state = enum_or(r.text(7), core::parse_live_state, core::LiveState::kEnded);
  s.join_code = r.text(8);
  s.current_step = static_cast<int>(r.int64(9));
  s.timer.started_at = r.int64(10);
  s.timer.duration = r.int64(11);
  if (!r.is_null(12)) s.timer.paused_at = r.int64(12);
  s.timer.paused_total = r.int64(13);
  if (auto d = core::Date::parse(r.text(14))) s.review_date = *d;
  if (!r.is_null(15)) s.created_by = UserId(r.int64(15));
  s.created_at = r.int64(16);
  if (!r.is_null(17)) s.started_at = r.int64(17);
  if (!r.is_null(18)) s.ended_at = r.int64(18);
  return s;
}

json columns_json(const std::vector<core::LiveColumn>& columns) {
  json out = json::array();
  for (const auto& c : columns) out.push_back({{"id", c.id}, {"label", c.label}});
  return out;
}

std::vector<core::LiveColumn> columns_from(const std::string& text) {
  std::vector<core::LiveColumn> out;
  const json j = json::parse(text, nullptr, false);
  if (!j.is_array()) return out;
  for (const auto& c : j) {
    if (c.is_object()) out.push_back({c.value("id", ""), c.value("label", "")});
  }
  return out;
}

// Steps and tools of sessions, read with the session id first (column 0).
constexpr std::string_view kStepColumns =
    "session_id, catalog_id, title, prompts_json, columns_json, duration, revealed, notes";

void add_step(LiveSession& s, const Row& r) {
  s.steps.push_back(core::LiveStep{r.text(1), r.text(2), strings_from_json(r.text(3)),
                                   columns_from(r.text(4)), r.int64(5)});
  s.revealed.push_back(r.int64(6) != 0);
  s.notes.push_back(r.text(7));
}

// The steps and tools of the sessions in `out` (read with kLiveSessionColumns),
// in two queries whatever their number: the rows of sessions matching `where`
// (a condition on session_id with the parameters `params`).
Status complete_all(Tx& tx, std::vector<LiveSession>& out, const std::string& where,
                    const std::vector<Value>& params) {
  std::unordered_map<std::int64_t, LiveSession*> by_id;
  for (auto& s : out) by_id[s.id] = &s;
  auto steps = tx.query("SELECT " + std::string(kStepColumns) + " FROM live_steps WHERE " + where +
                            " ORDER BY session_id, position",
                        params);
  if (!steps) return steps.error();
  for (const Row& r : *steps) {
    if (auto it = by_id.find(r.int64(0)); it != by_id.end()) add_step(*it->second, r);
  }
  auto tools = tx.query("SELECT session_id, tool_id FROM live_session_tools WHERE " + where +
                            " ORDER BY session_id, position",
                        params);
  if (!tools) return tools.error();
  for (const Row& r : *tools) {
    if (auto it = by_id.find(r.int64(0)); it != by_id.end()) {
      it->second->tools.push_back(core::ToolId(r.int64(1)));
    }
  }
  return {};
}

// One session's steps and tools.
Status complete(Tx& tx, OrgId org, LiveSession& s) {
  std::vector<LiveSession> one{std::move(s)};
  auto st = complete_all(tx, one, "org_id = $1 AND session_id = $2", {org.value, one.front().id});
  s = std::move(one.front());
  return st;
}

std::string new_join_code() { return random_code(core::kJoinAlphabet, core::kJoinCodeLength); }


Status check_setup(const std::string& title, const std::vector<core::LiveStep>& steps,
                   int vote_budget) {
  if (core::is_blank(title)) return live_invalid("live.error.title_required", "title");
  std::vector<core::FieldError> errors;
  core::check_line_field(errors, "title", title, core::kMaxLiveTitleChars,
                         "live.error.text_too_long", "live.error.text_invalid");
  if (auto st = core::first_error(std::move(errors)); !st) return st;
  if (auto st = core::check_vote_budget(vote_budget); !st) return st;
  return core::check_steps(steps);
}

Status write_steps(Tx& tx, OrgId org, std::int64_t session,
                   const std::vector<core::LiveStep>& steps) {
  if (auto del = tx.exec("DELETE FROM live_steps WHERE org_id = $1 AND session_id = $2",
                         {org.value, session});
      !del) {
    return del.error();
  }
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const core::LiveStep& st = steps[i];
    auto ins = tx.exec(
        "INSERT INTO live_steps (session_id, org_id, position, catalog_id, title, prompts_json, "
        "columns_json, duration) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        {session, org.value, static_cast<std::int64_t>(i), value(st.catalog_id), value(st.title),
         json(st.prompts).dump(), columns_json(st.columns).dump(), st.duration_seconds});
    if (!ins) return ins.error();
  }
  return {};
}

Status save_timer(Tx& tx, OrgId org, std::int64_t id, int step, const core::StepTimer& t) {
  auto up = tx.exec(
      "UPDATE live_sessions SET current_step = $3, timer_started_at = $4, timer_duration = $5, "
      "timer_paused_at = $6, timer_paused_total = $7 WHERE org_id = $1 AND id = $2",
      {org.value, id, static_cast<std::int64_t>(step), t.started_at, t.duration,
       t.paused_at ? Value(*t.paused_at) : null_value(), t.paused_total});
  if (!up) return up.error();
  return {};
}

}  // namespace

Result<LiveSession> load_live_session(Tx& tx, OrgId org, std::int64_t id) {
  auto rows = tx.query("SELECT " + std::string(kLiveSessionColumns) +
                           " FROM live_sessions WHERE org_id = $1 AND id = $2",
                       {org.value, id});
  if (!rows) return rows.error();
  if (rows->empty()) return not_found("live.error.not_found", "no such session");
  LiveSession s = live_session_from(rows->front());
  if (auto st = complete(tx, org, s); !st) return st.error();
  return s;
}

Result<LiveEvent> write_live_event(Tx& tx, OrgId org, std::int64_t session, std::string_view type,
                                   const json& data) {
  const std::string text = data.dump();
  auto rows = tx.query(
      "INSERT INTO live_events (session_id, org_id, type, data) VALUES ($1, $2, $3, $4) "
      "RETURNING id",
      {session, org.value, value(type), text});
  if (!rows) return rows.error();
  return LiveEvent{rows->front().int64(0), session, std::string(type), text};
}

json step_event_data(const LiveSession& s, UnixTime now) {
  return json{{"state", core::live_state_name(s.state)},
              {"step", s.current_step},
              {"duration", s.timer.duration},
              {"remaining", core::remaining_seconds(s.timer, now)},
              {"paused", s.timer.paused_at.has_value()}};
}

json card_event_data(std::int64_t id, int step, const std::string& column, const std::string& text,
                     bool hidden, std::optional<std::int64_t> cluster) {
  return json{{"card",
               {{"id", id},
                {"step", step},
                {"column", column},
                {"hidden", hidden},
                {"text", hidden ? json(nullptr) : json(text)},
                {"cluster", cluster ? json(*cluster) : json(nullptr)}}}};
}

Status require_not_ended(const LiveSession& s) {
  if (s.state == core::LiveState::kEnded) {
    return core::make_error(core::ErrorCode::kConflict, "live.error.ended", "session ended");
  }
  return {};
}

Status require_running(const LiveSession& s) {
  if (auto st = require_not_ended(s); !st) return st;
  if (s.state != core::LiveState::kRunning) {
    return core::make_error(core::ErrorCode::kConflict, "live.error.not_running", "not started");
  }
  return {};
}

Status require_step(const LiveSession& s, int step) {
  if (step < 0 || static_cast<std::size_t>(step) >= s.steps.size()) {
    return live_invalid("live.error.step_invalid", std::to_string(step));
  }
  return {};
}

Result<std::string> participant_hash(const ParticipantKey& key, std::string_view purpose,
                                     std::string_view message) {
  if (!valid_key(key.key)) return live_invalid("live.error.key_invalid", "participant key");
  return keyed_hash(key.key, purpose, message);
}

Result<LiveSession> SqlLive::create(OrgId org, const NewLiveSession& in, const Actor& actor) {
  if (auto st = check_setup(in.title, in.steps, in.vote_budget); !st) return st.error();
  const bool retro = in.kind == core::LiveKind::kRetro;
  if ((retro && in.tools.size() != 1) || in.tools.size() > core::kMaxSessionTools) {
    return live_invalid("live.error.tools_invalid", std::to_string(in.tools.size()));
  }
  for (std::size_t i = 0; i < in.tools.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (in.tools[i] == in.tools[j]) return live_invalid("live.error.tools_invalid", "twice");
    }
  }
  if (in.method_id.empty() || in.method_id.size() > 200 || in.catalog_version < 1) {
    return live_invalid("live.error.method_invalid", in.method_id);
  }
  const UnixTime now = clock_.now();
  return write_into<LiveSession>(*db_, [&](Tx& tx, LiveSession& out) -> Status {
    for (core::ToolId tool : in.tools) {
      auto t = tx.query("SELECT id FROM tools WHERE org_id = $1 AND id = $2",
                        {org.value, tool.value});
      if (!t) return t.error();
      if (t->empty()) return not_found("tools.error.not_found", "no such tool");
    }
    // A fresh code; a clash with another session's code (one in ~5e11) draws again.
    std::string code;
    for (int attempt = 0; attempt < 8 && code.empty(); ++attempt) {
      std::string candidate = new_join_code();
      auto taken = tx.query("SELECT 1 FROM live_sessions WHERE join_code = $1", {candidate});
      if (!taken) return taken.error();
      if (taken->empty()) code = std::move(candidate);
    }
    if (code.empty()) return core::make_error(core::ErrorCode::kInternal, "error.internal", "code");
    auto rows = tx.query(
        "INSERT INTO live_sessions (org_id, kind, method_id, catalog_version, title, vote_budget, "
        "hide_cards, state, join_code, created_by, created_at) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, 'draft', $8, $9, $10) RETURNING id",
        {org.value, value(core::live_kind_name(in.kind)), value(in.method_id),
         static_cast<std::int64_t>(in.catalog_version), value(in.title),
         static_cast<std::int64_t>(in.vote_budget), std::int64_t{in.hide_cards ? 1 : 0}, code,
         opt_user(actor.user), now});
    if (!rows) return rows.error();
    const std::int64_t id = rows->front().int64(0);
    for (std::size_t i = 0; i < in.tools.size(); ++i) {
      auto ins = tx.exec(
          "INSERT INTO live_session_tools (session_id, org_id, tool_id, position) "
          "VALUES ($1, $2, $3, $4)",
          {id, org.value, in.tools[i].value, static_cast<std::int64_t>(i)});
      if (!ins) return ins.error();
    }
    if (auto st = write_steps(tx, org, id, in.steps); !st) return st;
    auto s = load_live_session(tx, org, id);
    if (!s) return s.error();
    out = std::move(*s);
    const json after{{"kind", core::live_kind_name(in.kind)},
                     {"method", in.method_id},
                     {"title", in.title},
                     {"steps", in.steps.size()}};
    return write_audit(tx, org, actor, "live_session.create", "live_session", std::to_string(id),
                       "", after.dump(), now);
  });
}

Result<LiveSession> SqlLive::session(OrgId org, std::int64_t id) {
  return read_into<LiveSession>(*db_, [&](Tx& tx, LiveSession& out) -> Status {
    auto s = load_live_session(tx, org, id);
    if (!s) return s.error();
    out = std::move(*s);
    return {};
  });
}

Result<std::vector<LiveSession>> SqlLive::sessions(OrgId org, std::optional<core::ToolId> tool) {
  return read_into<std::vector<LiveSession>>(
      *db_, [&](Tx& tx, std::vector<LiveSession>& out) -> Status {
        const std::string select =
            "SELECT " + std::string(kLiveSessionColumns) + " FROM live_sessions WHERE org_id = $1";
        auto rows = tool ? tx.query(select +
                                        " AND id IN (SELECT session_id FROM live_session_tools "
                                        "WHERE org_id = $1 AND tool_id = $2) ORDER BY id DESC",
                                    {org.value, tool->value})
                         : tx.query(select + " ORDER BY id DESC", {org.value});
        if (!rows) return rows.error();
        for (const Row& r : *rows) out.push_back(live_session_from(r));
        return tool ? complete_all(tx, out,
                                   "org_id = $1 AND session_id IN (SELECT session_id FROM "
                                   "live_session_tools WHERE org_id = $1 AND tool_id = $2)",
                                   {org.value, tool->value})
                    : complete_all(tx, out, "org_id = $1", {org.value});
      });
}

Result<LiveSession> SqlLive::setup(OrgId org, std::int64_t id, const LiveSetup& in,
                                   const Actor& actor) {
  if (auto st = check_setup(in.title, in.steps, in.vote_budget); !st) return st.error();
  const UnixTime now = clock_.now();
  return write_into<LiveSession>(*db_, [&](Tx& tx, LiveSession& out) -> Status {
    auto s = load_live_session(tx, org, id);
    if (!s) return s.error();
    if (s->state != core::LiveState::kDraft) {
      return core::make_error(core::ErrorCode::kConflict, "live.error.not_draft", "started");
    }
    auto up = tx.exec(
        "UPDATE live_sessions SET title = $3, vote_budget = $4, hide_cards = $5 "
        "WHERE org_id = $1 AND id = $2",
        {org.value, id, value(in.title), static_cast<std::int64_t>(in.vote_budget),
         std::int64_t{in.hide_cards ? 1 : 0}});
    if (!up) return up.error();
    if (auto st = write_steps(tx, org, id, in.steps); !st) return st;
    auto fresh = load_live_session(tx, org, id);
    if (!fresh) return fresh.error();
    out = std::move(*fresh);
    const json after{{"title", in.title}, {"steps", in.steps.size()},
                     {"vote_budget", in.vote_budget}, {"hide_cards", in.hide_cards}};
    return write_audit(tx, org, actor, "live_session.setup", "live_session", std::to_string(id),
                       "", after.dump(), now);
  });
}

Result<LiveChange> SqlLive::go_to_step(OrgId org, std::int64_t id, int step, const Actor& actor) {
  return live_change(*db_, clock_, org, id, actor, "live_session.step",
                [&](Tx& tx, LiveSession& s, UnixTime now, std::string& type, json& data) -> Status {
                  if (auto st = require_step(s, step); !st) return st;
                  if (s.state == core::LiveState::kDraft) {
                    auto up = tx.exec(
                        "UPDATE live_sessions SET state = 'running', started_at = $3 "
                        "WHERE org_id = $1 AND id = $2",
                        {org.value, id, now});
                    if (!up) return up.error();
                    s.state = core::LiveState::kRunning;
                  }
                  s.current_step = step;
                  s.timer = core::start_timer(s.steps[static_cast<std::size_t>(step)].duration_seconds, now);
                  if (auto st = save_timer(tx, org, id, step, s.timer); !st) return st;
                  type = "step";
                  data = step_event_data(s, now);
                  return {};
                });
}

Result<LiveChange> SqlLive::timer(OrgId org, std::int64_t id, TimerAction action,
                                  std::int64_t seconds, const Actor& actor) {
  return live_change(*db_, clock_, org, id, actor, "live_session.timer",
                [&](Tx& tx, LiveSession& s, UnixTime now, std::string& type, json& data) -> Status {
                  if (auto st = require_running(s); !st) return st;
                  switch (action) {
                    case TimerAction::kPause: s.timer = core::pause_timer(s.timer, now); break;
                    case TimerAction::kResume: s.timer = core::resume_timer(s.timer, now); break;
                    case TimerAction::kExtend:
                      if (seconds < -core::kMaxStepSeconds || seconds > core::kMaxStepSeconds) {
                        return live_invalid("live.error.duration_invalid", std::to_string(seconds));
                      }
                      s.timer = core::extend_timer(s.timer, seconds, now);
                      break;
                  }
                  if (auto st = save_timer(tx, org, id, s.current_step, s.timer); !st) return st;
                  type = "step";
                  data = step_event_data(s, now);
                  return {};
                });
}

Result<LiveChange> SqlLive::reveal(OrgId org, std::int64_t id, int step, const Actor& actor) {
  return live_change(*db_, clock_, org, id, actor, "live_session.reveal",
                [&](Tx& tx, LiveSession& s, UnixTime, std::string& type, json& data) -> Status {
                  if (auto st = require_step(s, step); !st) return st;
                  auto a = tx.exec(
                      "UPDATE live_steps SET revealed = 1 WHERE org_id = $1 AND session_id = $2 "
                      "AND position = $3",
                      {org.value, id, static_cast<std::int64_t>(step)});
                  if (!a) return a.error();
                  auto b = tx.exec(
                      "UPDATE live_cards SET hidden = 0 WHERE org_id = $1 AND session_id = $2 "
                      "AND step = $3",
                      {org.value, id, static_cast<std::int64_t>(step)});
                  if (!b) return b.error();
                  type = "board";
                  data = json{{"reveal", step}};
                  return {};
                });
}

Result<LiveChange> SqlLive::set_notes(OrgId org, std::int64_t id, int step,
                                      const std::string& notes, const Actor& actor) {
  std::vector<core::FieldError> errors;
  core::check_text_field(errors, "notes", notes, core::kMaxNotesChars, "live.error.text_too_long",
                         "live.error.text_invalid");
  if (auto st = core::first_error(std::move(errors)); !st) return st.error();
  return live_change(*db_, clock_, org, id, actor, "live_session.notes",
                [&](Tx& tx, LiveSession& s, UnixTime, std::string& type, json& data) -> Status {
                  if (auto st = require_step(s, step); !st) return st;
                  auto up = tx.exec(
                      "UPDATE live_steps SET notes = $4 WHERE org_id = $1 AND session_id = $2 "
                      "AND position = $3",
                      {org.value, id, static_cast<std::int64_t>(step), notes});
                  if (!up) return up.error();
                  type = "board";
                  data = json{{"notes", step}};
                  return {};
                });
}

}  // namespace solipraxis::store::sql
