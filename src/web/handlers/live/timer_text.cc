#include "web/handlers/live/timer_text.h"

#include <cstdlib>

#include "web/i18n.h"
#include "web/page.h"

namespace solipraxis::web::handlers::live {

namespace {
std::string clock_text(std::int64_t seconds) {
  const std::int64_t s = std::llabs(seconds);
  const std::int64_t sec = s % 60;
  return std::to_string(s / 60) + ":" + (sec < 10 ? "0" : "") + std::to_string(sec);
}
}  // namespace

std::string timer_text(const Services& s, const Request& req, const core::StepTimer& timer,
                       core::UnixTime now) {
  if (timer.duration == 0) return tr(s, req, "live.timer.none");
  const std::int64_t left = core::remaining_seconds(timer, now);
  const char* key = timer.paused_at ? "live.timer.paused"
                    : left >= 0     ? "live.timer.left"
                                    : "live.timer.over";
  return format_message(tr(s, req, key), {{"time", clock_text(left)}});
}

}  // namespace solipraxis::web::handlers::live
