// Reading the audit log for people and programs (web page, API, CLI, a tool's
// timeline), built on Audit::audit_log. Engine-independent; no writes.
//
// Guarantee: nothing here hands out an audit row's raw before/after summaries.
// They may hold e-mail addresses (member.*, invite.*); AuditFacts keeps only
// what is safe to show to the org's owners: object names from the org's own
// data, changed field names, roles, phases and numbers. People appear by
// display name only (AuditNames).
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "store/audit.h"
#include "store/users.h"

namespace solipraxis::store {

// The kinds of objects a reader can filter by, in display order. Each covers
// one or more audit entities:
//   tools      tool (records, edits, decisions)
//   red_lines  red_line
//   catalog    catalog_entry, catalog_order (the org's own catalog)
//   members    membership, invite, user (a password change)
//   settings   org (incl. review interval), checker_settings, review_feed
//   reflections  reflection_round, reflection (guided reflections: rounds started,
//              answers begun, saved, stages finished; anonymous rows name no one)
//   personas   persona (the library; attaching one to a tool is a row of the tool)
inline constexpr std::array<std::string_view, 7> kAuditKinds = {
    "tools", "red_lines", "catalog", "reflections", "personas", "members", "settings"};

// The kinds for a usage message: "tools, red_lines, ..., settings".
std::string audit_kinds_list();
// The filter for a kind; nullopt for an unknown kind. "" is every row.
std::optional<AuditFilter> audit_kind_filter(std::string_view kind);
// The kind an entity belongs to, "" for an entity no kind names.
std::string_view audit_kind(std::string_view entity);

// What one audit row says, safe to show (see the header comment).
struct AuditFacts {
  std::string kind;                  // audit_kind(entry.entity)
  std::string object_name;           // tool name, red line text, catalog title; "" if none
  std::vector<std::string> changed;  // tool.update: the changed fields ("name", "purpose", ...)
  std::string from, to;              // tool.transition: phases; member.role: roles;
                                     // org.review_interval: months; org.rename: names
  std::string decision_kind;         // tool.transition: "pilot", "reject", ...
};
AuditFacts audit_facts(const AuditEntry& entry);

// Display names of the people in the log, each looked up once. A user who no
// longer exists is nullopt (shown as "deleted"); an empty display name is "".
class AuditNames {
 public:
  explicit AuditNames(Users& users) : users_(users) {}
  std::optional<std::string> name(UserId user);
  // Tells the name of a user read already (the caller), so it costs no read.
  void know(const User& user) { cache_.insert_or_assign(user.id.value, user.name); }
  // The person a membership row is about (entity "membership"), else nullopt.
  std::optional<std::string> member_name(const AuditEntry& entry);

 private:
  Users& users_;
  std::map<std::int64_t, std::optional<std::string>> cache_;
};

// True when a person made the change but their account no longer exists.
// (A row without a person otherwise came from the command line.)
bool actor_deleted(const AuditEntry& entry);

// Every row matching `filter`, oldest first, following the pages.
Result<std::vector<AuditEntry>> audit_trail(Audit& audit, OrgId org, const AuditFilter& filter);

// One row for programs (API items, `solipraxis audit list --format json`):
// {id, at, action, kind, via, actor, object:{entity, id, name}, changed?, from?,
// to?, decision_kind?}. `at` is ISO 8601 UTC; actor is {id, name, deleted}, or
// null for a change from the command line.
nlohmann::json audit_json(const AuditEntry& entry, const AuditFacts& facts, AuditNames& names);

}  // namespace solipraxis::store
