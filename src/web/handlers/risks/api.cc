#include "web/handlers/risks/api.h"

#include <nlohmann/json.hpp>

#include "core/json_text.h"
#include "core/risk_export.h"
#include "store/risks.h"
#include "store/store.h"
#include "web/handlers/common/params.h"
#include "web/handlers/risks/risk_views.h"
#include "web/handlers/tools/tools_api.h"
#include "web/json.h"
#include "web/page.h"

namespace solipraxis::web::handlers::risks {

using core::ErrorCode;
using core::make_error;
using nlohmann::json;

namespace {

store::Actor actor_of(const auth::Membership& m) { return store::Actor{m.user.id, "api"}; }

json risk_value(const core::Risk& r) { return json::parse(core::risk_json(r)); }

// 400 for input the handler itself refuses; `detail` names the field.
Response bad_input(const Services& s, const Request& req, std::string key, std::string detail) {
  return api_failure(s, req, make_error(ErrorCode::kInvalidInput, std::move(key), std::move(detail)));
}

core::Error field_type(const std::string& key) {
  return make_error(ErrorCode::kInvalidInput, "error.api.field_type", key + ": wrong type");
}

// Sets the fields `body` names on `r` (as risk_json writes them); the
// read-only ones (id, tool_id after creation, ...) are ignored, unknown ones refused.
core::Status apply_fields(const json& body, core::Risk& r, bool creating) {
  // Named key and value, not a structured binding: clang 14 (the fuzz build)
  // cannot capture a structured binding in the lambdas below.
  for (const auto& item : body.items()) {
    const std::string key = item.key();
    const json& v = item.value();
    auto text = [&](std::string& into) -> core::Status {
      if (!v.is_string()) return field_type(key);
      into = v.get<std::string>();
      return core::ok_status();
    };
    auto named = [&](auto parse, auto& into) -> core::Status {
      if (!v.is_string()) return field_type(key);
      auto p = parse(v.get<std::string>());
      if (!p) {
        core::Error e = p.error();
        e.detail = key + ": " + e.detail;
        return e;
      }
      into = *p;
      return core::ok_status();
    };
    core::Status st = core::ok_status();
    if (key == "description") st = text(r.description);
    else if (key == "group") st = text(r.group);
    else if (key == "mitigation") st = text(r.mitigation);
    else if (key == "affected") st = named(core::parse_affected, r.affected);
    else if (key == "likelihood") st = named(core::parse_level, r.likelihood);
    else if (key == "impact") st = named(core::parse_level, r.impact);
    else if (key == "state") st = named(core::parse_risk_state, r.state);
    else if (key == "personas") {
      if (!v.is_array()) return field_type(key);
      r.personas.clear();
      for (const auto& p : v) {
        if (!p.is_number_integer()) return field_type(key);
        r.personas.push_back(core::PersonaId(p.get<std::int64_t>()));
      }
    } else if (key == "owner") {
      if (v.is_null()) r.owner.reset();
      else if (v.is_number_integer()) r.owner = core::UserId(v.get<std::int64_t>());
      else return field_type(key);
    } else if (key == "due") {
      if (v.is_null()) {
        r.due.reset();
      } else if (!v.is_string()) {
        return field_type(key);
      } else if (auto d = core::Date::parse(v.get<std::string>())) {
        r.due = *d;
      } else {
        core::Error e = d.error();
        e.detail = "due: " + e.detail;
        return e;
      }
    } else if (key == "tool_id" && creating) {
      if (!v.is_number_integer()) return field_type(key);
      r.tool = core::ToolId(v.get<std::int64_t>());
    } else if (key != "id" && key != "tool_id" && key != "version" && key != "reason" &&
               key != "unmitigated_high" && key != "created_at" && key != "updated_at") {
      return make_error(ErrorCode::kInvalidInput, "error.api.unknown_field",
                        key + ": unknown field");
    }
    if (!st) return st;
  }
  return core::ok_status();
}

// A persona the org does not have is a field of the request that is wrong
// (400 at "personas"), not a missing resource of the URL.
Response store_failure(const Services& s, const Request& req, core::Error e) {
  if (e.key == "personas.error.not_found") {
    e.code = ErrorCode::kInvalidInput;
    e.detail = "personas: " + e.detail;
  }
  return api_failure(s, req, e);
}

// The member (with at least `min`) and the risk named in the path, or the denial.
struct RiskAccess {
  auth::Membership member;
  core::Risk risk;
};
auth::Access<RiskAccess> risk_access(auth::Auth& auth, const Request& req, store::Role min) {
  auto m = auth.require_member(req, req.param("org"), min);
  if (!m) return m.response();
  auto r = risk_views::risk_of_request(auth.services(), req, *m);
  if (!r) return api_failure(auth.services(), req, r.error());
  return RiskAccess{*m, std::move(r).value()};
}

}  // namespace

Response api_list(auth::Auth& auth, Request& req) {
  auto m = auth.require_member(req, req.param("org"));
  if (!m) return m.response();
  const Services& s = auth.services();
  store::RiskFilter filter;
  for (const char* name : {"tool", "persona"}) {
    const std::string raw = req.query.value(name);
    if (raw.empty()) continue;
    const auto id = parse_id(raw);
    if (!id) return bad_input(s, req, "error.http.bad_request", std::string(name) + ": an id");
    if (name == std::string_view("tool")) filter.tool = core::ToolId(*id);
    else filter.persona = core::PersonaId(*id);
  }
  if (const std::string raw = req.query.value("state"); !raw.empty()) {
    auto state = core::parse_risk_state(raw);
    if (!state) return api_failure(s, req, state.error());
    filter.state = *state;
  }
  auto risks = s.store.risks().list(m->org.id, filter);
  if (!risks) return api_failure(s, req, risks.error());
  json items = json::array();
  for (const auto& r : *risks) items.push_back(risk_value(r));
  return Response::json(list_json(std::move(items), ""));
}

Response api_create(auth::Auth& auth, Request& req) {
  auto m = auth.require_member(req, req.param("org"), store::Role::kEditor);
  if (!m) return m.response();
  const Services& s = auth.services();
  auto body = api_object_body(req);
  if (!body) return api_body_failure(s, req, body.error());
  if (!body->contains("tool_id")) {
    return bad_input(s, req, "error.api.field_type", "tool_id: the tool's id is required");
  }
  core::Risk risk;
  if (auto st = apply_fields(*body, risk, true); !st) return api_failure(s, req, st.error());
  core::normalize_risk(risk);
  if (auto errors = core::risk_errors(risk); !errors.empty()) {
    return api_field_failure(s, req, errors);
  }
  auto created = s.store.risks().create(m->org.id, risk, actor_of(*m));
  if (!created) return store_failure(s, req, created.error());
  Response res = Response::json(risk_value(*created), 201);
  res.headers.set("Location", "/api/v1/orgs/" + m->org.slug + "/risks/" +
                                  std::to_string(created->id.value));
  return res;
}

Response api_get(auth::Auth& auth, Request& req) {
  auto a = risk_access(auth, req, store::Role::kMember);
  if (!a) return a.response();
  return Response::json(risk_value(a->risk));
}

Response api_update(auth::Auth& auth, Request& req) {
  auto a = risk_access(auth, req, store::Role::kEditor);
  if (!a) return a.response();
  const Services& s = auth.services();
  auto body = api_object_body(req);
  if (!body) return api_body_failure(s, req, body.error());
  const auto version = body->find("version");
  if (version == body->end() || !version->is_number_integer()) {
    return bad_input(s, req, "error.api.version_required", "version: send the version you read");
  }
  std::string reason;
  if (const auto r = body->find("reason"); r != body->end()) {
    if (!r->is_string()) return api_failure(s, req, field_type("reason"));
    reason = r->get<std::string>();
  }
  const core::Risk& stored = a->risk;
  core::Risk risk = stored;
  if (auto st = apply_fields(*body, risk, false); !st) return api_failure(s, req, st.error());
  auto stale = [&](const core::Risk& current) {
    Response res = api_failure(s, req, make_error(ErrorCode::kConflict, "risks.error.stale",
                                                  "version: the risk has changed since"));
    json out = json::parse(res.body);
    out["error"]["current"] = risk_value(current);
    return Response::json(out, res.status);
  };
  if (version->get<std::int64_t>() != stored.version) return stale(stored);
  core::normalize_risk(risk);
  auto errors = core::risk_errors(risk);
  const auto moved = core::reassessment_errors(stored, risk, reason);
  errors.insert(errors.end(), moved.begin(), moved.end());
  if (!errors.empty()) return api_field_failure(s, req, errors);
  auto saved = s.store.risks().update(a->member.org.id, risk, reason, stored.version,
                                      actor_of(a->member));
  if (!saved) {
    if (saved.error().key == "risks.error.stale") {
      if (auto now = s.store.risks().get(a->member.org.id, stored.id)) return stale(*now);
    }
    return store_failure(s, req, saved.error());
  }
  return Response::json(risk_value(*saved));
}

Response api_delete(auth::Auth& auth, Request& req) {
  auto a = risk_access(auth, req, store::Role::kEditor);
  if (!a) return a.response();
  const Services& s = auth.services();
  if (auto st = s.store.risks().remove(a->member.org.id, a->risk.id, actor_of(a->member)); !st) {
    return api_failure(s, req, st.error());
  }
  Response res;
  res.status = 204;
  return res;
}

Response api_history(auth::Auth& auth, Request& req) {
  auto a = risk_access(auth, req, store::Role::kMember);
  if (!a) return a.response();
  const Services& s = auth.services();
  auto history = s.store.risks().history(a->member.org.id, a->risk.id);
  if (!history) return api_failure(s, req, history.error());
  json items = json::array();
  for (const auto& h : *history) items.push_back(json::parse(core::assessment_json(h)));
  return Response::json(list_json(std::move(items), ""));
}

}  // namespace solipraxis::web::handlers::risks
