#include "web/handlers/tools/tools_api.h"

#include <algorithm>
#include <charconv>

#include <nlohmann/json.hpp>

#include "core/tool_diff.h"
#include "core/tool_export.h"
#include "core/tool_merge.h"
#include "store/common.h"
#include "store/orgs.h"
#include "store/paging.h"
#include "store/store.h"
#include "store/tools.h"
#include "web/handlers/common/paging.h"
#include "web/json.h"
#include "web/page.h"
#include "web/tool_input.h"
#include "web/time_zone.h"

namespace solipraxis::web::handlers {

using core::ErrorCode;
using core::make_error;
using nlohmann::json;

namespace {

std::optional<std::int64_t> parse_id(const std::string& s) {
  std::int64_t v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size() || v <= 0) return std::nullopt;
  return v;
}

store::Actor actor_of(const auth::Membership& m) { return store::Actor{m.user.id, "api"}; }

json tool_value(const core::Tool& t) { return json::parse(core::tool_json(t)); }
json decision_value(const core::Decision& d) { return json::parse(core::decision_json(d)); }
json red_line_value(const core::RedLine& l) {
  return {{"id", l.id.value},
          {"text", l.text},
          {"active", l.active},
          {"created_at", l.created_at},
          {"updated_at", l.updated_at}};
}

// 400 with every invalid field of `tool` (after normalising), or nullopt.
std::optional<Response> field_errors(const Services& s, const Request& req, const store::Org& org,
                                     core::Tool tool, std::optional<core::Date> stored_next_review) {
  core::normalize_tool(tool);
  const auto errors = core::tool_errors(tool, today_in(s.clock, org.time_zone), stored_next_review);
  if (errors.empty()) return std::nullopt;
  return api_field_failure(s, req, errors);
}

// 400 for input the handler itself refuses.
Response bad_input(const Services& s, const Request& req, std::string key, std::string detail) {
  return api_failure(s, req,
                     make_error(ErrorCode::kInvalidInput, std::move(key), std::move(detail)));
}

}  // namespace

namespace {

// The field an input error is about: the readers of request bodies (and
// core::first_error) start the detail with "name: ". Empty when there is none.
std::string field_of(const core::Error& e) {
  if (e.code != ErrorCode::kInvalidInput) return {};
  const auto colon = e.detail.find(": ");
  if (colon == std::string::npos || colon == 0) return {};
  const std::string name = e.detail.substr(0, colon);
  const bool identifier = std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
  });
  return identifier ? name : std::string();
}

// A save against an older version is never stored. The 409 carries the
// current tool and, when the body sends "base" (the tool as the client read
// it, at least the fields it changes), the three-way merge: "conflicts" (both
// changed: base, mine, theirs), "theirs" (only someone else changed) and
// "merged", a body to PUT back once the conflicts are decided (it holds the
// client's values there). Without a base nobody can tell who changed what:
// "conflicts" lists every field the body sets to a value other than the
// current one.
Response stale_tool(const Services& s, const Request& req, const json& body,
                    std::int64_t version, const core::Tool& current) {
  json request = body;
  request.erase("version");
  const bool has_base = request.contains("base");
  core::Tool base = current;
  if (has_base) {
    if (!request["base"].is_object()) {
      return bad_input(s, req, "error.api.field_type", "base: must be an object");
    }
    base = core::Tool{};
    if (auto st = apply_tool_fields(request["base"], base); !st) {
      core::Error e = st.error();
      e.detail = "base." + e.detail;
      return api_failure(s, req, e);
    }
    request.erase("base");
  }
  core::Tool mine = base;
  if (auto st = apply_tool_fields(request, mine); !st) return api_failure(s, req, st.error());
  Response res = api_failure(
      s, req,
      make_error(ErrorCode::kConflict, "tools.error.stale_version",
                 "version " + std::to_string(version) + " is stale; the tool is at version " +
                     std::to_string(current.version)));
  json out = json::parse(res.body);
  const json theirs_json = tool_value(current);
  const json mine_json = tool_value(mine);
  const json base_json = tool_value(base);
  json conflicts = json::array();
  auto conflict = [&](const std::string& f) {
    json c{{"field", f}, {"mine", mine_json[f]}, {"theirs", theirs_json[f]}};
    if (has_base) c["base"] = base_json[f];
    conflicts.push_back(std::move(c));
  };
  if (has_base) {
    const core::ToolMerge m = core::merge_tools(base, mine, current);
    for (const auto& f : m.plan.conflicts) conflict(f);
    out["error"]["theirs"] = m.plan.theirs;
    out["error"]["merged"] = tool_value(m.merged);
  } else {
    for (const auto& f : core::changed_fields(current, mine)) conflict(f);
  }
  out["error"]["conflicts"] = std::move(conflicts);
  out["error"]["current"] = theirs_json;
  return Response::json(out, 409);
}

}  // namespace

