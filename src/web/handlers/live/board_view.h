// The board of a live session as template data for web/templates/live/board.mustache
// (issue 25), for both who read it: a participant in the room (their own cards
// with edit and delete, dots on visible cards) and the facilitator (the same
// cards, each with a checkbox for grouping). It shows no author, ever: the
// store's LiveBoard has none and nothing here adds one. Cards others may not see
// yet are only counted, never shown.
//
// Use: data.emplace("board", board_data(s, req, board, options)); the page then
// contains {{#board}}{{> live/board}}{{/board}}. Forms inside the board read
// {{csrf_token}} from the page, and the participant's room token from the board.
#pragma once

#include <cstdint>
#include <string>

#include <mstch/mstch.hpp>

#include "store/live.h"
#include "web/app.h"
#include "web/http.h"

namespace solipraxis::web::handlers::live {

enum class BoardReader { kParticipant, kFacilitator };

struct BoardOptions {
  BoardReader reader = BoardReader::kParticipant;
  // Participant: the room's address ("/join/ABCDEFGH"); the card forms post below it.
  std::string room_url;
  // Participant: the token every form of the room carries (room_token field).
  std::string room_token;
  // Facilitator: the id of the form the cards' checkboxes belong to (grouping,
  // via the form="" attribute, so the form may sit outside the board); "" = no checkboxes.
  std::string select_form;
  // Participant: the card being edited, with the typed text and the problem, shown
  // again after a failed edit (the edit form stays open).
  std::int64_t edit_card = 0;
  std::string edit_text;
  std::string edit_error;
  // Participant: the card whose dot could not be given, and why.
  std::int64_t vote_card = 0;
  std::string vote_error;
};

// The board context: the state (draft, running, ended), the current step with
// its title, prompts and timer, its columns with cards and clusters, the other
// steps' cards, and the participant's dots. See board.mustache for the names.
mstch::map board_data(const Services& s, const Request& req, const store::LiveBoard& board,
                      const BoardOptions& options);

// The step's remaining time as a person reads it ("Noch 4 Min. 30 Sek.", "Die
// Zeit ist um."); "" when the step has no countdown.
std::string remaining_text(const Services& s, const Request& req, std::int64_t seconds,
                           bool paused, std::int64_t duration);

}  // namespace solipraxis::web::handlers::live
