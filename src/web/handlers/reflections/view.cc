#include "web/handlers/reflections/view.h"

#include <algorithm>
#include <map>

#include "core/reflection.h"
#include "store/store.h"
#include "store/tool_records.h"
#include "store/tools.h"
#include "web/handlers/catalog/catalog_common.h"
#include "web/handlers/catalog/catalog_store.h"
#include "web/handlers/common/params.h"
#include "web/handlers/reflections/author.h"
#include "web/handlers/site/dashboard.h"
#include "web/i18n.h"
#include "web/page.h"
#include "web/time_zone.h"

namespace solipraxis::web::handlers::reflections {

namespace {

core::Error round_not_found() {
  return core::make_error(core::ErrorCode::kNotFound, "reflections.error.round_not_found",
                          "no such round");
}

// The org's catalog view for phase questions; catalog only if it cannot be read.
std::optional<catalog_store::OrgCatalogView> org_view(Services& s, core::OrgId org) {
  auto view = catalog_store::load_org_catalog(s.store, org);
  if (!view) return std::nullopt;
  return std::move(view).value();
}

}  // namespace

RoundAccess load_round(auth::Auth& auth, const Request& req) {
  Services& s = auth.services();
  auto m = auth.require_member(req, req.param("org"));
  if (!m) return {std::nullopt, m.response()};
  if (!s.catalog) return {std::nullopt, error_response(s, req, 503, "error.catalog.unavailable")};
  auto id = parse_id(req.param("round"));
  if (!id) return {std::nullopt, error_response(s, req, round_not_found())};
  auto round = s.store.reflections().round(m->org.id, *id);
  if (!round) return {std::nullopt, error_response(s, req, round.error())};
  auto tool = s.store.tools().tool(m->org.id, round->tool);
  if (!tool) return {std::nullopt, error_response(s, req, tool.error())};
  const catalog::Catalog* c = s.catalog->at(round->catalog_version);
  if (!c) c = &s.catalog->current();  // a version no longer shipped: today's wording
  auto view = org_view(s, m->org.id);
  auto form = build_form(*c, view ? &*view : nullptr, round->template_id);
  if (!form) return {std::nullopt, error_response(s, req, form.error())};
  RoundContext ctx{*m,
                   *round,
                   *tool,
                   std::move(*form),
                   author_for(auth.options().link_key, *round, m->user.id),
                   std::nullopt,
                   catalog_common::lang_of(req)};
  auto mine = s.store.reflections().mine(m->org.id, round->id, ctx.author);
  if (mine) {
    ctx.mine = std::move(mine).value();
  } else if (mine.error().code != core::ErrorCode::kNotFound) {
    return {std::nullopt, error_response(s, req, mine.error())};
  }
  return {std::move(ctx), Response{}};
}

std::string round_url(const auth::Membership& m, std::int64_t round_id) {
  return "/o/" + m.org.slug + "/reflections/" + std::to_string(round_id);
}

std::string section_url(const auth::Membership& m, std::int64_t round_id,
                        std::string_view section_id) {
  return round_url(m, round_id) + "/sections/" + percent_encode(section_id);
}

const store::SectionAnswers* saved_section(const RoundContext& c, std::string_view section_id) {
  if (!c.mine) return nullptr;
  for (const auto& s : c.mine->sections)
    if (s.section_id == section_id) return &s;
  return nullptr;
}

std::optional<core::UnixTime> stage_two_opens(const RoundContext& c) {
  if (!c.mine) return std::nullopt;
  return c.mine->stage_two_opens_at;
}

mstch::map round_page_data(const Services& s, const Request& req, const RoundContext& c) {
  const catalog::Lang l = c.lang;
  mstch::map data = org_page_data(s, req, c.member);
  data.emplace("tool", mstch::map{{"name", c.tool.name},
                                  {"url", "/o/" + c.member.org.slug + "/tools/" +
                                              std::to_string(c.tool.id.value)}});
  data.emplace("round", mstch::map{
                            {"id", std::to_string(c.round.id)},
                            {"url", round_url(c.member, c.round.id)},
                            {"title", c.form.title.get(l)},
                            {"intro", c.form.intro.get(l)},
                            {"note", c.form.note.get(l)},
                            {"duration", c.form.duration.get(l)},
                            {"anonymous", c.round.anonymous},
                            {"two_stage", c.form.two_stage()},
                            {"followup_days", std::to_string(c.form.followup_after_days)},
                        });
  return data;
}

mstch::map tool_reflections_data(auth::Auth& auth, const Request& req, const auth::Membership& m,
                                 const core::Tool& tool) {
  Services& s = auth.services();
  if (!s.catalog) return mstch::map{{"has_reflections", false}};
  const catalog::Lang lang = catalog_common::lang_of(req);
  const catalog::Catalog& current = s.catalog->current();
  mstch::array templates;
  bool first = true;
  for (const std::string& id : templates_for(tool.phase)) {
    auto form = form_heading(current, id);
    if (!form) continue;
    const bool phase = id.starts_with("phase.");
    templates.push_back(mstch::map{
        {"id", id},
        {"label", phase ? format_message(tr(s, req, "reflections.start.phase_questions"),
                                         {{"phase", form->title.get(lang)}})
                        : form->title.get(lang)},
        {"duration", form->duration.get(lang)},
        {"hint", form->two_stage()
                     ? format_message(tr(s, req, "reflections.start.two_stage_hint"),
                                      {{"days", std::to_string(form->followup_after_days)}})
                     : std::string()},
        {"checked", first},
    });
    first = false;
  }
  auto rounds = s.store.reflections().rounds(m.org.id, tool.id);
  if (!rounds) return mstch::map{{"has_reflections", false}};
  mstch::array rows;
  for (const store::ReflectionRound& r : *rounds) {
    const std::string title = round_title(s, req, r);
    auto mine = s.store.reflections().mine(m.org.id, r.id,
                                           author_for(auth.options().link_key, r, m.user.id));
    std::string state = "reflections.state.not_begun";
    if (mine && mine->finished_at)
      state = "reflections.state.finished";
    else if (mine && mine->stage_one_done_at)
      state = "reflections.state.stage_one_done";
    else if (mine)
      state = "reflections.state.in_progress";
    rows.push_back(mstch::map{
        {"title", title},
        {"url", round_url(m, r.id)},
        {"mode", tr(s, req, r.anonymous ? "reflections.mode.anonymous" : "reflections.mode.named")},
        {"since", readable_date(r.created_at, m.org.time_zone, req.lang)},
        {"state", tr(s, req, state)},
    });
  }
  // Emplaced, not listed in braces: an initializer list copies each value, and
  // the templates and rounds are arrays of maps (issue 20).
  const std::string tool_base = "/o/" + m.org.slug + "/tools/" + std::to_string(tool.id.value);
  mstch::map out;
  out.emplace("has_reflections", true);
  out.emplace("has_rounds", !rows.empty());
  out.emplace("templates", std::move(templates));
  out.emplace("rounds", std::move(rows));
  out.emplace("export_links",
              mstch::map{{"label", tr(s, req, "reflections.export.tool_link")},
                         {"base", tool_base + "/reflections/export"}});
  out.emplace("start_url", tool_base + "/reflections");
  return out;
}

std::string round_title(const Services& s, const Request& req, const store::ReflectionRound& r) {
  if (!s.catalog) return r.template_id;
  const catalog::Catalog* c = s.catalog->at(r.catalog_version);
  auto form = form_heading(c ? *c : s.catalog->current(), r.template_id);
  if (!form) return r.template_id;
  const std::string title = form->title.get(catalog_common::lang_of(req));
  if (!r.template_id.starts_with("phase.")) return title;
  return format_message(tr(s, req, "reflections.start.phase_questions"), {{"phase", title}});
}

mstch::array open_reflections_data(auth::Auth& auth, const Request& req,
                                   const auth::Membership& m) {
  Services& s = auth.services();
  mstch::array out;
  if (!s.catalog) return out;
  // One read for every round of the org; the tools' names only when there are rounds.
  auto rounds = s.store.reflections().rounds(m.org.id, std::nullopt);
  if (!rounds || rounds->empty()) return out;
  auto tools = store::all_tools(s.store.tools(), m.org.id);
  if (!tools) return out;
  std::map<std::int64_t, const core::Tool*> by_id;
  for (const core::Tool& t : *tools) by_id.emplace(t.id.value, &t);
  const core::UnixTime now = s.clock.now();
  for (const store::ReflectionRound& r : *rounds) {
    const auto tool_it = by_id.find(r.tool.value);
    if (tool_it == by_id.end()) continue;
    const core::Tool& tool = *tool_it->second;
    auto mine = s.store.reflections().mine(m.org.id, r.id,
                                           author_for(auth.options().link_key, r, m.user.id));
    if (!mine || mine->finished_at) continue;
    const std::string title = round_title(s, req, r);
    std::string state = tr(s, req, "reflections.state.in_progress");
    if (mine->stage_two_opens_at) {
      state = *mine->stage_two_opens_at > now
                  ? format_message(tr(s, req, "reflections.dashboard.stage_two_from"),
                                   {{"date", readable_date(*mine->stage_two_opens_at,
                                                           m.org.time_zone, req.lang)}})
                  : tr(s, req, "reflections.dashboard.stage_two_open");
    }
    out.push_back(mstch::map{
        {"title", title}, {"tool", tool.name}, {"url", round_url(m, r.id)}, {"state", state}});
  }
  return out;
}

}  // namespace solipraxis::web::handlers::reflections