core::Result<json> api_object_body(const Request& req) {
  auto body = parse_json_body(req);
  if (!body) return body.error();
  if (!body->is_object()) {
    return make_error(ErrorCode::kInvalidInput, "error.http.bad_request",
                      "the body must be an object");
  }
  return body;
}

Response api_body_failure(const Services& s, const Request& req, const core::Error& e) {
  Response res = api_failure(s, req, e);
  res.status = json_body_status(e);
  if (res.status == 415) {
    return Response::error(415, "unsupported_media_type", tr(s, req, e.key));
  }
  return res;
}

Response api_field_failure(const Services& s, const Request& req,
                           const std::vector<core::FieldError>& errors) {
  json fields = json::array();
  for (const auto& fe : errors) {
    fields.push_back({{"field", fe.field},
                      {"code", core::error_code_name(fe.error.code)},
                      {"message", tr(s, req, fe.error.key)}});
  }
  Response res = api_failure(s, req, core::first_error(errors).error());
  json body = json::parse(res.body);
  body["error"]["fields"] = std::move(fields);
  return Response::json(body, res.status);
}

auth::Access<ToolAccess> tool_access(auth::Auth& auth, const Request& req, store::Role min) {
  auto m = auth.require_member(req, req.param("org"), min);
  if (!m) return m.response();
  const auto id = parse_id(req.param("id"));
  if (!id) return auth.error(req, 404, "tools.error.not_found");
  auto t = auth.services().store.tools().tool(m->org.id, core::ToolId(*id));
  if (!t) return api_failure(auth.services(), req, t.error());
  return ToolAccess{*m, std::move(t).value()};
}

Response api_failure(const Services& s, const Request& req, const core::Error& e) {
  const int status = http_status(e.code);
  if (status >= 500) return error_response(s, req, e);
  json err{{"code", core::error_code_name(e.code)}, {"message", tr(s, req, e.key)}};
  if (!e.detail.empty()) err["detail"] = e.detail;
  // An input error names its field, as the 400 of field_errors() does.
  if (const std::string field = field_of(e); !field.empty()) {
    err["field"] = field;
    err["fields"] = json::array({{{"field", field},
                                  {"code", core::error_code_name(e.code)},
                                  {"message", tr(s, req, e.key)}}});
  }
  return Response::json(json{{"error", std::move(err)}}, status);
}

Response api_tools(auth::Auth& auth, Request& req) {
  auto m = auth.require_member(req, req.param("org"));
  if (!m) return m.response();
  const Services& s = auth.services();
  store::ToolFilter filter;
  if (const std::string p = req.query.value("phase"); !p.empty()) {
    auto phase = core::parse_phase(p);
    if (!phase) return api_failure(s, req, phase.error());
    filter.phase = *phase;
  }
  if (const std::string p = req.query.value("public"); !p.empty()) {
    if (p != "true" && p != "false") {
      return bad_input(s, req, "error.http.bad_request", "public: true or false");
    }
    filter.is_public = p == "true";
  }
  auto page = page_request(req);
  if (!page) return api_failure(s, req, page.error());
  auto tools = s.store.tools().list_tools(m->org.id, filter, *page);
  if (!tools) return api_failure(s, req, tools.error());
  return page_response(*tools, tool_value);
}

