#include "web/handlers/catalog/catalog_store.h"

#include <algorithm>

#include "catalog/search_docs.h"
#include "store/catalog.h"
#include "store/common.h"
#include "store/store.h"

namespace solipraxis::web::handlers::catalog_store {

core::Status index_catalogs(store::Store& store, const cat::CatalogSet& set) {
  for (int v : set.versions())
    if (auto st = store.catalog().index_catalog(v, cat::search_docs(*set.at(v))); !st) return st;
  return {};
}

cat::Item own_item(const store::OrgCatalogEntry& e) {
  cat::Item it;
  it.id = e.entry_id();
  cat::parse_kind(e.kind, it.kind);
  it.phases = {e.phase};
  it.title = {e.title_de, e.title_en.empty() ? e.title_de : e.title_en};
  it.text = {e.text_de, e.text_en.empty() ? e.text_de : e.text_en};
  return it;
}

const cat::Item* OrgCatalogView::find_own(std::string_view id) const {
  for (const cat::Item& it : own)
    if (it.id == id) return &it;
  return nullptr;
}

bool OrgCatalogView::hidden(std::string_view id) const {
  return std::binary_search(data.hidden.begin(), data.hidden.end(), id);
}

core::Result<OrgCatalogView> load_org_catalog(store::Store& store, core::OrgId org) {
  auto data = store.catalog().org_catalog(org);
  if (!data) return data.error();
  OrgCatalogView view;
  view.data = std::move(data).value();
  std::sort(view.data.hidden.begin(), view.data.hidden.end());
  for (const auto& e : view.data.entries) view.own.push_back(own_item(e));
  return view;
}

bool is_org_kind(cat::Kind kind) {
  return std::find(std::begin(kOrgKinds), std::end(kOrgKinds), kind) != std::end(kOrgKinds);
}

std::vector<const cat::Item*> org_group(const cat::Catalog& c, const OrgCatalogView& view,
                                        int phase, cat::Kind kind, bool with_hidden) {
  std::vector<const cat::Item*> all = c.list(phase, &kind);
  for (const cat::Item& it : view.own)
    if (it.kind == kind && it.phases.front() == phase) all.push_back(&it);
  const std::string kind_name = cat::kind_name(kind);
  std::map<std::string, int, std::less<>> position;
  for (const auto& o : view.data.order)
    if (o.phase == phase && o.kind == kind_name) position.emplace(o.entry_id, o.position);
  // Placed entries first by position; the rest keep their default order after them.
  std::stable_sort(all.begin(), all.end(), [&](const cat::Item* a, const cat::Item* b) {
    auto pa = position.find(a->id), pb = position.find(b->id);
    const bool ha = pa != position.end(), hb = pb != position.end();
    if (ha != hb) return ha;
    return ha && pa->second < pb->second;
  });
  if (!with_hidden)
    std::erase_if(all, [&](const cat::Item* it) { return view.hidden(it->id); });
  return all;
}

core::Status move_in_group(store::Store& store, const store::Actor& actor, core::OrgId org,
                           const cat::Catalog& c, const OrgCatalogView& view,
                           const std::string& id, int step) {
  const cat::Item* item = c.find(id);
  if (!item) item = view.find_own(id);
  if (!item || !is_org_kind(item->kind) || item->phases.size() != 1)
    return core::make_error(core::ErrorCode::kNotFound, "catalog.error.not_found",
                            "no such entry in the org's catalog");
  auto group = org_group(c, view, item->phases.front(), item->kind, true);
  auto it = std::find(group.begin(), group.end(), item);
  const auto at = it - group.begin();
  const auto to = at + step;
  if (to < 0 || to >= static_cast<long>(group.size())) return {};
  std::swap(group[at], group[to]);
  std::vector<std::string> ids;
  for (const cat::Item* g : group) ids.push_back(g->id);
  return store.catalog().set_catalog_order(org, item->phases.front(), cat::kind_name(item->kind), ids,
                                 actor);
}

std::vector<const cat::Item*> org_list(const cat::Catalog& c, const OrgCatalogView& view,
                                       int phase, const cat::Kind* kind) {
  std::vector<const cat::Item*> out;
  for (const cat::Phase& p : c.phases) {
    if (phase != 0 && p.number != phase) continue;
    for (cat::Kind k : kOrgKinds) {
      if (kind && *kind != k) continue;
      for (const cat::Item* it : org_group(c, view, p.number, k, false)) out.push_back(it);
    }
  }
  for (const cat::Item* it : c.list(phase, kind))
    if (!is_org_kind(it->kind)) out.push_back(it);
  return out;
}

core::Result<std::vector<Found>> search(store::Store& store, const cat::CatalogSet& set,
                                        const cat::Catalog& c, const store::CatalogQuery& q,
                                        std::optional<core::OrgId> org,
                                        const OrgCatalogView* view) {
  auto run = [&] {
    return org ? store.catalog().search_org_catalog(*org, c.version, q) : store.catalog().search_catalog(c.version, q);
  };
  auto hits = run();
  if (!hits && hits.error().key == "error.catalog.not_indexed") {
    if (auto st = index_catalogs(store, set); !st) return st.error();
    hits = run();
  }
  if (!hits) return hits.error();
  std::vector<Found> out;
  for (const store::CatalogHit& h : *hits) {
    const cat::Item* item = h.own ? (view ? view->find_own(h.entry_id) : nullptr)
                                  : c.find(h.entry_id);
    if (item) out.push_back(Found{item, h.own, h.score});
  }
  return out;
}

}  // namespace solipraxis::web::handlers::catalog_store
