#include "web/handlers/catalog_common.h"

namespace solipraxis::web::handlers::catalog_common {

cat::Lang lang_of(const Request& req) { return req.lang == "en" ? cat::Lang::kEn : cat::Lang::kDe; }

bool parse_filters(const cat::Catalog& c, const Request& req, Filters& out, std::string& error_key) {
  const std::string phase = req.query.value("phase");
  if (!phase.empty() && (out.phase = c.phase_number(phase)) == 0) {
    error_key = "error.catalog.unknown_phase";
    return false;
  }
  const std::string kind = req.query.value("kind");
  if (!kind.empty()) {
    if (!cat::parse_kind(kind, out.kind)) {
      error_key = "error.catalog.unknown_kind";
      return false;
    }
    out.has_kind = true;
  }
  return true;
}

std::string item_url(const cat::Item& item) {
  const std::string phase = item.phases.empty() ? "" : std::to_string(item.phases.front());
  switch (item.kind) {
    case cat::Kind::kPhase: return "/praxis/phase/" + phase;
    case cat::Kind::kPrinciple: return "/praxis/principles#" + item.id;
    case cat::Kind::kMethod: return "/praxis/methods#" + item.id;
    default: return "/praxis/phase/" + phase + "#" + item.id;
  }
}

}  // namespace solipraxis::web::handlers::catalog_common
