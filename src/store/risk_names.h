// The names the risk matrix's pages and exports show for ids (CLI, web pages,
// API exports): the org's personas, members and tools, loaded once per request
// from the aggregates that own them. Engine-independent; no writes.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "core/risk_export.h"
#include "store/store.h"

namespace solipraxis::store {

struct RiskNameBook {
  std::map<std::int64_t, std::string> personas, members, tools;  // by id; "" when unknown

  std::string persona(core::PersonaId id) const { return find(personas, id.value); }
  std::string member(core::UserId id) const { return find(members, id.value); }
  std::string tool(core::ToolId id) const { return find(tools, id.value); }
  // For core's exports; valid while this book lives.
  core::RiskNames risk_names() const {
    return {[this](core::PersonaId id) { return persona(id); },
            [this](core::UserId id) { return member(id); }};
  }

  static std::string find(const std::map<std::int64_t, std::string>& m, std::int64_t id) {
    auto it = m.find(id);
    return it == m.end() ? std::string() : it->second;
  }
};

// Every persona, member (display name, else e-mail) and tool of `org`.
Result<RiskNameBook> load_risk_names(Store& store, OrgId org);

}  // namespace solipraxis::store