Response api_tool_create(auth::Auth& auth, Request& req) {
  auto m = auth.require_member(req, req.param("org"), store::Role::kEditor);
  if (!m) return m.response();
  const Services& s = auth.services();
  auto body = api_object_body(req);
  if (!body) return api_body_failure(s, req, body.error());
  core::Tool tool;
  if (auto st = apply_tool_fields(*body, tool); !st) return api_failure(s, req, st.error());
  if (auto bad = field_errors(s, req, m->org, tool, std::nullopt)) return std::move(*bad);
  auto created = s.store.tools().create_tool(m->org.id, tool, actor_of(*m));
  if (!created) return api_failure(s, req, created.error());
  Response res = Response::json(tool_value(*created), 201);
  res.headers.set("Location",
                  "/api/v1/orgs/" + m->org.slug + "/tools/" + std::to_string(created->id.value));
  return res;
}

Response api_tool(auth::Auth& auth, Request& req) {
  auto a = tool_access(auth, req, store::Role::kMember);
  if (!a) return a.response();
  return Response::json(tool_value(a->tool));
}

Response api_tool_update(auth::Auth& auth, Request& req) {
  auto a = tool_access(auth, req, store::Role::kEditor);
  if (!a) return a.response();
  const Services& s = auth.services();
  auto body = api_object_body(req);
  if (!body) return api_body_failure(s, req, body.error());
  if (!body->contains("version") || !(*body)["version"].is_number_integer()) {
    return bad_input(s, req, "error.api.version_required", "version: send the version you read");
  }
  const auto version = (*body)["version"].get<std::int64_t>();
  if (version != a->tool.version) return stale_tool(s, req, *body, version, a->tool);
  if (body->contains("phase")) {
    const json& p = (*body)["phase"];
    if (!p.is_string() || p.get<std::string>() != core::phase_name(a->tool.phase)) {
      return bad_input(s, req, "error.api.phase_read_only",
                       "phase: changes only by POST .../decisions");
    }
  }
  json fields = *body;
  fields.erase("base");  // only read after a conflict (stale_tool)
  core::Tool edited = a->tool;
  if (auto st = apply_tool_fields(fields, edited); !st) return api_failure(s, req, st.error());
  if (auto bad = field_errors(s, req, a->member.org, edited,
                                  a->tool.next_review)) return std::move(*bad);
  auto saved = s.store.tools().update_tool(a->member.org.id, edited, version, actor_of(a->member));
  if (!saved) return api_failure(s, req, saved.error());
  return Response::json(tool_value(*saved));
}

Response api_decisions(auth::Auth& auth, Request& req) {
  auto a = tool_access(auth, req, store::Role::kMember);
  if (!a) return a.response();
  const Services& s = auth.services();
  auto page = page_request(req);
  if (!page) return api_failure(s, req, page.error());
  // A tool has few decisions: read them all, page like the tool list.
  auto decisions = s.store.tools().decisions(a->member.org.id, a->tool.id);
  if (!decisions) return api_failure(s, req, decisions.error());
  auto one = store::page_of(std::move(*decisions), *page,
                            [](const core::Decision& d) { return d.id.value; });
  if (!one) return api_failure(s, req, one.error());
  return page_response(*one, decision_value);
}

Response api_decision_create(auth::Auth& auth, Request& req) {
  auto a = tool_access(auth, req, store::Role::kEditor);
  if (!a) return a.response();
  const Services& s = auth.services();
  auto body = api_object_body(req);
  if (!body) return api_body_failure(s, req, body.error());
  // decided_by defaults to the display name, never to the e-mail address: without a
  // name the caller must say who decided (400 tools.error.decided_by_required).
  auto request =
      parse_transition(*body, a->tool.phase, a->member.user.name,
                       today_in(s.clock, a->member.org.time_zone));
  if (!request) return api_failure(s, req, request.error());
  request->recorded_by = a->member.user.id;
  // Without a version, the one just read: "to" was resolved against that phase.
  std::int64_t version = a->tool.version;
  if (body->contains("version")) {
    if (!(*body)["version"].is_number_integer()) {
      return bad_input(s, req, "error.api.field_type", "version: must be an integer");
    }
    version = (*body)["version"].get<std::int64_t>();
  }
  auto moved =
      s.store.tools().transition_tool(a->member.org.id, a->tool.id, *request, version, actor_of(a->member));
  if (!moved) return api_failure(s, req, moved.error());
  Response res = Response::json(
      json{{"tool", tool_value(moved->tool)}, {"decision", decision_value(moved->decision)}}, 201);
  return res;
}

