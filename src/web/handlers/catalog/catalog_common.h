// Helpers shared by the catalog pages and the catalog API (handlers/catalog*.cc only).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <mstch/mstch.hpp>

#include "catalog/catalog.h"
#include "store/catalog.h"
#include "store/store.h"
#include "web/app.h"
#include "web/handlers/catalog/catalog_store.h"

namespace solipraxis::web::handlers::catalog_common {

namespace cat = solipraxis::catalog;

cat::Lang lang_of(const Request& req);

// Search filters from the query string: phase (1-4, I-IV, slug or id; "" = any) and kind
// ("" = any). False with `error_key` set when a value is unknown.
struct Filters {
  int phase = 0;
  bool has_kind = false;
  cat::Kind kind = cat::Kind::kQuestion;
};
bool parse_filters(const cat::Catalog& c, const Request& req, Filters& out, std::string& error_key);

// Where an item is shown: /praxis/phase/2#q.selection.07, /praxis/principles#p.3, ...
std::string item_url(const cat::Item& item);

// The Store query for `q` with the request's language and the filters.
store::CatalogQuery store_query(const Request& req, std::string q, const Filters& f);

// Search results for the templates: [{url, title: parts, has_title, text: parts, where, own}],
// where parts are [{text, mark}] so that every part is escaped by {{text}} and matched words are
// wrapped in <mark>. With `org_slug`, questions, approaches and resources link to the org's page.
mstch::array result_views(const Services& s, const Request& req,
                          const std::vector<catalog_store::Found>& found, std::string_view q,
                          std::string_view org_slug);

}  // namespace solipraxis::web::handlers::catalog_common
