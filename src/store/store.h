// The Store: every persistent read and write of solipraxis goes through it.
// It only hands out one interface per aggregate (store/users.h, orgs.h,
// tools.h, catalog.h, checker.h, audit.h,
// reflections.h, personas.h, risks.h, live.h, action_items.h, feedback.h); a caller includes the headers of
// the aggregates it uses. Two engines implement them once, over sql::Db
// (store/sql/); one contract test suite (tests/store/) holds both to the same
// behaviour.
//
// Guarantees every aggregate keeps:
// - Every org-owned call takes a core::OrgId first. OrgId has no implicit
//   conversion, so cross-tenant access cannot be written by accident; rows of
//   another org are "not found", never returned.
// - Every change to org data writes an audit_log row in the same transaction.
// - Queries are parameterised. Expected failures are Result errors (not_found,
//   conflict, invalid_input, unavailable); exceptions never leave the Store.
// - Timestamps come from the injected core::Clock.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "core/clock.h"
#include "store/common.h"
#include "store/faults.h"

namespace solipraxis::store {

class ActionItems;
class Audit;
class Catalog;
class Checker;
class Feedback;
class Orgs;
class Live;
class Personas;
class Reflections;
class Risks;
class Tools;
class Users;

class Store {
 public:
  virtual ~Store() = default;

  // --- schema and health ---
  virtual const char* engine() const = 0;  // "sqlite" or "postgresql"
  virtual Result<int> schema_version() = 0;
  virtual Status ping() = 0;  // the store answers a trivial query
  // The storage fault of the last failed write (store/faults.h: kStoreFull,
  // kStoreReadOnly) while no write has succeeded since; "" when writes work.
  virtual std::string write_fault() const = 0;
  // Opened read-only on purpose (StoreConfig::read_only): every write is
  // refused with kStoreReadOnly.
  virtual bool read_only() const = 0;
  // Whether the store takes writes (a write that only drops expired sign-ins):
  // kUnavailable with kStoreReadOnly when it cannot be written.
  virtual Status check_writable() = 0;

  // --- the aggregates; each lives as long as the Store ---
  virtual Users& users() = 0;      // people, sign-ins, API tokens
  virtual Orgs& orgs() = 0;        // orgs, memberships, invitations
  virtual Tools& tools() = 0;      // tool register, decisions, red lines, reviews
  virtual Catalog& catalog() = 0;  // catalog search, the org's own catalog
  virtual Checker& checker() = 0;  // the org's checker settings
  virtual Audit& audit() = 0;      // reading the audit log
  virtual Reflections& reflections() = 0;  // guided reflections on tools
  virtual Personas& personas() = 0;        // the org's personas, attached to tools
  virtual Risks& risks() = 0;              // the vulnerability risk matrix per tool
  virtual Live& live() = 0;                // live sessions: retro and workshop with a room
  virtual ActionItems& action_items() = 0; // next steps in a tool's record
  virtual Feedback& feedback() = 0;        // what the people a tool affects tell the org
};

struct StoreConfig {
  // A file path (SQLite) or a postgresql:// / postgres:// URL. Empty: <data_dir>/solipraxis.db.
  std::string database;
  std::string data_dir = "var";
  bool migrate = true;  // apply pending migrations on open
  // Read only, on purpose: SQLite opens the file read-only (works on a
  // read-only mount) and the store refuses every write. Needs migrate = false;
  // a schema older than the binary is then refused ("run solipraxis migrate").
  bool read_only = false;
  // SQLite only: the largest the file may grow, in pages (0 = no limit). Past
  // it a write fails as on a full disk (kStoreFull); tests simulate one with it.
  std::int64_t sqlite_max_pages = 0;
};

// Opens the engine the URL names and (with config.migrate) brings the schema up
// to date. Errors: unavailable (unreachable, not a database, cannot create the
// data dir) and conflict (the database is newer than this binary), each with a
// message a person can act on.
Result<std::unique_ptr<Store>> open_store(const StoreConfig& config, core::Clock& clock);

}  // namespace solipraxis::store
