// The live sessions' JSON API and report downloads: see api.h.
#include "web/handlers/live/api.h"

#include "store/action_items.h"
#include "store/live.h"
#include "store/store.h"
#include "store/tools.h"
#include "core/decision.h"
#include "core/tool.h"
#include "web/handlers/common/params.h"
#include "web/handlers/live/report.h"
#include "web/handlers/live/session_view.h"
#include "web/i18n.h"
#include "web/handlers/tools/tools_api.h"
#include "web/json.h"
#include "web/page.h"

namespace solipraxis::web::handlers::live {

using nlohmann::json;

namespace {

// ?tool=ID as a tool of the org; nullopt without it.
core::Result<std::optional<core::ToolId>> tool_query(Services& s, const Request& req,
                                                     store::OrgId org) {
  const std::string raw = req.query.value("tool");
  if (raw.empty()) return std::optional<core::ToolId>{};
  const auto id = parse_id(raw);
  if (!id) return core::make_error(core::ErrorCode::kInvalidInput, "error.http.bad_request", "tool");
  auto tool = s.store.tools().tool(org, core::ToolId(*id));
  if (!tool) return tool.error();
  return std::optional<core::ToolId>{tool->id};
}

json item_json(const store::ActionItem& a) {
  return json{{"id", a.id},
              {"tool", a.tool.value},
              {"text", a.text},
              {"responsible", a.responsible ? json(a.responsible->value) : json(nullptr)},
              {"due", a.due ? json(a.due->str()) : json(nullptr)},
              {"done", a.done},
              {"session", a.session ? json(*a.session) : json(nullptr)},
              {"created_at", a.created_at},
              {"done_at", a.done_at ? json(*a.done_at) : json(nullptr)}};
}

// The member's board of the session in the path (404 for another org's).
struct BoardAccess {
  std::optional<auth::Membership> member;
  store::LiveBoard board;
  Response denial;
};
BoardAccess load_board(auth::Auth& auth, const Request& req) {
  BoardAccess out;
  Services& s = auth.services();
  auto m = auth.require_member(req, req.param("org"));
  if (!m) {
    out.denial = m.response();
    return out;
  }
  const auto id = parse_id(req.param("id"));
  if (!id) {
    out.denial = error_response(s, req, 404, "live.error.not_found");
    return out;
  }
  auto board = s.store.live().board(m->org.id, *id, std::nullopt);
  if (!board) {
    out.denial = req.is_api() ? api_failure(s, req, board.error())
                              : error_response(s, req, board.error());
    return out;
  }
  out.board = std::move(*board);
  out.member = std::move(*m);
  return out;
}

}  // namespace

Response api_sessions(auth::Auth& auth, Request& req) {
  auto m = auth.require_member(req, req.param("org"));
  if (!m) return m.response();
  Services& s = auth.services();
  auto tool = tool_query(s, req, m->org.id);
  if (!tool) return api_failure(s, req, tool.error());
  auto list = s.store.live().sessions(m->org.id, *tool);
  if (!list) return api_failure(s, req, list.error());
  json items = json::array();
  for (const auto& x : *list) items.push_back(session_json(x));
  return Response::json(list_json(std::move(items), ""));
}

Response api_session_create(auth::Auth& auth, Request& req) {
  auto m = auth.require_member(req, req.param("org"));
  if (!m) return m.response();
  Services& s = auth.services();
  auto body = api_object_body(req);
  if (!body) return api_body_failure(s, req, body.error());
  const json& in = *body;
  std::vector<std::int64_t> tools;
  const auto bad = [&](const char* detail) {
    return api_failure(s, req, core::make_error(core::ErrorCode::kInvalidInput,
                                                "error.http.bad_request", detail));
  };
  if (!in.contains("kind") || !in["kind"].is_string()) return bad("kind: \"retro\" or \"workshop\"");
  if (in.contains("tools")) {
    if (!in["tools"].is_array()) return bad("tools: an array of tool ids");
    for (const auto& t : in["tools"]) {
      if (!t.is_number_integer() || t.get<std::int64_t>() < 1) return bad("tools: an array of tool ids");
      tools.push_back(t.get<std::int64_t>());
    }
  }
  auto prepared = prepare_session(s, req, *m, in["kind"].get<std::string>(), tools);
  if (!prepared) return api_failure(s, req, prepared.error());
  if (in.contains("title")) {
    if (!in["title"].is_string()) return bad("title: a string");
    prepared->title = in["title"].get<std::string>();
  }
  auto made = s.store.live().create(m->org.id, *prepared, web_actor(*m));
  if (!made) return api_failure(s, req, made.error());
  Response r = Response::json(session_json(*made), 201);
  r.headers.set("Location", "/api/v1/orgs/" + m->org.slug + "/sessions/" + std::to_string(made->id));
  return r;
}

Response api_session(auth::Auth& auth, Request& req) {
  auto a = load_board(auth, req);
  if (!a.member) return std::move(a.denial);
  return Response::json(board_json(a.board));
}

Response api_action_items(auth::Auth& auth, Request& req) {
  auto m = auth.require_member(req, req.param("org"));
  if (!m) return m.response();
  Services& s = auth.services();
  auto tool = tool_query(s, req, m->org.id);
  if (!tool) return api_failure(s, req, tool.error());
  auto items = s.store.action_items().items(m->org.id, *tool, req.query.value("open") == "1");
  if (!items) return api_failure(s, req, items.error());
  json out = json::array();
  for (const auto& it : *items) out.push_back(item_json(it));
  return Response::json(list_json(std::move(out), ""));
}

std::vector<ReportDecision> session_decisions(Services& s, const Request& req, store::OrgId org,
                                              const store::LiveSession& x) {
  std::vector<ReportDecision> out;
  if (!x.started_at) return out;
  for (core::ToolId id : x.tools) {
    auto tool = s.store.tools().tool(org, id);
    auto list = s.store.tools().decisions(org, id);
    if (!tool || !list) continue;
    for (const core::Decision& d : *list) {
      if (d.created_at < *x.started_at || (x.ended_at && d.created_at > *x.ended_at)) continue;
      const std::string kind = core::decision_kind_name(d.kind);
      out.push_back({tool->name, kind, tr(s, req, "tools.kind." + kind), d.rationale, d.decided_on.str()});
    }
  }
  return out;
}

Response report_md(auth::Auth& auth, Request& req) {
  auto a = load_board(auth, req);
  if (!a.member) return std::move(a.denial);
  Services& s = auth.services();
  const auto decisions = session_decisions(s, req, a.member->org.id, a.board.session);
  return attachment(report_markdown(a.board, a.member->org.name, req.lang, decisions),
                    "text/markdown; charset=utf-8",
                    "session-" + std::to_string(a.board.session.id) + ".md");
}

Response report_json(auth::Auth& auth, Request& req) {
  auto a = load_board(auth, req);
  if (!a.member) return std::move(a.denial);
  json out = board_json(a.board);
  out["decisions"] = decisions_json(session_decisions(auth.services(), req, a.member->org.id, a.board.session));
  return attachment(out.dump(2), "application/json",
                    "session-" + std::to_string(a.board.session.id) + ".json");
}

}  // namespace solipraxis::web::handlers::live
