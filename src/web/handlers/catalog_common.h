// Helpers shared by the catalog pages and the catalog API (handlers/catalog*.cc only).
#pragma once

#include <string>

#include "catalog/catalog.h"
#include "web/app.h"

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

}  // namespace solipraxis::web::handlers::catalog_common
