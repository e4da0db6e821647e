#include "web/handlers/personas/api.h"

#include <set>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/risk_export.h"
#include "store/paging.h"
#include "store/personas.h"
#include "store/risks.h"
#include "store/store.h"
#include "store/tools.h"
#include "web/handlers/common/paging.h"
#include "web/handlers/common/params.h"
#include "web/handlers/personas/form.h"
#include "web/handlers/tools/tools_api.h"
#include "web/page.h"

namespace solipraxis::web::handlers::personas {

using core::ErrorCode;
using core::make_error;
using nlohmann::json;

namespace {

store::Actor actor_of(const auth::Membership& m) { return store::Actor{m.user.id, "api"}; }

json persona_value(const core::Persona& p) { return json::parse(core::persona_json(p)); }

core::Error type_error(const std::string& field, std::string_view want) {
  return make_error(ErrorCode::kInvalidInput, "error.api.field_type",
                    field + ": must be " + std::string(want));
}

template <typename E>
core::Status read_enum(const json& v, const std::string& field,
                       core::Result<E> (*parse)(std::string_view), E& out) {
  if (!v.is_string()) return type_error(field, "a string (\"\" = not said)");
  auto e = parse(v.get<std::string>());
  if (!e) return e.error();  // its detail starts with the field's name
  out = *e;
  return {};
}

core::Status read_strings(const json& v, const std::string& field, std::vector<std::string>& out) {
  if (!v.is_array()) return type_error(field, "an array of strings");
  out.clear();
  for (const json& item : v) {
    if (!item.is_string()) return type_error(field, "an array of strings");
    out.push_back(item.get<std::string>());
  }
  return {};
}

// Sets every field `body` names on `p` (names of core::persona_json); read-only
// fields are accepted and ignored, so a client can send back what it read.
core::Status read_persona(const json& body, core::Persona& p) {
  static const std::set<std::string, std::less<>> kReadOnly = {
      "id", "version", "created_at", "updated_at", "example_id", "non_user"};
  for (const auto& [key, v] : body.items()) {
    core::Status st;
    if (key == "name" || key == "story" || key == "origin" || key == "gender_text") {
      if (!v.is_string()) return type_error(key, "a string");
      std::string& field = key == "name"     ? p.name
                           : key == "story"  ? p.story
                           : key == "origin" ? p.origin
                                             : p.gender_text;
      field = v.get<std::string>();
    } else if (key == "languages") {
      st = read_strings(v, key, p.languages);
    } else if (key == "tags") {
      st = read_strings(v, key, p.tags);
    } else if (key == "age") {
      if (v.is_null()) {
        p.age.reset();
      } else if (!v.is_number_integer()) {
        return type_error(key, "a whole number or null");
      } else {
        const auto n = v.get<std::int64_t>();
        // Past the scale: core's age check says so with its own message.
        p.age = n < 0 || n > core::kPersonaAgeMax ? -1 : static_cast<int>(n);
      }
    } else if (key == "place") {
      st = read_enum(v, key, core::parse_place, p.place);
    } else if (key == "gender") {
      st = read_enum(v, key, core::parse_gender, p.gender);
    } else if (key == "digital_skills") {
      st = read_enum(v, key, core::parse_skills, p.skills);
    } else if (key == "device") {
      st = read_enum(v, key, core::parse_device, p.device);
    } else if (key == "connectivity") {
      st = read_enum(v, key, core::parse_connectivity, p.connectivity);
    } else if (key == "use") {
      st = read_enum(v, key, core::parse_use, p.use);
    } else if (!kReadOnly.contains(key)) {
      return make_error(ErrorCode::kInvalidInput, "error.api.unknown_field", key + ": unknown field");
    }
    if (!st) return st;
  }
  return {};
}

// The persona a body describes on top of `base`, normalised, or the answer
// that says what is wrong with it.
core::Result<core::Persona> persona_from_body(const Services& s, const Request& req,
                                              core::Persona base, Response& failure) {
  auto body = api_object_body(req);
  if (!body) {
    failure = api_body_failure(s, req, body.error());
    return body.error();
  }
  if (auto st = read_persona(*body, base); !st) {
    failure = api_failure(s, req, st.error());
    return st.error();
  }
  core::normalize_persona(base);
  if (const auto errors = core::persona_errors(base); !errors.empty()) {
    failure = api_field_failure(s, req, errors);
    return errors.front().error;
  }
  return base;
}

// The member (with at least `min`) and the persona named in the path, or the denial.
struct PersonaAccess {
  auth::Membership member;
  core::Persona persona;
};
auth::Access<PersonaAccess> persona_access(auth::Auth& auth, const Request& req, store::Role min) {
  auto m = auth.require_member(req, req.param("org"), min);
  if (!m) return m.response();
  const auto id = parse_id(req.param("persona"));
  if (!id) return api_failure(auth.services(), req,
                              make_error(ErrorCode::kNotFound, "personas.error.not_found", "no such persona"));
  auto p = auth.services().store.personas().get(m->org.id, core::PersonaId(*id));
  if (!p) return api_failure(auth.services(), req, p.error());
  return PersonaAccess{*m, std::move(p).value()};
}

// The tool's personas with the coverage check, as GET and POST answer.
Response tool_personas(const Services& s, const Request& req, const ToolAccess& a) {
  auto attached = s.store.personas().of_tool(a.member.org.id, a.tool.id);
  if (!attached) return api_failure(s, req, attached.error());
  json items = json::array();
  for (const auto& p : *attached) items.push_back(persona_value(p));
  json gaps = json::array();
  for (const auto& key : core::coverage_gaps(*attached)) {
    gaps.push_back({{"key", key}, {"message", tr(s, req, "personas.gap." + key)}});
  }
  json out = list_json(std::move(items), "");
  out["coverage_gaps"] = std::move(gaps);
  return Response::json(out);
}

Response no_content() {
  Response res;
  res.status = 204;
  return res;
}

}  // namespace

Response api_personas(auth::Auth& auth, Request& req) {
  auto m = auth.require_member(req, req.param("org"));
  if (!m) return m.response();
  const Services& s = auth.services();
  auto page = page_request(req);
  if (!page) return api_failure(s, req, page.error());
  // At most kMaxPersonasPerOrg: read them all, page in the library's order (by name).
  auto all = s.store.personas().list(m->org.id);
  if (!all) return api_failure(s, req, all.error());
  auto one = store::page_of(std::move(*all), *page, [](const core::Persona& p) { return p.id.value; });
  if (!one) return api_failure(s, req, one.error());
  return page_response(*one, persona_value);
}

Response api_persona_create(auth::Auth& auth, Request& req) {
  auto m = auth.require_member(req, req.param("org"), store::Role::kEditor);
  if (!m) return m.response();
  const Services& s = auth.services();
  Response failure;
  auto p = persona_from_body(s, req, core::Persona{}, failure);
  if (!p) return failure;
  auto created = s.store.personas().create(m->org.id, *p, actor_of(*m));
  if (!created) return api_failure(s, req, created.error());
  Response res = Response::json(persona_value(*created), 201);
  res.headers.set("Location", "/api/v1/orgs/" + m->org.slug + "/personas/" +
                                  std::to_string(created->id.value));
  return res;
}

Response api_persona(auth::Auth& auth, Request& req) {
  auto a = persona_access(auth, req, store::Role::kMember);
  if (!a) return a.response();
  return Response::json(persona_value(a->persona));
}

Response api_persona_update(auth::Auth& auth, Request& req) {
  auto a = persona_access(auth, req, store::Role::kEditor);
  if (!a) return a.response();
  const Services& s = auth.services();
  auto body = api_object_body(req);
  if (!body) return api_body_failure(s, req, body.error());
  if (!body->contains("version") || !(*body)["version"].is_number_integer()) {
    return api_failure(s, req, make_error(ErrorCode::kInvalidInput, "error.api.version_required",
                                          "version: send the version you read"));
  }
  const auto version = (*body)["version"].get<std::int64_t>();
  // PUT replaces: what the body does not name is "not said" (or empty).
  core::Persona fresh;
  fresh.id = a->persona.id;
  fresh.example_id = a->persona.example_id;
  Response failure;
  auto p = persona_from_body(s, req, fresh, failure);
  if (!p) return failure;
  auto saved = s.store.personas().update(a->member.org.id, *p, version, actor_of(a->member));
  if (!saved) {
    Response res = api_failure(s, req, saved.error());
    if (saved.error().key != "personas.error.stale") return res;
    json out = json::parse(res.body);
    if (auto now = s.store.personas().get(a->member.org.id, a->persona.id)) {
      out["error"]["current"] = persona_value(*now);
    }
    return Response::json(out, res.status);
  }
  return Response::json(persona_value(*saved));
}

Response api_persona_delete(auth::Auth& auth, Request& req) {
  auto a = persona_access(auth, req, store::Role::kEditor);
  if (!a) return a.response();
  const Services& s = auth.services();
  const std::string detach = req.query.value("detach_from_risks", "false");
  if (detach != "true" && detach != "false") {
    return api_failure(s, req, make_error(ErrorCode::kInvalidInput, "error.http.bad_request",
                                          "detach_from_risks: true or false"));
  }
  const auto org = a->member.org.id;
  if (auto st = s.store.personas().remove(org, a->persona.id, detach == "true", actor_of(a->member));
      !st) {
    Response res = api_failure(s, req, st.error());
    if (st.error().key != "personas.error.in_use") return res;
    // Which risks name it, so the client can show them or detach explicitly.
    json out = json::parse(res.body);
    json ids = json::array();
    if (auto risks = s.store.risks().list(org, naming(a->persona.id))) {
      for (const auto& r : *risks) ids.push_back(r.id.value);
    }
    out["error"]["risks"] = std::move(ids);
    return Response::json(out, res.status);
  }
  return no_content();
}

Response api_tool_personas(auth::Auth& auth, Request& req) {
  auto a = tool_access(auth, req, store::Role::kMember);
  if (!a) return a.response();
  return tool_personas(auth.services(), req, *a);
}

Response api_tool_persona_attach(auth::Auth& auth, Request& req) {
  auto a = tool_access(auth, req, store::Role::kEditor);
  if (!a) return a.response();
  const Services& s = auth.services();
  auto body = api_object_body(req);
  if (!body) return api_body_failure(s, req, body.error());
  const json& id = body->contains("persona") ? (*body)["persona"] : json();
  if (!id.is_number_integer() || id.get<std::int64_t>() <= 0) {
    return api_failure(s, req, make_error(ErrorCode::kInvalidInput, "personas.tool.choose_required",
                                          "persona: the id of one of the org's personas"));
  }
  const core::PersonaId persona(id.get<std::int64_t>());
  if (auto st = s.store.personas().attach(a->member.org.id, a->tool.id, persona, actor_of(a->member));
      !st) {
    return api_failure(s, req, st.error());
  }
  return tool_personas(s, req, *a);
}

Response api_tool_persona_detach(auth::Auth& auth, Request& req) {
  auto a = tool_access(auth, req, store::Role::kEditor);
  if (!a) return a.response();
  const Services& s = auth.services();
  const auto id = parse_id(req.param("persona"));
  if (!id) {
    return api_failure(s, req, make_error(ErrorCode::kNotFound, "personas.error.not_found", "no such persona"));
  }
  if (auto st = s.store.personas().detach(a->member.org.id, a->tool.id, core::PersonaId(*id),
                                          actor_of(a->member));
      !st) {
    return api_failure(s, req, st.error());
  }
  return no_content();
}

}  // namespace solipraxis::web::handlers::personas
