// The org's catalog as JSON (see org_catalog.h and web/static/openapi.json). Members read;
// editors and owners write. Every write goes through the Store, which validates and audits.
#include <algorithm>
#include <charconv>

#include <nlohmann/json.hpp>

#include "catalog/json.h"
#include "store/catalog.h"
#include "store/common.h"
#include "store/orgs.h"
#include "store/store.h"
#include "web/handlers/account/api.h"
#include "web/handlers/catalog/catalog_common.h"
#include "web/handlers/catalog/catalog_store.h"
#include "web/handlers/catalog/org_catalog.h"
#include "web/handlers/catalog/org_catalog_form.h"
#include "web/json.h"
#include "web/page.h"

namespace solipraxis::web::handlers {

namespace {

using namespace catalog_common;
using nlohmann::json;

constexpr int kDefaultLimit = 50;
constexpr int kMaxLimit = 200;

bool parse_int(std::string_view s, long long& out) {
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && ptr == s.data() + s.size();
}

json entry_json(const store::OrgCatalogEntry& e) {
  return json{{"id", e.entry_id()},
              {"kind", e.kind},
              {"phase", e.phase},
              {"title", {{"de", e.title_de}, {"en", e.title_en}}},
              {"text", {{"de", e.text_de}, {"en", e.text_en}}},
              {"url", e.url},
              {"own", true},
              {"created_at", iso8601(e.created_at)},
              {"updated_at", iso8601(e.updated_at)}};
}

std::string str_field(const json& j, const char* a, const char* b = nullptr) {
  const json* v = j.contains(a) ? &j[a] : nullptr;
  if (v && b) v = v->is_object() && v->contains(b) ? &(*v)[b] : nullptr;
  return v && v->is_string() ? v->get<std::string>() : std::string();
}

// {kind, phase, text: {de, en}, title: {de, en}, url}. The read-only fields of
// entry_json (id, own, created_at, updated_at) may come back and are ignored, so
// a read entry can be sent again. Returns "" or the error's i18n key: a wrong
// type is error.http.bad_request, any other key error.api.unknown_field (a typo
// such as "text_de" would otherwise be dropped without a word).
std::string_view entry_from_json(const json& j, store::OrgCatalogEntry& e) {
  constexpr std::string_view kBadRequest = "error.http.bad_request";
  if (!j.is_object()) return kBadRequest;
  for (const auto& [k, unused] : j.items()) {
    static constexpr std::string_view kKnown[] = {"kind", "phase",      "text",      "title", "url",
                                                  "id",   "own",        "created_at", "updated_at"};
    if (std::find(std::begin(kKnown), std::end(kKnown), k) == std::end(kKnown))
      return "error.api.unknown_field";
  }
  for (const char* k : {"kind", "url"})
    if (j.contains(k) && !j[k].is_string()) return kBadRequest;
  for (const char* k : {"text", "title"}) {
    if (!j.contains(k)) continue;
    if (!j[k].is_object()) return kBadRequest;
    for (const auto& [lang, v] : j[k].items())
      if ((lang != "de" && lang != "en") || !v.is_string()) return kBadRequest;
  }
  if (!j.contains("phase") || !j["phase"].is_number_integer()) return kBadRequest;
  e.kind = str_field(j, "kind");
  e.phase = j["phase"].get<int>();
  e.text_de = str_field(j, "text", "de");
  e.text_en = str_field(j, "text", "en");
  e.title_de = str_field(j, "title", "de");
  e.title_en = str_field(j, "title", "en");
  e.url = str_field(j, "url");
  return {};
}

std::optional<std::int64_t> own_id(std::string_view raw) {
  if (raw.starts_with(store::kOwnEntryPrefix)) raw.remove_prefix(store::kOwnEntryPrefix.size());
  long long id = 0;
  if (!parse_int(raw, id) || id <= 0) return std::nullopt;
  return id;
}

// ?limit=&cursor= over an in-memory list; the cursor is the next offset (opaque to clients).
bool page_of(const Request& req, std::size_t total, std::size_t& from, std::size_t& to,
             std::string& next) {
  long long limit = kDefaultLimit, offset = 0;
  if (const std::string l = req.query.value("limit"); !l.empty())
    if (!parse_int(l, limit) || limit < 1) return false;
  if (const std::string c = req.query.value("cursor"); !c.empty())
    if (!parse_int(c, offset) || offset < 0) return false;
  limit = std::min<long long>(limit, kMaxLimit);
  from = std::min<std::size_t>(static_cast<std::size_t>(offset), total);
  to = std::min<std::size_t>(from + static_cast<std::size_t>(limit), total);
  next = to < total ? std::to_string(to) : "";
  return true;
}

store::Actor api_actor(const auth::Membership& m) { return store::Actor{m.user.id, "api"}; }

struct Ctx {
  auth::Membership m;
  const cat::Catalog* catalog = nullptr;
};

template <typename Fn>
Response with_org(auth::Auth& auth, Request& req, store::Role role, Fn fn) {
  Services& s = auth.services();
  auto m = auth.require_member(req, req.param("org"), role);
  if (!m) return m.response();
  if (!s.catalog) return error_response(s, req, 503, "error.catalog.unavailable");
  return fn(Ctx{*m, &s.catalog->current()});
}

bool lang_param(const Request& req, cat::Lang& lang) {
  lang = lang_of(req);
  const std::string l = req.query.value("lang");
  return l.empty() || cat::parse_lang(l, lang);
}

}  // namespace

Response api_org_catalog(auth::Auth& auth, Request& req) {
  return with_org(auth, req, store::Role::kMember, [&](const Ctx& ctx) {
    Services& s = auth.services();
    Filters f;
    std::string key;
    if (!parse_filters(*ctx.catalog, req, f, key)) return error_response(s, req, 400, key);
    if (f.has_kind && !catalog_store::is_org_kind(f.kind))
      return error_response(s, req, 400, "error.catalog.unknown_kind");
    cat::Lang lang;
    if (!lang_param(req, lang)) return error_response(s, req, 400, "error.lang.unsupported");
    auto view = catalog_store::load_org_catalog(s.store, ctx.m.org.id);
    if (!view) return error_response(s, req, view.error());
    std::vector<const cat::Item*> all;
    for (const cat::Phase& p : ctx.catalog->phases) {
      if (f.phase && f.phase != p.number) continue;
      for (cat::Kind k : catalog_store::kOrgKinds) {
        if (f.has_kind && f.kind != k) continue;
        for (const cat::Item* it : catalog_store::org_group(*ctx.catalog, *view, p.number, k, false))
          all.push_back(it);
      }
    }
    std::size_t from = 0, to = 0;
    std::string next;
    if (!page_of(req, all.size(), from, to, next)) return error_response(s, req, 400, "error.http.bad_request");
    json items = json::array();
    for (std::size_t i = from; i < to; ++i) {
      json j = cat::item_json(*all[i], lang);
      j["own"] = all[i]->id.starts_with(store::kOwnEntryPrefix);
      items.push_back(std::move(j));
    }
    json body = list_json(std::move(items), next);
    body["version"] = ctx.catalog->version;
    return Response::json(body);
  });
}

Response api_org_catalog_search(auth::Auth& auth, Request& req) {
  return with_org(auth, req, store::Role::kMember, [&](const Ctx& ctx) {
    Services& s = auth.services();
    Filters f;
    std::string key;
    if (!parse_filters(*ctx.catalog, req, f, key)) return error_response(s, req, 400, key);
    cat::Lang lang;
    if (!lang_param(req, lang)) return error_response(s, req, 400, "error.lang.unsupported");
    store::CatalogQuery q = store_query(req, req.query.value("q"), f);
    q.lang = cat::lang_name(lang);
    if (const std::string l = req.query.value("limit"); !l.empty()) {
      long long limit = 0;
      if (!parse_int(l, limit) || limit < 1) return error_response(s, req, 400, "error.http.bad_request");
      q.limit = static_cast<int>(std::min<long long>(limit, kMaxLimit));
    }
    auto view = catalog_store::load_org_catalog(s.store, ctx.m.org.id);
    if (!view) return error_response(s, req, view.error());
    auto found = catalog_store::search(s.store, *s.catalog, *ctx.catalog, q, ctx.m.org.id, &*view);
    if (!found) return error_response(s, req, found.error());
    json items = json::array();
    for (const catalog_store::Found& h : *found) {
      json j = cat::item_json(*h.item, lang);
      j["own"] = h.own;
      j["score"] = h.score;
      items.push_back(std::move(j));
    }
    json body = list_json(std::move(items), "");
    body["version"] = ctx.catalog->version;
    return Response::json(body);
  });
}

Response api_org_entries(auth::Auth& auth, Request& req) {
  return with_org(auth, req, store::Role::kMember, [&](const Ctx& ctx) {
    Services& s = auth.services();
    auto data = s.store.catalog().org_catalog(ctx.m.org.id);
    if (!data) return error_response(s, req, data.error());
    std::size_t from = 0, to = 0;
    std::string next;
    if (!page_of(req, data->entries.size(), from, to, next))
      return error_response(s, req, 400, "error.http.bad_request");
    json items = json::array();
    for (std::size_t i = from; i < to; ++i) items.push_back(entry_json(data->entries[i]));
    return Response::json(list_json(std::move(items), next));
  });
}

Response api_org_entry_create(auth::Auth& auth, Request& req) {
  return with_org(auth, req, store::Role::kEditor, [&](const Ctx& ctx) {
    Services& s = auth.services();
    auto body = parse_json_body(req);
    if (!body) return auth.error(req, json_body_status(body.error()), body.error().key);
    store::OrgCatalogEntry e;
    if (auto key = entry_from_json(*body, e); !key.empty()) return auth.error(req, 400, key);
    auto made = s.store.catalog().create_org_catalog_entry(ctx.m.org.id, e, api_actor(ctx.m));
    if (!made) return error_response(s, req, made.error());
    return Response::json(entry_json(*made), 201);
  });
}

Response api_org_entry(auth::Auth& auth, Request& req) {
  return with_org(auth, req, store::Role::kMember, [&](const Ctx& ctx) {
    auto id = own_id(req.param("id"));
    if (!id) return auth.error(req, 404, "catalog.error.not_found");
    auto e = auth.services().store.catalog().org_catalog_entry(ctx.m.org.id, *id);
    if (!e) return error_response(auth.services(), req, e.error());
    return Response::json(entry_json(*e));
  });
}

Response api_org_entry_update(auth::Auth& auth, Request& req) {
  return with_org(auth, req, store::Role::kEditor, [&](const Ctx& ctx) {
    Services& s = auth.services();
    auto id = own_id(req.param("id"));
    if (!id) return auth.error(req, 404, "catalog.error.not_found");
    auto body = parse_json_body(req);
    if (!body) return auth.error(req, json_body_status(body.error()), body.error().key);
    store::OrgCatalogEntry e;
    if (auto key = entry_from_json(*body, e); !key.empty()) return auth.error(req, 400, key);
    e.id = *id;
    auto saved = s.store.catalog().update_org_catalog_entry(ctx.m.org.id, e, api_actor(ctx.m));
    if (!saved) return error_response(s, req, saved.error());
    return Response::json(entry_json(*saved));
  });
}

Response api_org_entry_delete(auth::Auth& auth, Request& req) {
  return with_org(auth, req, store::Role::kEditor, [&](const Ctx& ctx) {
    auto id = own_id(req.param("id"));
    if (!id) return auth.error(req, 404, "catalog.error.not_found");
    auto st = auth.services().store.catalog().delete_org_catalog_entry(ctx.m.org.id, *id, api_actor(ctx.m));
    if (!st) return error_response(auth.services(), req, st.error());
    Response res;
    res.status = 204;
    return res;
  });
}

Response api_org_hidden(auth::Auth& auth, Request& req) {
  return with_org(auth, req, store::Role::kMember, [&](const Ctx& ctx) {
    auto data = auth.services().store.catalog().org_catalog(ctx.m.org.id);
    if (!data) return error_response(auth.services(), req, data.error());
    return Response::json(list_json(json(data->hidden), ""));
  });
}

namespace {
Response set_hidden(auth::Auth& auth, Request& req, bool hidden) {
  return with_org(auth, req, store::Role::kEditor, [&](const Ctx& ctx) {
    Services& s = auth.services();
    const std::string id = req.param("entry");
    if (auto st = check_hideable(*ctx.catalog, id); !st) return error_response(s, req, st.error());
    auto st = s.store.catalog().set_catalog_entry_hidden(ctx.m.org.id, id, hidden, api_actor(ctx.m));
    if (!st) return error_response(s, req, st.error());
    Response res;
    res.status = 204;
    return res;
  });
}
}  // namespace

Response api_org_hide(auth::Auth& auth, Request& req) { return set_hidden(auth, req, true); }
Response api_org_unhide(auth::Auth& auth, Request& req) { return set_hidden(auth, req, false); }

Response api_org_order(auth::Auth& auth, Request& req) {
  return with_org(auth, req, store::Role::kEditor, [&](const Ctx& ctx) {
    Services& s = auth.services();
    auto body = parse_json_body(req);
    if (!body) return auth.error(req, json_body_status(body.error()), body.error().key);
    const json& b = *body;
    cat::Kind kind;
    if (!b.is_object() || !b.contains("phase") || !b["phase"].is_number_integer() ||
        !b.contains("kind") || !b["kind"].is_string() || !b.contains("ids") ||
        !b["ids"].is_array())
      return auth.error(req, 400, "error.http.bad_request");
    const int phase = b["phase"].get<int>();
    if (!cat::parse_kind(b["kind"].get<std::string>(), kind) || !catalog_store::is_org_kind(kind))
      return error_response(s, req, 400, "catalog.error.kind");
    if (!ctx.catalog->phase_by_number(phase)) return error_response(s, req, 400, "catalog.error.phase");
    std::vector<std::string> ids;
    for (const json& id : b["ids"]) {
      if (!id.is_string()) return auth.error(req, 400, "error.http.bad_request");
      ids.push_back(id.get<std::string>());
    }
    // The new order must name exactly the group's entries (hidden ones included).
    auto view = catalog_store::load_org_catalog(s.store, ctx.m.org.id);
    if (!view) return error_response(s, req, view.error());
    std::vector<std::string> have;
    for (const cat::Item* it : catalog_store::org_group(*ctx.catalog, *view, phase, kind, true))
      have.push_back(it->id);
    std::vector<std::string> want = ids;
    std::sort(have.begin(), have.end());
    std::sort(want.begin(), want.end());
    if (have != want) return error_response(s, req, 400, "catalog.error.order");
    auto st = s.store.catalog().set_catalog_order(ctx.m.org.id, phase, cat::kind_name(kind), ids,
                                        api_actor(ctx.m));
    if (!st) return error_response(s, req, st.error());
    return Response::json(list_json(json(ids), ""));
  });
}

}  // namespace solipraxis::web::handlers
