// The catalog as the web sees it with a database behind it: the full-text search runs in the
// Store (SQLite FTS5 or PostgreSQL full text), indexed from the loaded catalog on first use;
// an org's catalog merges the base catalog with the org's own entries, hidden entries and order.
// Shared by the public Praxis pages, the org pages and the catalog API (handlers/*catalog*.cc).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "core/result.h"
#include "store/catalog.h"
#include "store/common.h"
#include "store/store.h"

namespace solipraxis::web::handlers::catalog_store {

namespace cat = solipraxis::catalog;

// Indexes every loaded catalog version for search (idempotent; serve calls it at start).
core::Status index_catalogs(store::Store& store, const cat::CatalogSet& set);

// An org's own entry as a catalog Item (id "own.<n>"); English falls back to German.
cat::Item own_item(const store::OrgCatalogEntry& e);

// The org's catalog: its changes plus the own entries as Items.
struct OrgCatalogView {
  store::OrgCatalog data;
  std::vector<cat::Item> own;  // same order as data.entries
  const cat::Item* find_own(std::string_view id) const;
  bool hidden(std::string_view id) const;
};
core::Result<OrgCatalogView> load_org_catalog(store::Store& store, core::OrgId org);

// The kinds an org can order and hide, in page order.
inline constexpr cat::Kind kOrgKinds[] = {cat::Kind::kQuestion, cat::Kind::kApproach,
                                          cat::Kind::kResource};
bool is_org_kind(cat::Kind kind);

// One (phase, kind) group of the org's catalog in the org's order: base entries in catalog
// order, then own entries by id, then moved by the org's positions. Hidden ones only with
// `with_hidden`.
std::vector<const cat::Item*> org_group(const cat::Catalog& c, const OrgCatalogView& view,
                                        int phase, cat::Kind kind, bool with_hidden);

// Moves `id` one place up (-1) or down (+1) within its group and stores the group's order.
// kNotFound when the id is not in the group; at either end nothing changes.
core::Status move_in_group(store::Store& store, const store::Actor& actor, core::OrgId org,
                           const cat::Catalog& c, const OrgCatalogView& view,
                           const std::string& id, int step);

// A search hit resolved to what the pages and API show.
struct Found {
  const cat::Item* item = nullptr;  // into the catalog, or into the view's own items
  bool own = false;
  double score = 0;
};

// Searches catalog `c` (a version of `set`) in the Store: the org's catalog when `org` is set
// (then `view` must be its loaded view). Indexes `set` first when the Store has not seen it.
core::Result<std::vector<Found>> search(store::Store& store, const cat::CatalogSet& set,
                                        const cat::Catalog& c, const store::CatalogQuery& q,
                                        std::optional<core::OrgId> org = std::nullopt,
                                        const OrgCatalogView* view = nullptr);

// The org's catalog as one list: phase by phase (only `phase` if not 0) its questions,
// approaches and resources in its order without hidden ones (only `kind` if set); other kinds
// (phases, boxes, principles, methods) follow in catalog order.
std::vector<const cat::Item*> org_list(const cat::Catalog& c, const OrgCatalogView& view,
                                       int phase, const cat::Kind* kind);

}  // namespace solipraxis::web::handlers::catalog_store
