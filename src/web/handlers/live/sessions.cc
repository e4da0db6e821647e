// The org's live sessions: the list, starting one from the catalog, and the
// set-up form of a draft (see sessions.h).
#include <algorithm>

#include "core/text_field.h"
#include "core/tool.h"

#include "store/live.h"
#include "store/store.h"
#include "store/tools.h"
#include "web/handlers/catalog/catalog_common.h"
#include "web/handlers/common/params.h"
#include "web/handlers/live/session_view.h"
#include "web/handlers/live/sessions.h"
#include "web/handlers/live/steps.h"
#include "web/handlers/site/dashboard.h"
#include "web/i18n.h"
#include "web/page.h"
#include "web/time_zone.h"

namespace solipraxis::web::handlers::live {

namespace {

// Every tool of the org, by name (the register is small: a few dozen tools).
std::vector<core::Tool> all_tools(Services& s, store::OrgId org) {
  std::vector<core::Tool> out;
  store::PageRequest page{200, ""};
  for (int i = 0; i < 50; ++i) {
    auto got = s.store.tools().list_tools(org, {}, page);
    if (!got) break;
    for (auto& t : got->items) out.push_back(std::move(t));
    if (got->next.empty()) break;
    page.cursor = got->next;
  }
  std::sort(out.begin(), out.end(),
            [](const core::Tool& a, const core::Tool& b) { return a.name < b.name; });
  return out;
}

std::string state_label(const Services& s, const Request& req, core::LiveState state) {
  return tr(s, req, std::string("live.state.") + core::live_state_name(state));
}

Response render_sessions(auth::Auth& auth, const Request& req, const auth::Membership& m,
                         std::string error = {}, int status = 200) {
  Services& s = auth.services();
  mstch::map data = org_page_data(s, req, m);
  data.emplace("title", tr(s, req, "live.sessions.heading"));
  mstch::array rows;
  if (auto list = s.store.live().sessions(m.org.id, std::nullopt)) {
    for (const store::LiveSession& x : *list) {
      rows.push_back(mstch::map{
          {"url", session_url(m, x.id)},
          {"title", x.title},
          {"kind", tr(s, req, std::string("live.kind.") + core::live_kind_name(x.kind))},
          {"state", state_label(s, req, x.state)},
          {"date", readable_date(x.created_at, m.org.time_zone, req.lang)},
      });
    }
  }
  data.emplace("has_sessions", !rows.empty());
  data.emplace("sessions", rows);
  mstch::array tools;
  for (const core::Tool& t : all_tools(s, m.org.id)) {
    tools.push_back(mstch::map{{"id", std::to_string(t.id.value)}, {"name", t.name}});
  }
  data.emplace("has_tools", !tools.empty());
  data.emplace("tools", tools);
  data.emplace("action", sessions_url(m));
  if (!error.empty()) data.emplace("error", error);
  return render(s, req, "live/sessions", std::move(data), status);
}

}  // namespace

core::Result<store::NewLiveSession> prepare_session(Services& s, const Request& req,
                                                    const auth::Membership& m,
                                                    std::string_view kind_name,
                                                    const std::vector<std::int64_t>& tool_ids) {
  auto kind = core::parse_live_kind(kind_name);
  if (!kind) return kind.error();
  if (!s.catalog) {
    return core::make_error(core::ErrorCode::kUnavailable, "error.catalog.unavailable");
  }
  store::NewLiveSession in;
  in.kind = *kind;
  std::vector<std::string> names;
  for (std::int64_t id : tool_ids) {
    auto tool = s.store.tools().tool(m.org.id, core::ToolId(id));
    if (!tool) return tool.error();
    in.tools.push_back(tool->id);
    names.push_back(tool->name);
  }
  const bool retro = *kind == core::LiveKind::kRetro;
  if ((retro && in.tools.size() != 1) || in.tools.size() > core::kMaxSessionTools) {
    return core::make_error(core::ErrorCode::kInvalidInput,
                            retro ? "live.error.retro_one_tool" : "live.error.workshop_tools");
  }
  const catalog::Catalog& c = s.catalog->current();
  const catalog::Method* method = c.method(retro ? kRetroMethod : kWorkshopMethod);
  if (!method) return core::make_error(core::ErrorCode::kUnavailable, "error.catalog.unavailable");
  const catalog::Lang lang = catalog_common::lang_of(req);
  in.method_id = method->id;
  in.catalog_version = c.version;
  in.steps = steps_from_method(c, *method, lang, tr(s, req, "live.setup.general_column"));
  in.title = names.empty() ? method->title.get(lang)
                           : format_message(tr(s, req, retro ? "live.setup.retro_title"
                                                             : "live.setup.workshop_title"),
                                            {{"tools", joined(names, ", ")}});
  if (core::utf8_length(in.title) > core::kMaxLiveTitleChars) in.title = method->title.get(lang);
  return in;
}

Response sessions_page(auth::Auth& auth, Request& req) {
  auto m = auth.require_member(req, req.param("org"));
  if (!m) return m.response();
  return render_sessions(auth, req, *m);
}

Response create_session(auth::Auth& auth, Request& req) {
  Services& s = auth.services();
  auto m = auth.require_member(req, req.param("org"));
  if (!m) return m.response();
  if (!s.catalog) return error_response(s, req, 503, "error.catalog.unavailable");
  auto form = parse_form(req.body);
  if (!form) return error_response(s, req, 400, "error.http.bad_request");
  std::vector<std::int64_t> tools;
  for (const std::string& raw : form->all("tool")) {
    if (auto id = parse_id(raw)) tools.push_back(*id);
  }
  auto in = prepare_session(s, req, *m, form->value("kind"), tools);
  if (!in) return render_sessions(auth, req, *m, tr(s, req, in.error().key), 400);
  auto made = s.store.live().create(m->org.id, *in, web_actor(*m));
  if (!made) return render_sessions(auth, req, *m, tr(s, req, made.error().key), 400);
  return Response::redirect(session_url(*m, made->id) + "?created=1");
}

}  // namespace solipraxis::web::handlers::live
