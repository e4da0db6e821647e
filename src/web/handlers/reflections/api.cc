#include "web/handlers/reflections/api.h"

#include <charconv>

#include <nlohmann/json.hpp>

#include "store/tool_records.h"
#include "store/tools.h"
#include "web/handlers/catalog/catalog_common.h"
#include "web/handlers/catalog/catalog_store.h"
#include "web/handlers/reflections/export_formats.h"
#include "web/handlers/reflections/round_access.h"
#include "web/handlers/tools/tools_api.h"
#include "web/i18n.h"
#include "web/json.h"
#include "web/page.h"
#include "web/time_zone.h"

namespace solipraxis::web::handlers::reflections {

using catalog_common::lang_of;

using core::ErrorCode;
using core::make_error;
using nlohmann::json;

namespace {

store::Actor actor_of(const auth::Membership& m) { return store::Actor{m.user.id, "api"}; }

json text_json(const cat::Text& t, cat::Lang lang) { return t.get(lang); }

// The round as lists show it; who started it only in a named round.
json round_summary(const store::ReflectionRound& r, const Form* form, cat::Lang lang) {
  json out{{"id", r.id},
           {"tool_id", r.tool.value},
           {"template_id", r.template_id},
           {"catalog_version", r.catalog_version},
           {"anonymous", r.anonymous},
           {"followup_after_days", r.followup_after_days},
           {"created_at", r.created_at},
           {"title", form ? text_json(form->title, lang) : json(r.template_id)}};
  if (!r.anonymous && r.created_by) out["created_by"] = r.created_by->value;
  return out;
}

json form_json(const Form& f, cat::Lang lang) {
  json sections = json::array();
  for (const FormSection& s : f.sections) {
    json prompts = json::array();
    for (const FormPrompt& p : s.prompts) {
      json choices = json::array();
      for (const cat::Option& o : p.choices) choices.push_back({{"id", o.id}, {"label", o.label.get(lang)}});
      prompts.push_back({{"id", p.id}, {"text", p.text.get(lang)}, {"hint", p.hint.get(lang)},
                         {"choices", std::move(choices)}});
    }
    sections.push_back({{"id", s.id}, {"title", s.title.get(lang)}, {"stage", s.stage},
                        {"optional", s.optional}, {"note", s.note.get(lang)},
                        {"prompts", std::move(prompts)}});
  }
  return {{"title", f.title.get(lang)}, {"intro", f.intro.get(lang)}, {"note", f.note.get(lang)},
          {"duration", f.duration.get(lang)}, {"two_stage", f.two_stage()},
          {"sections", std::move(sections)}};
}

json opt_time(const std::optional<store::UnixTime>& t) { return t ? json(*t) : json(nullptr); }

json section_json(const store::SectionAnswers& s) {
  return {{"id", s.section_id}, {"stage", s.stage}, {"answers", s.answers},
          {"version", s.version}, {"updated_at", s.updated_at}};
}

// The caller's own reflection; its id only in a named round.
json reflection_json(const store::ReflectionRound& round, const store::Reflection& r) {
  json sections = json::array();
  for (const auto& s : r.sections) sections.push_back(section_json(s));
  json out{{"round_id", r.round_id},
           {"stage_one_done_at", opt_time(r.stage_one_done_at)},
           {"stage_two_opens_at", opt_time(r.stage_two_opens_at)},
           {"finished_at", opt_time(r.finished_at)},
           {"created_at", r.created_at},
           {"updated_at", r.updated_at},
           {"sections", std::move(sections)}};
  if (!round.anonymous) out["id"] = r.id;
  return out;
}

Response bad_input(auth::Auth& auth, const Request& req, std::string key, std::string detail) {
  return api_failure(auth.services(), req,
                     make_error(ErrorCode::kInvalidInput, std::move(key), std::move(detail)));
}

// An expected failure; a locked stage says when it opens (date in the org's zone,
// and "opens_at" in Unix seconds).
Response reflection_failure(auth::Auth& auth, const Request& req, const auth::Membership& m,
                            const core::Error& e) {
  Response res = api_failure(auth.services(), req, e);
  if (e.key != "reflections.error.stage_locked") return res;
  store::UnixTime opens = 0;
  const auto* end = e.detail.data() + e.detail.size();
  if (std::from_chars(e.detail.data(), end, opens).ptr != end) return res;
  json body = json::parse(res.body);
  body["error"]["opens_at"] = opens;
  body["error"]["message"] =
      format_message(tr(auth.services(), req, "reflections.error.stage_locked_until"),
                     {{"date", readable_date(opens, m.org.time_zone, req.lang)}});
  return Response::json(body, res.status);
}

core::Result<json> object_body(const Request& req) {
  auto body = parse_json_body(req);
  if (!body) return body.error();
  if (!body->is_object()) {
    return make_error(ErrorCode::kInvalidInput, "error.http.bad_request", "the body must be an object");
  }
  return body;
}

Response body_denial(auth::Auth& auth, const Request& req, const core::Error& e) {
  if (e.key == "error.http.bad_request") return bad_input(auth, req, e.key, e.detail);
  return auth.error(req, json_body_status(e), e.key);
}

}  // namespace

Response api_rounds(auth::Auth& auth, Request& req) {
  auto m = auth.require_member(req, req.param("org"));
  if (!m) return m.response();
  Services& s = auth.services();
  // ?tool=ID: that tool's rounds; without it, the rounds of every tool of the org.
  std::optional<core::ToolId> tool;
  if (const std::string t = req.query.value("tool"); !t.empty()) {
    const auto id = parse_round_id(t);
    if (!id) return bad_input(auth, req, "error.http.bad_request", "tool: a tool id");
    auto found = s.store.tools().tool(m->org.id, core::ToolId(*id));
    if (!found) return api_failure(s, req, found.error());
    tool = found->id;
  }
  auto rounds = s.store.reflections().rounds(m->org.id, tool);
  if (!rounds) return api_failure(s, req, rounds.error());
  json items = json::array();
  // The org's catalog view once for the whole list, not once per round.
  auto view = catalog_store::load_org_catalog(s.store, m->org.id);
  for (const auto& r : *rounds) {
    auto form = view ? round_form(s, *view, r) : core::Result<Form>(view.error());
    items.push_back(round_summary(r, form ? &*form : nullptr, lang_of(req)));
  }
  return Response::json(list_json(std::move(items), ""));
}

Response api_round_create(auth::Auth& auth, Request& req) {
  auto m = auth.require_member(req, req.param("org"));
  if (!m) return m.response();
  Services& s = auth.services();
  auto body = object_body(req);
  if (!body) return body_denial(auth, req, body.error());
  const json& b = *body;
  if (!b.contains("tool") || !b["tool"].is_number_integer() || b["tool"].get<std::int64_t>() <= 0) {
    return bad_input(auth, req, "error.api.field_type", "tool: a tool id (integer)");
  }
  if (!b.contains("template_id") || !b["template_id"].is_string()) {
    return bad_input(auth, req, "error.api.field_type", "template_id: a string");
  }
  if (b.contains("anonymous") && !b["anonymous"].is_boolean()) {
    return bad_input(auth, req, "error.api.field_type", "anonymous: true or false");
  }
  if (!s.catalog || s.catalog->empty()) return auth.error(req, 503, "error.http.unavailable");
  const cat::Catalog& c = s.catalog->current();
  auto view = catalog_store::load_org_catalog(s.store, m->org.id);
  if (!view) return api_failure(s, req, view.error());
  const std::string template_id = b["template_id"].get<std::string>();
  auto form = build_form(c, &*view, template_id);
  if (!form) {
    core::Error e = form.error();
    e.code = ErrorCode::kInvalidInput;  // a body naming no template is bad input, not a missing page
    e.detail = "template_id: " + e.detail;
    return api_failure(s, req, e);
  }
  const store::NewRound in{core::ToolId(b["tool"].get<std::int64_t>()), template_id, c.version,
                           b.value("anonymous", false), form->followup_after_days};
  auto round = s.store.reflections().create_round(m->org.id, in, actor_of(*m));
  if (!round) return api_failure(s, req, round.error());
  json out = round_summary(*round, &*form, lang_of(req));
  out["form"] = form_json(*form, lang_of(req));
  return Response::json(out, 201);
}

Response api_round(auth::Auth& auth, Request& req) {
  auto ctx = round_context(auth, req);
  if (!ctx) return ctx.response();
  json out = round_summary(ctx->round, &ctx->form, lang_of(req));
  out["form"] = form_json(ctx->form, lang_of(req));
  return Response::json(out);
}

Response api_mine(auth::Auth& auth, Request& req) {
  auto ctx = round_context(auth, req);
  if (!ctx) return ctx.response();
  auto mine = auth.services().store.reflections().mine(ctx->member.org.id, ctx->round.id, ctx->author);
  if (!mine) return api_failure(auth.services(), req, mine.error());
  return Response::json(reflection_json(ctx->round, *mine));
}

Response api_mine_start(auth::Auth& auth, Request& req) {
  auto ctx = round_context(auth, req);
  if (!ctx) return ctx.response();
  auto mine = auth.services().store.reflections().start(ctx->member.org.id, ctx->round.id,
                                                        ctx->author, actor_of(ctx->member));
  if (!mine) return api_failure(auth.services(), req, mine.error());
  return Response::json(reflection_json(ctx->round, *mine));
}

Response api_section_save(auth::Auth& auth, Request& req) {
  auto ctx = round_context(auth, req);
  if (!ctx) return ctx.response();
  Services& s = auth.services();
  const FormSection* section = ctx->form.section(req.param("section"));
  if (!section) return auth.error(req, 404, "reflections.error.section_invalid");
  auto body = object_body(req);
  if (!body) return body_denial(auth, req, body.error());
  const json& b = *body;
  if (!b.contains("version") || !b["version"].is_number_integer() ||
      b["version"].get<std::int64_t>() < 0) {
    return bad_input(auth, req, "error.api.field_type", "version: the version read (0: none yet)");
  }
  if (!b.contains("answers") || !b["answers"].is_object()) {
    return bad_input(auth, req, "error.api.field_type", "answers: an object of prompt id -> text");
  }
  store::SectionAnswers answers{section->id, section->stage, {}, 0, 0};
  for (const auto& item : b["answers"].items()) {
    // Named, not a structured binding: clang 14 (the fuzz build) cannot capture those.
    const std::string& prompt = item.key();
    const json& text = item.value();
    const bool known = std::any_of(section->prompts.begin(), section->prompts.end(),
                                   [&](const FormPrompt& p) { return p.id == prompt; });
    if (!known) {
      return bad_input(auth, req, "reflections.error.section_invalid", "answers." + prompt);
    }
    if (!text.is_string()) {
      return bad_input(auth, req, "error.api.field_type", "answers." + prompt + ": a string");
    }
    answers.answers[prompt] = text.get<std::string>();
  }
  auto& refl = s.store.reflections();
  const core::OrgId org = ctx->member.org.id;
  auto mine = refl.start(org, ctx->round.id, ctx->author, actor_of(ctx->member));
  if (!mine) return api_failure(s, req, mine.error());
  auto saved = refl.save_section(org, mine->id, ctx->author, answers,
                                 b["version"].get<std::int64_t>(), actor_of(ctx->member));
  if (saved) return Response::json(section_json(*saved));
  Response res = reflection_failure(auth, req, ctx->member, saved.error());
  if (saved.error().key != "reflections.error.stale_draft") return res;
  // The newer text stays; the client gets it to show both.
  auto current = refl.mine(org, ctx->round.id, ctx->author);
  if (!current) return res;
  json out = json::parse(res.body);
  for (const auto& sec : current->sections) {
    if (sec.section_id == section->id) out["error"]["current"] = section_json(sec);
  }
  return Response::json(out, res.status);
}

Response api_stage_finish(auth::Auth& auth, Request& req) {
  auto ctx = round_context(auth, req);
  if (!ctx) return ctx.response();
  Services& s = auth.services();
  const std::string stage_text = req.param("stage");
  if (stage_text != "1" && stage_text != "2") return auth.error(req, 404, "reflections.error.stage_invalid");
  auto& refl = s.store.reflections();
  const core::OrgId org = ctx->member.org.id;
  auto mine = refl.mine(org, ctx->round.id, ctx->author);
  if (!mine) return api_failure(s, req, mine.error());
  auto done = refl.finish_stage(org, mine->id, ctx->author, stage_text == "1" ? 1 : 2,
                                actor_of(ctx->member));
  if (!done) return reflection_failure(auth, req, ctx->member, done.error());
  return Response::json(reflection_json(ctx->round, *done));
}

Response api_team(auth::Auth& auth, Request& req) {
  auto ctx = round_context(auth, req);
  if (!ctx) return ctx.response();
  Services& s = auth.services();
  auto view = s.store.reflections().team_view(ctx->member.org.id, ctx->round.id);
  if (!view) return api_failure(s, req, view.error());
  store::AuditNames names(s.store.users());
  return Response::json(round_json(team_round(ctx->form, lang_of(req), *view, names)));
}

}  // namespace solipraxis::web::handlers::reflections
