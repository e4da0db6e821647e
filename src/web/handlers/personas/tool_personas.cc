// A tool's personas: the attached ones, attaching and detaching, and the
// coverage check (core::coverage_gaps) as plain sentences (see personas.h).
#include <algorithm>
#include <utility>

#include "core/persona.h"
#include "store/personas.h"
#include "store/store.h"
#include "web/handlers/common/params.h"
#include "web/handlers/personas/form.h"
#include "web/handlers/personas/personas.h"
#include "web/handlers/site/dashboard.h"
#include "web/handlers/tools/tool_views.h"
#include "web/i18n.h"
#include "web/page.h"

namespace solipraxis::web::handlers::personas {

using tool_views::is_page_error;
using tool_views::kWriteRole;
using tool_views::tool_of_request;
using tool_views::tool_url;

namespace {

std::string tool_personas_url(const auth::Membership& m, const core::Tool& t) {
  return tool_url(m, t.id) + "/personas";
}

// The gaps of `attached` as sentences in the person's language.
mstch::array gap_sentences(const Services& s, const Request& req,
                           const std::vector<core::Persona>& attached) {
  mstch::array out;
  for (const auto& key : core::coverage_gaps(attached)) {
    out.push_back(mstch::map{{"key", key}, {"text", tr(s, req, "personas.gap." + key)}});
  }
  return out;
}

Response render_tool_personas(const Services& s, const Request& req, const auth::Membership& m,
                              const core::Tool& tool, const std::string& error_key = "",
                              int status = 200) {
  auto attached = s.store.personas().of_tool(m.org.id, tool.id);
  if (!attached) return error_response(s, req, attached.error());
  auto library = s.store.personas().list(m.org.id);
  if (!library) return error_response(s, req, library.error());
  const std::string url = tool_personas_url(m, tool);
  mstch::array rows, options;
  for (const auto& p : *attached) {
    mstch::map d = persona_data(s, req, m, p);
    d.emplace("detach_url", url + "/" + std::to_string(p.id.value) + "/detach");
    rows.push_back(std::move(d));
  }
  for (const auto& p : *library) {
    const bool is_attached = std::any_of(attached->begin(), attached->end(),
                                         [&](const core::Persona& q) { return q.id == p.id; });
    if (!is_attached) {
      options.push_back(mstch::map{{"value", std::to_string(p.id.value)}, {"label", p.name}});
    }
  }
  mstch::array gaps = gap_sentences(s, req, *attached);
  const bool has_options = !options.empty();
  mstch::map data = org_page_data(s, req, m);
  data.emplace("title", format_message(tr(s, req, "personas.tool.title"), {{"tool", tool.name}}));
  data.emplace("tool_name", tool.name);
  data.emplace("tool_url", tool_url(m, tool.id));
  data.emplace("url", url);
  data.emplace("library_url", personas_url(m));
  data.emplace("attached", std::move(rows));
  data.emplace("has_attached", !attached->empty());
  data.emplace("options", std::move(options));
  data.emplace("has_options", has_options);
  data.emplace("library_empty", library->empty());
  data.emplace("has_gaps", !gaps.empty());
  data.emplace("gaps", std::move(gaps));
  data.emplace("can_edit", m.role >= kWriteRole);
  if (!error_key.empty()) data.emplace("error", tr(s, req, error_key));
  const std::string saved = req.query.value("saved");
  if (saved == "attached" || saved == "detached") {
    data.emplace("notice", tr(s, req, "personas.saved." + saved));
  }
  return render(s, req, "personas/tool", std::move(data), status);
}

// Runs fn(membership, tool, form) for an editor or owner, the tool of the
// request and its POSTed form.
template <typename Fn>
Response tool_form(auth::Auth& auth, Request& req, Fn fn) {
  return tool_views::editor_tool(auth, req, [&](const auth::Membership& m, const core::Tool& t) {
    auto form = parse_form(req.body);
    if (!form) return auth.error(req, 400, "error.http.bad_request");
    return fn(m, t, *form);
  });
}

}  // namespace

Response tool_personas_page(auth::Auth& auth, Request& req) {
  auto m = auth.require_member(req, req.param("org"));
  if (!m) return m.response();
  Services& s = auth.services();
  auto tool = tool_of_request(s, req, *m);
  if (!tool) return error_response(s, req, tool.error());
  return render_tool_personas(s, req, *m, *tool);
}

Response tool_persona_attach(auth::Auth& auth, Request& req) {
  return tool_form(auth, req, [&](const auth::Membership& m, const core::Tool& t, const Params& f) {
    Services& s = auth.services();
    const auto id = parse_id(f.value("persona"));
    if (!id) return render_tool_personas(s, req, m, t, "personas.tool.choose_required", 422);
    if (auto st = s.store.personas().attach(m.org.id, t.id, core::PersonaId(*id), web_actor(m));
        !st) {
      // Another org's persona is not found: said on the page, nothing attached.
      if (is_page_error(st.error()) && st.error().key != "personas.error.not_found") {
        return error_response(s, req, st.error());
      }
      return render_tool_personas(s, req, m, t, st.error().key, http_status(st.error().code));
    }
    return Response::redirect(tool_personas_url(m, t) + "?saved=attached");
  });
}

Response tool_persona_detach(auth::Auth& auth, Request& req) {
  return tool_form(auth, req, [&](const auth::Membership& m, const core::Tool& t, const Params&) {
    Services& s = auth.services();
    auto p = persona_of_request(s, req, m);
    if (!p) return error_response(s, req, p.error());
    if (auto st = s.store.personas().detach(m.org.id, t.id, p->id, web_actor(m)); !st) {
      if (is_page_error(st.error())) return error_response(s, req, st.error());
      return render_tool_personas(s, req, m, t, st.error().key, http_status(st.error().code));
    }
    return Response::redirect(tool_personas_url(m, t) + "?saved=detached");
  });
}

mstch::map tool_section_data(const Services& s, const Request& req, const auth::Membership& m,
                             const core::Tool& tool) {
  auto attached = s.store.personas().of_tool(m.org.id, tool.id);
  if (!attached) return mstch::map{{"has_section", false}};
  const auto gaps = core::coverage_gaps(*attached);
  return mstch::map{
      {"has_section", true},
      {"summary", format_message(tr(s, req, "personas.tool_section.summary"),
                                 {{"count", std::to_string(attached->size())},
                                  {"gaps", std::to_string(gaps.size())}})},
      {"url", tool_personas_url(m, tool)}};
}

}  // namespace solipraxis::web::handlers::personas