Response api_red_lines(auth::Auth& auth, Request& req) {
  auto m = auth.require_member(req, req.param("org"));
  if (!m) return m.response();
  const Services& s = auth.services();
  auto page = page_request(req);
  if (!page) return api_failure(s, req, page.error());
  // An org has few red lines: read them all, page like the tool list.
  auto lines = s.store.tools().red_lines(m->org.id);
  if (!lines) return api_failure(s, req, lines.error());
  auto one = store::page_of(std::move(*lines), *page,
                            [](const core::RedLine& l) { return l.id.value; });
  if (!one) return api_failure(s, req, one.error());
  return page_response(*one, red_line_value);
}

Response api_red_line_create(auth::Auth& auth, Request& req) {
  auto m = auth.require_member(req, req.param("org"), store::Role::kEditor);
  if (!m) return m.response();
  const Services& s = auth.services();
  auto body = api_object_body(req);
  if (!body) return api_body_failure(s, req, body.error());
  if (!body->contains("text") || !(*body)["text"].is_string()) {
    return bad_input(s, req, "tools.error.red_line_text_required", "text: a string");
  }
  auto line = s.store.tools().create_red_line(m->org.id, (*body)["text"].get<std::string>(), actor_of(*m));
  if (!line) return api_failure(s, req, line.error());
  return Response::json(red_line_value(*line), 201);
}

namespace {

core::Result<core::RedLine> find_red_line(store::Store& st, core::OrgId org,
                                          const std::string& id) {
  const auto n = parse_id(id);
  auto lines = st.tools().red_lines(org);
  if (!lines) return lines.error();
  for (const auto& l : *lines) {
    if (n && l.id.value == *n) return l;
  }
  return make_error(ErrorCode::kNotFound, "tools.error.red_line_not_found", "no such red line");
}

}  // namespace

Response api_red_line_update(auth::Auth& auth, Request& req) {
  auto m = auth.require_member(req, req.param("org"), store::Role::kEditor);
  if (!m) return m.response();
  const Services& s = auth.services();
  auto body = api_object_body(req);
  if (!body) return api_body_failure(s, req, body.error());
  auto line = find_red_line(s.store, m->org.id, req.param("id"));
  if (!line) return api_failure(s, req, line.error());
  for (const auto& [key, v] : body->items()) {
    if (key == "text" && v.is_string()) {
      line->text = v.get<std::string>();
    } else if (key == "active" && v.is_boolean()) {
      line->active = v.get<bool>();
    } else if (key == "text" || key == "active") {
      return bad_input(s, req, "error.api.field_type", key + ": wrong type");
    } else if (key != "id" && key != "created_at" && key != "updated_at") {
      return bad_input(s, req, "error.api.unknown_field", key + ": unknown field");
    }
  }
  auto saved = s.store.tools().update_red_line(m->org.id, *line, actor_of(*m));
  if (!saved) return api_failure(s, req, saved.error());
  return Response::json(red_line_value(*saved));
}

Response api_red_line_delete(auth::Auth& auth, Request& req) {
  auto m = auth.require_member(req, req.param("org"), store::Role::kEditor);
  if (!m) return m.response();
  const Services& s = auth.services();
  auto line = find_red_line(s.store, m->org.id, req.param("id"));
  if (!line) return api_failure(s, req, line.error());
  if (auto st = s.store.tools().delete_red_line(m->org.id, line->id, actor_of(*m)); !st) {
    return api_failure(s, req, st.error());
  }
  Response res;
  res.status = 204;
  return res;
}

}  // namespace solipraxis::web::handlers
