// The org's persona library (issue 24) and which personas each tool's risk
// work draws on. Org-owned; implemented once in store/sql/personas.cc.
//
// Guarantees:
// - Personas are normalised and validated by core (normalize_persona,
//   persona_errors) before anything is written; a refused write changes nothing.
// - An update is saved only if the stored version is still the one the
//   writer read (kConflict "personas.error.stale"), so two people editing the
//   same persona cannot overwrite each other unseen.
// - A persona that risks refer to is not removed by accident: remove() is
//   refused (kConflict "personas.error.in_use", the risk ids in the detail)
//   unless the caller detaches it explicitly, in one transaction.
// - A tool and a persona of another org are not found; attaching one is
//   impossible by construction (every row carries the org id).
// - Every write is audited in its transaction ("persona.*").
#pragma once

#include <cstddef>
#include <vector>

#include "core/persona.h"
#include "core/risk.h"
#include "store/common.h"

namespace solipraxis::store {

using core::PersonaId;

// An org keeps at most this many personas (lists are not paged below it).
inline constexpr std::size_t kMaxPersonasPerOrg = 500;

class Personas {
 public:
  virtual ~Personas() = default;

  // The org's personas by name (then id).
  virtual Result<std::vector<core::Persona>> list(OrgId org) = 0;
  // not_found "personas.error.not_found".
  virtual Result<core::Persona> get(OrgId org, PersonaId id) = 0;

  // kInvalidInput with the first of core::persona_errors; kConflict
  // "personas.error.too_many" past kMaxPersonasPerOrg. Version 1.
  virtual Result<core::Persona> create(OrgId org, const core::Persona& persona,
                                       const Actor& actor) = 0;
  // Saves every field of `persona` (by its id) if the stored version is
  // `expected_version`; version + 1.
  virtual Result<core::Persona> update(OrgId org, const core::Persona& persona,
                                       std::int64_t expected_version, const Actor& actor) = 0;
  // Removes the persona and its tool attachments. While risks refer to it:
  // kConflict "personas.error.in_use" unless `detach_from_risks`; then it is
  // taken off those risks first, and a risk that would concern nobody keeps
  // the persona's name as its group, so no risk loses whom it is about.
  virtual Status remove(OrgId org, PersonaId id, bool detach_from_risks, const Actor& actor) = 0;

  // The personas attached to a tool, by name.
  virtual Result<std::vector<core::Persona>> of_tool(OrgId org, core::ToolId tool) = 0;
  // not_found "tools.error.not_found" / "personas.error.not_found". Attaching
  // an attached persona (or detaching a detached one) changes nothing.
  virtual Status attach(OrgId org, core::ToolId tool, PersonaId persona, const Actor& actor) = 0;
  virtual Status detach(OrgId org, core::ToolId tool, PersonaId persona, const Actor& actor) = 0;
};

}  // namespace solipraxis::store
