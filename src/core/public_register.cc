#include "core/public_register.h"

#include <algorithm>
#include <utility>

namespace solipraxis::core {

std::optional<PublicToolEntry> public_entry(const Tool& tool, std::vector<Decision> decisions) {
  if (!tool.is_public) return std::nullopt;
  // The same order as the tool's timeline: by the day decided, then as recorded.
  std::stable_sort(decisions.begin(), decisions.end(), [](const Decision& a, const Decision& b) {
    return std::pair(a.decided_on, a.id.value) < std::pair(b.decided_on, b.id.value);
  });
  PublicToolEntry e;
  e.tool = tool;
  for (const Decision& d : decisions) {
    if (!e.last_review || d.decided_on > *e.last_review) e.last_review = d.decided_on;
    for (const PrincipleNote& p : d.principles) e.principles.push_back(p.principle);
  }
  std::sort(e.principles.begin(), e.principles.end());
  e.principles.erase(std::unique(e.principles.begin(), e.principles.end()), e.principles.end());
  if (tool.phase == Phase::kRejected) {
    for (auto it = decisions.rbegin(); it != decisions.rend(); ++it) {
      if (it->kind == DecisionKind::kReject) {
        e.non_use = *it;
        break;
      }
    }
  }
  e.decisions = std::move(decisions);
  return e;
}

UnixTime register_updated_at(const std::vector<PublicToolEntry>& entries, UnixTime fallback) {
  if (entries.empty()) return fallback;
  UnixTime latest = 0;
  for (const auto& e : entries) latest = std::max(latest, e.tool.updated_at);
  return latest;
}

}  // namespace solipraxis::core
