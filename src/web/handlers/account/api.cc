#include "web/handlers/account/api.h"

#include <ctime>

#include <nlohmann/json.hpp>

#include "core/civil_date.h"
#include "store/common.h"
#include "store/orgs.h"
#include "store/store.h"
#include "store/users.h"
#include "store/validation.h"
#include "web/json.h"
#include "web/page.h"

namespace solipraxis::web::handlers {

using nlohmann::json;

std::string iso8601(core::UnixTime t) { return core::utc_timestamp(t); }

namespace {

json me_json(const store::User& u) {
  return {{"id", u.id.value}, {"email", u.email}, {"name", u.name}, {"lang", u.lang}};
}

json org_json(const store::Org& org, store::Role role) {
  return {{"slug", org.slug},
          {"name", org.name},
          {"role", store::role_name(role)},
          {"time_zone", org.time_zone},
          {"created_at", iso8601(org.created_at)}};
}

Response store_error(auth::Auth& auth, const Request& req, const core::Error& e) {
  return error_response(auth.services(), req, e);
}

}  // namespace

Response api_me(auth::Auth& auth, Request& req) {
  auto p = auth.require_user(req);
  if (!p) return p.response();
  return Response::json(me_json(p->user));
}

Response api_update_me(auth::Auth& auth, Request& req) {
  auto p = auth.require_user(req);
  if (!p) return p.response();
  auto body = parse_json_body(req);
  if (!body) return auth.error(req, json_body_status(body.error()), body.error().key);
  if (!body->is_object()) return auth.error(req, 400, "error.http.bad_request");
  store::Store& st = auth.services().store;
  // Validate everything first, so a bad field changes nothing.
  std::optional<std::string> name, lang;
  if (body->contains("name")) {
    if (!(*body)["name"].is_string()) return auth.error(req, 400, "error.http.bad_request");
    name = (*body)["name"].get<std::string>();
    if (auto v = store::validate_user_name(*name); !v) return store_error(auth, req, v.error());
  }
  if (body->contains("lang")) {
    if (!(*body)["lang"].is_string()) return auth.error(req, 400, "error.http.bad_request");
    lang = (*body)["lang"].get<std::string>();
    if (auto v = store::validate_lang(*lang); !v) return store_error(auth, req, v.error());
  }
  const core::UserId id = p->user.id;
  if (name) {
    if (auto s = st.users().set_user_name(id, *name); !s) return store_error(auth, req, s.error());
  }
  if (lang) {
    if (auto s = st.users().set_user_lang(id, *lang); !s) return store_error(auth, req, s.error());
  }
  auto user = st.users().user(id);
  if (!user) return store_error(auth, req, user.error());
  return Response::json(me_json(*user));
}

Response api_orgs(auth::Auth& auth, Request& req) {
  auto p = auth.require_user(req);
  if (!p) return p.response();
  store::Store& st = auth.services().store;
  auto orgs = st.orgs().orgs_with_roles(p->user.id);
  if (!orgs) return store_error(auth, req, orgs.error());
  json items = json::array();
  for (const auto& entry : *orgs) items.push_back(org_json(entry.org, entry.role));
  return Response::json(list_json(std::move(items), ""));
}

Response api_org(auth::Auth& auth, Request& req) {
  auto m = auth.require_member(req, req.param("org"));
  if (!m) return m.response();
  return Response::json(org_json(m->org, m->role));
}

Response api_update_org(auth::Auth& auth, Request& req) {
  auto m = auth.require_member(req, req.param("org"), store::Role::kOwner);
  if (!m) return m.response();
  auto body = parse_json_body(req);
  if (!body) return auth.error(req, json_body_status(body.error()), body.error().key);
  if (!body->is_object()) return auth.error(req, 400, "error.http.bad_request");
  if (body->contains("slug")) return auth.error(req, 400, "org.error.slug_fixed");
  for (const char* key : {"name", "time_zone"}) {
    if (body->contains(key) && !(*body)[key].is_string()) {
      return auth.error(req, 400, "error.http.bad_request");
    }
  }
  const auto text_field = [&](const char* key) -> std::optional<std::string> {
    if (!body->contains(key)) return std::nullopt;
    return (*body)[key].get<std::string>();
  };
  const auto name = text_field("name");
  const auto zone = text_field("time_zone");
  // Both are checked before either is written: a refused body changes nothing.
  if (name) {
    if (auto ok = store::validate_org_name(*name); !ok) return store_error(auth, req, ok.error());
  }
  if (zone) {
    if (auto ok = store::validate_time_zone(*zone); !ok) return store_error(auth, req, ok.error());
  }
  store::Store& st = auth.services().store;
  const store::Actor actor{m->user.id, "api"};
  if (name) {
    if (auto org = st.orgs().rename_org(m->org.id, *name, actor); !org) {
      return store_error(auth, req, org.error());
    }
  }
  if (zone) {
    if (auto ok = st.orgs().set_org_time_zone(m->org.id, *zone, actor); !ok) {
      return store_error(auth, req, ok.error());
    }
  }
  auto org = st.orgs().org(m->org.id);
  if (!org) return store_error(auth, req, org.error());
  return Response::json(org_json(*org, m->role));
}

Response api_members(auth::Auth& auth, Request& req) {
  auto m = auth.require_member(req, req.param("org"));
  if (!m) return m.response();
  auto members = auth.services().store.orgs().members(m->org.id);
  if (!members) return store_error(auth, req, members.error());
  json items = json::array();
  for (const auto& mem : *members) {
    items.push_back({{"id", mem.user.id.value},
                     {"name", mem.user.name},
                     {"email", mem.user.email},
                     {"role", store::role_name(mem.role)},
                     {"since", iso8601(mem.since)}});
  }
  return Response::json(list_json(std::move(items), ""));
}

Response api_openapi(auth::Auth& auth, Request& req) {
  const StaticFile* file = auth.services().static_files.find("openapi.json");
  if (!file) return auth.error(req, 404, "error.http.not_found");
  Response res;
  res.headers.set("Content-Type", "application/json");
  res.headers.set("ETag", file->etag);
  res.headers.set("Cache-Control", "public, max-age=3600");
  res.body = file->body;
  return res;
}

}  // namespace solipraxis::web::handlers
