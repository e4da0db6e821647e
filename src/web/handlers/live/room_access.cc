// The room behind a code, the participant behind the cookie (see room_access.h).
#include "web/handlers/live/room_access.h"

#include "core/live.h"
#include "store/secrets.h"
#include "store/store.h"
#include "web/i18n.h"
#include "web/page.h"

namespace solipraxis::web::handlers::live {

namespace {

constexpr std::string_view kRoomTokenPurpose = "live.form";
constexpr std::string_view kCookiePurpose = "live.cookie";

// Joining is a few tries by hand: wrong codes are free for a while, then the
// wait grows. A code has 29^8 values, so guessing one is hopeless either way.
auth::BackoffPolicy wrong_code_policy() {
  auth::BackoffPolicy p;
  p.free_failures = 5;
  p.first_delay = 5;
  p.max_delay = 300;
  p.forget_after = 30 * 60;
  return p;
}

}  // namespace

RoomGuards::RoomGuards(const core::Clock& clock)
    : wrong_codes(clock, wrong_code_policy()) {}

Response render_join_form(Services& s, const Request& req, const std::string& typed,
                          const std::string& message_key, int status, std::int64_t wait_seconds) {
  mstch::map data{
      {"title", tr(s, req, "live.join.title")},
      {"code", typed},
  };
  if (!message_key.empty()) {
    data.emplace("error", format_message(tr(s, req, message_key),
                                         {{"seconds", std::to_string(wait_seconds)}}));
  }
  Response res = render(s, req, "live/join", std::move(data), status);
  if (wait_seconds > 0) res.headers.set("Retry-After", std::to_string(wait_seconds));
  return res;
}

namespace {

std::string cookie_mac(const Services& s, const std::string& code, const std::string& key) {
  return store::keyed_hash(s.auth->options().link_key, kCookiePurpose, code + "\n" + key);
}

// The key of the room's cookie when the server handed it out for `code`.
std::optional<store::ParticipantKey> cookie_key(const Services& s, const Request& req,
                                                const std::string& code) {
  const std::string cookie = req.cookie(kParticipantCookie);
  const auto dot = cookie.find('.');
  if (dot == std::string::npos) return std::nullopt;
  std::string key = cookie.substr(0, dot);
  if (!store::valid_key(key) ||
      !store::constant_time_equal(cookie_mac(s, code, key), cookie.substr(dot + 1))) {
    return std::nullopt;
  }
  return store::ParticipantKey{std::move(key)};
}

}  // namespace

auth::Access<RoomRequest> find_room(Services& s, RoomGuards& g, const Request& req,
                                    std::string_view typed) {
  const auto code = core::normalize_join_code(typed);
  // Someone already in the room never waits for another's wrong guesses (people
  // in one workshop often share one address); everybody else does.
  std::optional<store::ParticipantKey> key;
  if (code) key = cookie_key(s, req, *code);
  const std::string client = s.auth->client_addr(req);
  if (!key) {
    if (const std::int64_t wait = g.wrong_codes.retry_after(client); wait > 0) {
      return render_join_form(s, req, std::string(typed), "live.join.wait", 429, wait);
    }
  }
  auto room = code ? s.store.live().room(*code)
                   : core::Result<store::LiveRoom>(core::make_error(
                         core::ErrorCode::kNotFound, "live.error.code_unknown", "not a code"));
  if (!room) {
    if (room.error().code != core::ErrorCode::kNotFound) return error_response(s, req, room.error());
    g.wrong_codes.record_failure(client);
    return render_join_form(s, req, std::string(typed), "live.error.code_unknown", 404);
  }
  return RoomRequest{*room, *code, "/join/" + *code, std::move(key)};
}

std::string participant_cookie_value(const Services& s, const RoomRequest& r,
                                     const store::ParticipantKey& key) {
  return key.key + "." + cookie_mac(s, r.code, key.key);
}

std::string room_token(const store::ParticipantKey& key, std::int64_t session) {
  return store::keyed_hash(key.key, kRoomTokenPurpose, std::to_string(session));
}

bool room_token_ok(const Params& form, const RoomRequest& r) {
  if (!r.key) return false;
  return store::constant_time_equal(room_token(*r.key, r.room.session), form.value("room_token"));
}

CookieOptions participant_cookie(const Services& s, const Request& req, const RoomRequest& r) {
  CookieOptions o = s.auth->cookie_options(req);
  o.path = r.url;
  o.max_age = kParticipantCookieSeconds;
  o.http_only = true;
  o.same_site = "Lax";
  return o;
}

}  // namespace solipraxis::web::handlers::live
