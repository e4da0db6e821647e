// GET /api/v1/catalog and /api/v1/catalog/search (see catalog.h).
#include <charconv>

#include "catalog/json.h"
#include "store/catalog.h"
#include "web/handlers/catalog/catalog.h"
#include "web/handlers/catalog/catalog_common.h"
#include "web/json.h"
#include "web/page.h"

namespace solipraxis::web::handlers {

namespace {

using namespace catalog_common;

constexpr int kMaxLimit = 200;

bool parse_int(const std::string& s, int& out) {
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && ptr == s.data() + s.size();
}

}  // namespace

Response api_catalog(Services& s, Request& req) {
  if (!s.catalog) return error_response(s, req, 503, "error.catalog.unavailable");
  const cat::Catalog* c = &s.catalog->current();
  if (const std::string v = req.query.value("version"); !v.empty()) {
    int version = 0;
    c = parse_int(v, version) ? s.catalog->at(version) : nullptr;
    if (!c) return error_response(s, req, 404, "error.catalog.unknown_version");
  }
  nlohmann::json body = cat::catalog_json(*c);
  body["versions"] = s.catalog->versions();
  Response res = Response::json(body);
  res.headers.set("Cache-Control", "public, max-age=300");
  return res;
}

Response api_catalog_search(Services& s, Request& req) {
  if (!s.catalog) return error_response(s, req, 503, "error.catalog.unavailable");
  const cat::Catalog& c = s.catalog->current();
  Filters f;
  std::string key;
  if (!parse_filters(c, req, f, key)) return error_response(s, req, 400, key);
  store::CatalogQuery q = store_query(req, req.query.value("q"), f);
  if (const std::string l = req.query.value("lang"); !l.empty()) {
    cat::Lang lang;
    if (!cat::parse_lang(l, lang)) return error_response(s, req, 400, "error.lang.unsupported");
    q.lang = cat::lang_name(lang);
  }
  if (const std::string l = req.query.value("limit"); !l.empty()) {
    int limit = 0;
    if (!parse_int(l, limit) || limit < 1) return error_response(s, req, 400, "error.http.bad_request");
    q.limit = std::min(limit, kMaxLimit);
  }
  auto found = catalog_store::search(s.store, *s.catalog, c, q);
  if (!found) return error_response(s, req, found.error());
  cat::Lang lang = cat::Lang::kDe;
  cat::parse_lang(q.lang, lang);
  nlohmann::json items = nlohmann::json::array();
  for (const catalog_store::Found& h : *found) {
    nlohmann::json j = cat::item_json(*h.item, lang);
    j["score"] = h.score;
    j["url"] = item_url(*h.item);
    items.push_back(std::move(j));
  }
  nlohmann::json body = list_json(std::move(items), "");
  body["version"] = c.version;
  return Response::json(body);
}

}  // namespace solipraxis::web::handlers
