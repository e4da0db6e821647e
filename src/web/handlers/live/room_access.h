// Who and where, for the room's handlers (room.h): the session behind a typed
// code (with the wait after wrong guesses), the participant behind the room's
// cookie, and the token each room form carries. Nothing here is stored or
// logged: the client address only keys the in-memory wait.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "store/live.h"
#include "web/app.h"
#include "web/auth/auth.h"
#include "web/handlers/live/room.h"
#include "web/http.h"

namespace solipraxis::web::handlers::live {

// The participant's key for one session, scoped to /join/{CODE}.
inline constexpr const char* kParticipantCookie = "solipraxis_live";
inline constexpr long kParticipantCookieSeconds = 24L * 3600;

struct RoomRequest {
  store::LiveRoom room;
  std::string code;  // normalised: 8 characters of core::kJoinAlphabet
  std::string url;   // "/join/" + code
  std::optional<store::ParticipantKey> key;  // from the cookie, when it can be a key
};

// The room of `typed` (any spelling), or the finished answer: the join form with
// the wait (429) while the client must wait after wrong guesses (not for a
// browser with this room's cookie), with "unknown code" (404, counted as a
// wrong guess) when there is none, or 503.
auth::Access<RoomRequest> find_room(Services& s, RoomGuards& g, const Request& req,
                                    std::string_view typed);

// The join form (web/templates/live/join.mustache) with `typed` kept and a
// message key (""), at `status`.
Response render_join_form(Services& s, const Request& req, const std::string& typed,
                          const std::string& message_key, int status,
                          std::int64_t wait_seconds = 0);

// The token each room form carries: a keyed hash of the session under the
// participant's key (its own purpose), so another site cannot post for them.
std::string room_token(const store::ParticipantKey& key, std::int64_t session);
// True when the posted room_token (in `form`) belongs to `r`'s participant.
bool room_token_ok(const Params& form, const RoomRequest& r);

// The cookie that holds `key` in this room: the key and the server's seal over
// it and the code, so a made-up cookie is no cookie (and does not skip the wait).
std::string participant_cookie_value(const Services& s, const RoomRequest& r,
                                     const store::ParticipantKey& key);
// HttpOnly, SameSite=Lax, Path=/join/{CODE}, a day.
CookieOptions participant_cookie(const Services& s, const Request& req, const RoomRequest& r);

}  // namespace solipraxis::web::handlers::live
