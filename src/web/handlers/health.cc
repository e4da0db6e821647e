#include "web/handlers/health.h"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

namespace solipraxis::web::handlers {

Response health(Services& s, Request&) {
  auto ok = s.store.ping();
  if (!ok) {
    spdlog::warn("healthz: store unavailable: {}", ok.error().detail);
    return Response::error(503, "unavailable", "the store does not answer");
  }
  return Response::json({{"status", "ok"}});
}

}  // namespace solipraxis::web::handlers
