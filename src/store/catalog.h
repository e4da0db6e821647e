// The practice catalog in the database: the full-text index of the base
// catalog (not org-owned) and each org's changes to it (own entries, hidden
// entries, order), which are audited in the same transaction. Implemented
// once in store/sql/catalog_search.cc and org_catalog.cc.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/search_doc.h"
#include "store/common.h"

namespace solipraxis::store {

// A full-text query over the catalog. Words match by prefix, case-, accent- and
// umlaut-insensitively (core/fold.h); every word must match (in title or text).
// PostgreSQL also stems (german/english); SQLite FTS5 has no German stemmer.
struct CatalogQuery {
  std::string text;
  std::string lang = "de";  // hits in this language rank before hits in the other
  int phase = 0;            // 1..4, 0 = any
  std::string kind;         // "question", "approach", ... ; "" = any
  int limit = 50;           // clamped to [1, 200]
};

struct CatalogHit {
  std::string entry_id;  // a catalog id, or an org's own entry as "own.<id>"
  bool own = false;      // the org's own entry
  double score = 0;      // larger is better; only the order is meaningful
};

inline constexpr std::string_view kOwnEntryPrefix = "own.";

// An entry an org added to its catalog. Its public id is "own.<id>".
struct OrgCatalogEntry {
  std::int64_t id = 0;
  std::string kind = "question";  // "question" or "resource"
  int phase = 1;                  // 1..4
  std::string title_de, title_en;  // resources: the name (de required); questions: unused
  std::string text_de, text_en;    // de required, en optional
  std::string url;                 // resources: "" or an http(s) URL
  UnixTime created_at = 0;
  UnixTime updated_at = 0;
  std::string entry_id() const { return std::string(kOwnEntryPrefix) + std::to_string(id); }
};

inline constexpr std::size_t kMaxCatalogTitleChars = 200;
inline constexpr std::size_t kMaxCatalogTextChars = 2000;
inline constexpr std::size_t kMaxCatalogUrlChars = 500;

// The org's order of one (phase, kind) group: entries listed here come first, by position.
struct CatalogOrderEntry {
  int phase = 0;
  std::string kind;
  std::string entry_id;
  int position = 0;
};

// Everything an org changed about the catalog.
struct OrgCatalog {
  std::vector<OrgCatalogEntry> entries;  // by id
  std::vector<std::string> hidden;       // catalog entry ids, sorted
  std::vector<CatalogOrderEntry> order;  // by phase, kind, position
};

class Catalog {
 public:
  virtual ~Catalog() = default;

  // --- search of the base catalog (not org-owned) ---
  // Makes `docs` the searchable text of catalog `version`. Idempotent: a second
  // call with the same docs changes nothing (a fingerprint is kept per version).
  virtual Status index_catalog(int version, const std::vector<core::SearchDoc>& docs) = 0;
  // Ranked ids of the base catalog `version`. kNotFound "error.catalog.not_indexed"
  // when that version was never indexed. A query without words gives no hits.
  virtual Result<std::vector<CatalogHit>> search_catalog(int version, const CatalogQuery& query) = 0;

  // --- the org's catalog (org-owned): own entries, hidden entries, order ---
  // Like search_catalog, plus the org's own entries, minus the entries it hid.
  virtual Result<std::vector<CatalogHit>> search_org_catalog(OrgId org, int version,
                                                             const CatalogQuery& query) = 0;
  virtual Result<OrgCatalog> org_catalog(OrgId org) = 0;
  virtual Result<OrgCatalogEntry> org_catalog_entry(OrgId org, std::int64_t id) = 0;
  // Validates (kInvalidInput, "catalog.error.*"), trims, stores, indexes for
  // search and audits ("catalog.entry.create"/".update"/".delete") in one transaction.
  virtual Result<OrgCatalogEntry> create_org_catalog_entry(OrgId org, const OrgCatalogEntry& entry,
                                                           const Actor& actor) = 0;
  virtual Result<OrgCatalogEntry> update_org_catalog_entry(OrgId org, const OrgCatalogEntry& entry,
                                                           const Actor& actor) = 0;
  virtual Status delete_org_catalog_entry(OrgId org, std::int64_t id, const Actor& actor) = 0;
  // Hides (or shows again) a catalog entry for this org; idempotent, audited
  // ("catalog.hide"/"catalog.unhide") only when something changed. The Store
  // checks the id's form, not that the catalog has it (the caller does).
  virtual Status set_catalog_entry_hidden(OrgId org, std::string_view entry_id, bool hidden,
                                          const Actor& actor) = 0;
  // Replaces the org's order of one (phase, kind) group; `entry_ids` unique.
  // Audited ("catalog.order").
  virtual Status set_catalog_order(OrgId org, int phase, std::string_view kind,
                                   const std::vector<std::string>& entry_ids,
                                   const Actor& actor) = 0;
};

}  // namespace solipraxis::store
