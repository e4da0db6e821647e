// The join page and the room (see room_view.h).
#include "web/handlers/live/room_view.h"

#include <optional>

#include "core/live.h"
#include "store/secrets.h"
#include "store/store.h"
#include "web/handlers/live/board_view.h"
#include "web/i18n.h"
#include "web/page.h"

namespace solipraxis::web::handlers::live {

namespace {

std::string code_text(const Services& s, const Request& req, const RoomRequest& r) {
  return format_message(tr(s, req, "live.room.code"), {{"code", core::display_join_code(r.code)}});
}

// The add-card form of the current step; nothing when no card can be added now.
std::optional<mstch::map> add_form(const Services& s, const Request& req, const RoomRequest& r,
                    const store::LiveBoard& board, const RoomForm& form) {
  const auto& session = board.session;
  if (session.state != core::LiveState::kRunning || !r.key || session.current_step < 0 ||
      static_cast<std::size_t>(session.current_step) >= session.steps.size()) {
    return std::nullopt;
  }
  const auto& step = session.steps[static_cast<std::size_t>(session.current_step)];
  mstch::array columns;
  for (const auto& c : step.columns) {
    columns.push_back(mstch::map{{"id", c.id}, {"label", c.label},
                                 {"selected", c.id == form.add_column}});
  }
  mstch::map out{
      {"url", r.url + "/cards"},
      {"room_token", room_token(*r.key, r.room.session)},
      {"nonce", store::random_token()},
      {"step", std::to_string(session.current_step)},
      {"columns", columns},
      {"many_columns", step.columns.size() > 1},
      {"text", form.add_text},
  };
  if (!form.add_error.empty()) out.emplace("error", tr(s, req, form.add_error));
  return out;
}

struct RoomData {
  store::LiveBoard board;
  mstch::map data;
};

core::Result<RoomData> room_data(Services& s, const Request& req, const RoomRequest& r,
                                 const RoomForm& form) {
  auto board = s.store.live().board(r.room.org, r.room.session, r.key);
  if (!board) return board.error();
  BoardOptions o;
  o.reader = BoardReader::kParticipant;
  o.room_url = r.url;
  if (r.key) o.room_token = room_token(*r.key, r.room.session);
  o.edit_card = form.edit_card;
  o.edit_text = form.edit_text;
  if (!form.edit_error.empty()) o.edit_error = tr(s, req, form.edit_error);
  o.vote_card = form.vote_card;
  if (!form.vote_error.empty()) o.vote_error = tr(s, req, form.vote_error);
  mstch::map data{
      {"board", board_data(s, req, *board, o)},
      {"room_url", r.url},
  };
  if (auto add = add_form(s, req, r, *board, form)) data.emplace("add", std::move(*add));
  return RoomData{std::move(board).value(), std::move(data)};
}

}  // namespace

Response render_welcome(Services& s, const Request& req, const RoomRequest& r,
                        const std::string& name, const std::string& error_key, int status) {
  auto session = s.store.live().session(r.room.org, r.room.session);
  if (!session) return error_response(s, req, session.error());
  mstch::map data{
      {"title", session->title},
      {"session_title", session->title},
      {"code_text", code_text(s, req, r)},
      {"room_url", r.url},
      {"name", name},
      {"draft", session->state == core::LiveState::kDraft},
  };
  if (!error_key.empty()) data.emplace("error", tr(s, req, error_key));
  return render(s, req, "live/welcome", std::move(data), status);
}

Response render_room(Services& s, const Request& req, const RoomRequest& r, const RoomForm& form,
                     int status) {
  auto room = room_data(s, req, r, form);
  if (!room) return error_response(s, req, room.error());
  mstch::map& data = room->data;
  data.emplace("title", room->board.session.title);
  data.emplace("session_title", room->board.session.title);
  data.emplace("code_text", code_text(s, req, r));
  if (!form.error.empty()) data.emplace("error", tr(s, req, form.error));
  // Switching the language while writing a card keeps the text: the switch sends
  // the add form, which comes back unsaved in the other language (cards.cc).
  if (data.count("add")) data.emplace("switch_form", std::string("live-add-form"));
  return render(s, req, "live/room", std::move(data), status);
}

Response render_board_fragment(Services& s, const Request& req, const RoomRequest& r) {
  auto room = room_data(s, req, r, RoomForm{});
  if (!room) return error_response(s, req, room.error());
  Response res = render(s, req, "live/board_fragment", std::move(room->data));
  res.headers.set("Cache-Control", "no-store");
  return res;
}

}  // namespace solipraxis::web::handlers::live
