// The pages of the room (room.h): the join page of one session and the room
// itself, also as the answer to a POST that failed or was re-sent by the
// language switch (what the person typed stays, the problem stands beside it).
#pragma once

#include <cstdint>
#include <string>

#include "web/handlers/live/room_access.h"

namespace solipraxis::web::handlers::live {

// What a room form sent, shown again with its problem (message keys are translated here).
struct RoomForm {
  std::string add_text;
  std::string add_column;
  std::string add_error;     // a message key
  std::int64_t edit_card = 0;
  std::string edit_text;
  std::string edit_error;    // a message key
  std::int64_t vote_card = 0;
  std::string vote_error;    // a message key
  std::string error;         // a message key for the whole page
};

// The join page of one session: what this is, that cards are anonymous, an
// optional name. `error_key` beside the name.
Response render_welcome(Services& s, const Request& req, const RoomRequest& r,
                        const std::string& name, const std::string& error_key, int status);

// The room as the participant sees it.
Response render_room(Services& s, const Request& req, const RoomRequest& r, const RoomForm& form,
                     int status);

// The board and the add-card form alone (GET /join/{code}/board, for live.js).
Response render_board_fragment(Services& s, const Request& req, const RoomRequest& r);

}  // namespace solipraxis::web::handlers::live
