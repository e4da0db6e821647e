// The step timer in words, for the facilitator's and the participants' pages:
// "noch 12:30 Minuten", "2:00 Minuten über der Zeit", "angehalten bei 5:00".
#pragma once

#include <string>

#include "core/live.h"
#include "web/app.h"
#include "web/http.h"

namespace solipraxis::web::handlers::live {

std::string timer_text(const Services& s, const Request& req, const core::StepTimer& timer,
                       core::UnixTime now);

}  // namespace solipraxis::web::handlers::live
