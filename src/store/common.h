// What every aggregate interface of the Store shares (store/users.h, orgs.h,
// tools.h, catalog.h, checker.h, audit.h): the id and Result types, and Actor,
// who makes a change, which every audited write records.
#pragma once

#include <optional>
#include <string>

#include "core/clock.h"
#include "core/ids.h"
#include "core/result.h"

namespace solipraxis::store {

using core::OrgId;
using core::Result;
using core::Status;
using core::TokenId;
using core::UnixTime;
using core::UserId;

// Who makes a change, for the audit log.
struct Actor {
  std::optional<UserId> user;
  std::string via;  // "web", "api", "cli"
};

}  // namespace solipraxis::store
