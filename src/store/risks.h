// The vulnerability risk matrix's records (issue 24): per tool, risks for
// users and non-users, placed by likelihood x impact, with their re-assessment
// history. Org-owned; implemented once in store/sql/risks.cc.
//
// Guarantees:
// - Risks are normalised and validated by core (normalize_risk, risk_errors)
//   before anything is written; the personas named must be the org's
//   (not_found "personas.error.not_found" otherwise) and the owner a member of
//   it ("risks.error.owner_not_member"). A refused write changes nothing.
// - Every placement is kept: create() records the first assessment, and an
//   update that moves the risk on the matrix records who moved it, when and
//   why (core::reassessment_errors: a move needs a reason).
// - Updates are saved only from the version the writer read (kConflict
//   "risks.error.stale").
// - Every write is audited in its transaction ("risk.*").
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "core/risk.h"
#include "store/common.h"

namespace solipraxis::store {

using core::RiskId;

// An org keeps at most this many risks (lists are not paged below it).
inline constexpr std::size_t kMaxRisksPerOrg = 2000;

struct RiskFilter {
  std::optional<core::ToolId> tool{};
  std::optional<core::PersonaId> persona{};  // risks that name this persona
  std::optional<core::RiskState> state{};
};

class Risks {
 public:
  virtual ~Risks() = default;

  // The org's risks matching `filter`, in core::attention_before order.
  virtual Result<std::vector<core::Risk>> list(OrgId org, const RiskFilter& filter) = 0;
  // not_found "risks.error.not_found".
  virtual Result<core::Risk> get(OrgId org, RiskId id) = 0;

  // not_found "tools.error.not_found" for a tool of another org; kConflict
  // "risks.error.too_many" past kMaxRisksPerOrg. Version 1.
  virtual Result<core::Risk> create(OrgId org, const core::Risk& risk, const Actor& actor) = 0;
  // Saves every editable field of `risk` (by its id; the tool stays) if the
  // stored version is `expected_version`; version + 1. `reason` is required
  // when likelihood or impact change, and kept with the new placement.
  virtual Result<core::Risk> update(OrgId org, const core::Risk& risk, std::string_view reason,
                                    std::int64_t expected_version, const Actor& actor) = 0;
  virtual Status remove(OrgId org, RiskId id, const Actor& actor) = 0;

  // Every placement of the risk, oldest first.
  virtual Result<std::vector<core::Assessment>> history(OrgId org, RiskId id) = 0;
};

}  // namespace solipraxis::store
