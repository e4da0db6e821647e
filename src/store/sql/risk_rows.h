// What personas.cc and risks.cc share: loading a risk, the risks that name a
// persona, taking a persona off a risk, and the org's-tool check. Internal to
// src/store/sql.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/persona.h"
#include "core/risk.h"
#include "store/common.h"
#include "store/sql/db.h"

namespace solipraxis::store::sql {

// The columns risk_from() reads, in order, and the mapper.
std::string_view risk_columns();
core::Risk risk_from(const Row& r);  // without personas
// Fills in the personas of `risks` (all of the org's).
Status load_risk_personas(Tx& tx, OrgId org, std::vector<core::Risk>& risks);
// A short JSON summary of a risk for the audit log.
std::string risk_summary(const core::Risk& k);

// Ok when `tool` is the org's, else kNotFound "tools.error.not_found".
Status require_tool(Tx& tx, OrgId org, core::ToolId tool);

// The org's risk with its personas, or kNotFound "risks.error.not_found".
Result<core::Risk> load_risk(Tx& tx, OrgId org, core::RiskId id);

// The ids of the org's risks that name `persona`, by id.
Result<std::vector<core::RiskId>> risk_ids_naming(Tx& tx, OrgId org, core::PersonaId persona);

// Takes `persona` off `risk` (audited as "risk.update"). A risk that would
// then concern nobody gets the persona's name as its group.
Status detach_persona_from_risk(Tx& tx, OrgId org, core::RiskId risk,
                                const core::Persona& persona, const Actor& actor,
                                core::UnixTime now);

}  // namespace solipraxis::store::sql
