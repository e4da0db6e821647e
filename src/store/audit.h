// The org's audit log: one append-only row per change to org data, written by
// every aggregate in the same transaction as the change. This interface only
// reads it; store/audit_facts.h turns rows into what people may see.
// Implemented once in store/sql/audit_log.cc.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/common.h"
#include "store/paging.h"

namespace solipraxis::store {

struct AuditEntry {
  std::int64_t id = 0;
  OrgId org_id;
  std::optional<UserId> actor;
  std::string via;
  std::string action;     // e.g. "member.add", "member.role"
  std::string entity;     // e.g. "membership"
  std::string entity_id;  // e.g. user id
  std::string before;     // short JSON summary, "" for creations
  std::string after;      // short JSON summary, "" for deletions
  UnixTime at = 0;
};

// Which audit rows to read; an empty field matches every row. See
// store/audit_facts.h for the kinds of objects ("tools", "members", ...) and
// their entities.
struct AuditFilter {
  std::vector<std::string> entities;  // rows about any of these entities, e.g. {"tool"}
  std::string entity_id;              // rows about this one object (with one entity)
};

class Audit {
 public:
  virtual ~Audit() = default;

  // Newest first (by id). kInvalidInput "error.page.cursor_invalid" for a cursor
  // this call did not hand out. Never returns another org's rows.
  virtual Result<Page<AuditEntry>> audit_log(OrgId org, const AuditFilter& filter,
                                             const PageRequest& page) = 0;
  Result<Page<AuditEntry>> audit_log(OrgId org, const PageRequest& page) {
    return audit_log(org, AuditFilter{}, page);
  }
};

}  // namespace solipraxis::store
