#include "web/handlers/site/health.h"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "store/faults.h"

namespace solipraxis::web::handlers {

Response health(Services& s, Request&) {
  auto ok = s.store.ping();
  if (!ok) {
    spdlog::warn("healthz: store unavailable: {}", ok.error().detail);
    return Response::error(503, "unavailable", "the store does not answer");
  }
  // A store that answers but cannot take writes is not healthy either: say why,
  // until a write succeeds again (store.h: write_fault).
  if (const std::string fault = s.store.write_fault(); !fault.empty()) {
    return Response::json({{"status", "degraded"}, {"reason", store::fault_reason(fault)}}, 503);
  }
  if (s.store.read_only()) return Response::json({{"status", "ok"}, {"mode", "read_only"}});
  return Response::json({{"status", "ok"}});
}

}  // namespace solipraxis::web::handlers
