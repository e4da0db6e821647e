// The audit log in the reader's language, for the change log page, its API
// and a tool's timeline: when (readable and ISO 8601), who (display name, or
// "deleted account" / "command line"), what in plain words (audit.action.<code>;
// an unknown code shows as itself) with its detail, and which object. Built on
// store/audit.h, so no e-mail address or secret ever reaches the page.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <mstch/mstch.hpp>

#include "core/decision.h"
#include "store/audit_facts.h"
#include "store/orgs.h"
#include "store/store.h"
#include "web/auth/auth.h"

namespace solipraxis::web::handlers::audit_view {

// Who may read the org's change log: the role that manages members.
inline constexpr store::Role kReadRole = store::Role::kOwner;

// The action in plain words ("Werkzeug bearbeitet"), or the code itself.
std::string action_label(const Services& s, const Request& req, const std::string& action);

// Looks up tools once per page, for links to tools that still exist.
class ToolNames {
 public:
  ToolNames(store::Store& store, core::OrgId org) : store_(store), org_(org) {}
  bool exists(const std::string& entity_id);

 private:
  store::Store& store_;
  core::OrgId org_;
  std::map<std::string, bool> cache_;
};

// One row of the change log page: iso, when, who, what, detail, object,
// object_url (tools that still exist), kind_label.
mstch::map entry_data(const Services& s, const Request& req, const auth::Membership& m,
                      const store::AuditEntry& e, store::AuditNames& names, ToolNames& tools);

// One API item: store::audit_json plus "message", the action in plain words.
nlohmann::json entry_json(const Services& s, const Request& req, const store::AuditEntry& e,
                          store::AuditNames& names);

// A tool's decisions and its own changes (recorded, edited) in one list, in
// time order; a change is dated by its day and time in the org's `zone`. Decisions are tool_views::timeline_data entries; changes have
// is_change, id, iso, date, what, changed (field labels) and who. Rows of
// tool.transition are left out: the decision entries tell them in full.
mstch::array tool_history(const Services& s, const Request& req,
                          const std::vector<core::Decision>& decisions,
                          const std::vector<store::AuditEntry>& changes,
                          store::AuditNames& names, std::string_view zone);

}  // namespace solipraxis::web::handlers::audit_view
