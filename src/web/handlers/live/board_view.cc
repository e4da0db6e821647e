// The board as template data (see board_view.h).
#include "web/handlers/live/board_view.h"

#include <algorithm>
#include <map>
#include <optional>
#include <vector>

#include "core/live.h"
#include "web/i18n.h"
#include "web/page.h"

namespace solipraxis::web::handlers::live {

namespace {

using store::LiveBoard;
using store::LiveCard;

// `key` or `key`_one for a count of one, with {count} filled in.
std::string counted(const Services& s, const Request& req, const std::string& key, long n) {
  return format_message(tr(s, req, n == 1 ? key + "_one" : key), {{"count", std::to_string(n)}});
}

struct Reader {
  const Services& s;
  const Request& req;
  const LiveBoard& board;
  const BoardOptions& o;
  bool running() const { return board.session.state == core::LiveState::kRunning; }
  bool participant() const { return o.reader == BoardReader::kParticipant; }
};

mstch::map card_data(const Reader& r, const LiveCard& c, const std::string& column_label) {
  const std::string id = std::to_string(c.id);
  const std::string card_url = r.o.room_url + "/cards/" + id;
  mstch::map out{
      {"id", id},
      {"text", c.text},
      {"mine", c.mine},
      {"hidden_mine", c.mine && c.hidden},
      {"votes", std::to_string(c.votes)},
      {"votes_text", c.votes > 0 ? counted(r.s, r.req, "live.card.votes", c.votes) : std::string()},
      {"column_label", column_label},
  };
  if (r.participant() && c.my_votes > 0) {
    out.emplace("my_votes_text", counted(r.s, r.req, "live.card.my_votes", c.my_votes));
  }
  if (r.participant() && r.running()) {
    if (!c.hidden) {
      out.emplace("vote_url", card_url + "/votes");
      out.emplace("can_unvote", c.my_votes > 0);
    }
    if (c.mine) {
      out.emplace("edit_url", card_url);
      out.emplace("delete_url", card_url + "/delete");
      const bool editing = r.o.edit_card == c.id;
      out.emplace("edit_open", editing);
      out.emplace("edit_text", editing ? r.o.edit_text : c.text);
      if (editing && !r.o.edit_error.empty()) out.emplace("edit_error", r.o.edit_error);
    }
    if (r.o.vote_card == c.id && !r.o.vote_error.empty()) {
      out.emplace("vote_error", r.o.vote_error);
    }
  }
  if (!r.o.select_form.empty()) out.emplace("select_form", r.o.select_form);
  return out;
}

bool shown(const LiveCard& c) { return !c.hidden || c.mine; }

// One step's cards: a section per column (cards outside a cluster), then the
// clusters as named groups. `level` is the heading level of the columns.
mstch::map step_cards(const Reader& r, int step_index, int level) {
  const auto& step = r.board.session.steps[static_cast<std::size_t>(step_index)];
  std::map<std::string, std::string> labels;
  for (const auto& col : step.columns) labels[col.id] = col.label;
  mstch::array columns;
  int cards_total = 0;
  for (const auto& col : step.columns) {
    mstch::array cards;
    long hidden_others = 0;
    for (const LiveCard& c : r.board.cards) {
      if (c.step != step_index || c.column != col.id) continue;
      ++cards_total;
      if (!shown(c)) {
        ++hidden_others;
      } else if (!c.cluster) {
        cards.push_back(card_data(r, c, ""));  // the column's heading says it
      }
    }
    mstch::map column{
        {"id", col.id},
        {"label", col.label},
        {"heading_id", "live-step-" + std::to_string(step_index + 1) + "-col-" + col.id},
        {"cards", cards},
        {"has_cards", !cards.empty()},
    };
    if (hidden_others > 0) {
      column.emplace("hidden_text", counted(r.s, r.req, "live.board.hidden_cards", hidden_others));
    }
    columns.push_back(std::move(column));
  }
  mstch::array clusters;
  for (const auto& cl : r.board.clusters) {
    if (cl.step != step_index) continue;
    mstch::array cards;
    for (const LiveCard& c : r.board.cards) {
      if (c.step == step_index && c.cluster == cl.id && shown(c)) {
        cards.push_back(card_data(r, c, labels[c.column]));
      }
    }
    clusters.push_back(mstch::map{
        {"id", std::to_string(cl.id)},
        {"name", cl.name},
        {"heading", format_message(tr(r.s, r.req, "live.board.cluster"), {{"name", cl.name}})},
        {"cards", cards},
    });
  }
  return mstch::map{
      {"number", std::to_string(step_index + 1)},
      {"title", step.title},
      {"level", std::to_string(level)},
      {"sub_level", std::to_string(level + 1)},
      {"columns", columns},
      {"clusters", clusters},
      {"has_clusters", !clusters.empty()},
      {"many_columns", step.columns.size() > 1},
      {"has_any", cards_total > 0},
  };
}

std::string iso_duration(std::int64_t seconds) {
  if (seconds < 0) seconds = 0;
  return "PT" + std::to_string(seconds / 60) + "M" + std::to_string(seconds % 60) + "S";
}

mstch::map timer_data(const Reader& r) {
  const auto& t = r.board.session.timer;
  const std::int64_t left = core::remaining_seconds(t, r.s.clock.now());
  const bool paused = t.paused_at.has_value();
  return mstch::map{
      {"text", remaining_text(r.s, r.req, left, paused, t.duration)},
      {"seconds", std::to_string(left)},
      {"datetime", iso_duration(left)},
      {"paused", paused},
      {"format_left", tr(r.s, r.req, "live.timer.left")},
      {"format_over", tr(r.s, r.req, "live.timer.over")},
  };
}

mstch::map current_step(const Reader& r) {
  const auto& session = r.board.session;
  const int index = session.current_step;
  const auto& step = session.steps[static_cast<std::size_t>(index)];
  mstch::map out = step_cards(r, index, 3);
  mstch::array prompts;
  for (const auto& p : step.prompts) prompts.push_back(mstch::map{{"text", p}});
  // A step with one question and its one column named after it: the column's
  // heading says the question; listed above it too, people read it twice.
  const bool heading_says_it = step.prompts.size() == 1 && step.columns.size() == 1 &&
                               step.columns[0].label == step.prompts[0];
  out.emplace("has_prompts", !prompts.empty() && !heading_says_it);
  out.emplace("prompts", prompts);
  out.emplace("heading",
              format_message(tr(r.s, r.req, "live.step.heading"),
                             {{"number", std::to_string(index + 1)},
                              {"count", std::to_string(session.steps.size())},
                              {"title", step.title}}));
  out.emplace("revealed", session.revealed[static_cast<std::size_t>(index)]);
  out.emplace("hiding", session.hide_cards && !session.revealed[static_cast<std::size_t>(index)]);
  if (step.duration_seconds > 0) out.emplace("timer", timer_data(r));
  return out;
}

}  // namespace

std::string remaining_text(const Services& s, const Request& req, std::int64_t seconds,
                           bool paused, std::int64_t duration) {
  if (duration <= 0) return {};
  if (seconds <= 0) return tr(s, req, "live.timer.over");
  const std::string text = format_message(tr(s, req, "live.timer.left"),
                                          {{"minutes", std::to_string(seconds / 60)},
                                           {"seconds", std::to_string(seconds % 60)}});
  return paused ? format_message(tr(s, req, "live.timer.paused"), {{"left", text}}) : text;
}

mstch::map board_data(const Services& s, const Request& req, const LiveBoard& board,
                      const BoardOptions& options) {
  const Reader r{s, req, board, options};
  const auto& session = board.session;
  const bool running = r.running();
  mstch::map out{
      {"participant", r.participant()},
      {"facilitator", !r.participant()},
      {"room_url", options.room_url},
      {"room_token", options.room_token},
      {"last_event", std::to_string(board.last_event)},
      {"draft", session.state == core::LiveState::kDraft},
      {"running", running},
      {"ended", session.state == core::LiveState::kEnded},
  };
  const bool has_current = running && session.current_step >= 0 &&
                           static_cast<std::size_t>(session.current_step) < session.steps.size();
  if (has_current) out.emplace("step", current_step(r));
  mstch::array others;
  for (int i = 0; i < static_cast<int>(session.steps.size()); ++i) {
    if (has_current && i == session.current_step) continue;
    mstch::map step = step_cards(r, i, 4);
    if (boost::get<bool>(step["has_any"])) others.push_back(std::move(step));
  }
  out.emplace("other_steps", others);
  out.emplace("has_other_steps", !others.empty());
  if (r.participant() && running) {
    const int left = std::max(0, session.vote_budget - board.dots_used);
    out.emplace("budget_text", format_message(tr(s, req, "live.vote.budget"),
                                              {{"left", std::to_string(left)},
                                               {"budget", std::to_string(session.vote_budget)}}));
  }
  return out;
}

}  // namespace solipraxis::web::handlers::live
