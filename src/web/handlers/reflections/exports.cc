#include "web/handlers/reflections/exports.h"

#include "store/tools.h"
#include "web/handlers/catalog/catalog_common.h"
#include "web/handlers/reflections/export_formats.h"
#include "web/handlers/reflections/round_access.h"
#include "web/handlers/tools/tool_views.h"
#include "web/page.h"

namespace solipraxis::web::handlers::reflections {

using catalog_common::lang_of;

namespace {

ExportStyle style_of(const Services& s, const Request& req, const auth::Membership& m) {
  return ExportStyle{tool_views::translator(s, req), req.lang, m.org.time_zone};
}

Response send(auth::Auth& auth, const Request& req, const auth::Membership& m,
              const ExportDoc& doc, ExportFormat format, const std::string& file) {
  const Services& s = auth.services();
  switch (format) {
    case ExportFormat::kMarkdown:
      return attachment(export_markdown(doc, style_of(s, req, m)), "text/markdown; charset=utf-8",
                        file + ".md");
    case ExportFormat::kJson:
      return attachment(export_json(doc).dump(2) + "\n", "application/json", file + ".json");
    case ExportFormat::kHtml: break;
  }
  return render(s, req, "reflections/export_print", export_print_data(doc, style_of(s, req, m)));
}

// The document frame: org and tool names.
core::Result<ExportDoc> doc_for(Services& s, const auth::Membership& m, core::ToolId tool) {
  auto t = s.store.tools().tool(m.org.id, tool);
  if (!t) return t.error();
  return ExportDoc{m.org.name, tool, t->name, false, {}};
}

// A round's team answers, or the round without them while the team view is withheld.
core::Result<ExportRound> team_or_withheld(Services& s, const auth::Membership& m,
                                           const store::ReflectionRound& round, const Form& form,
                                           cat::Lang lang, store::AuditNames& names) {
  auto view = s.store.reflections().team_view(m.org.id, round.id);
  if (view) return team_round(form, lang, *view, names);
  if (view.error().code == core::ErrorCode::kForbidden) return withheld_round(form, lang, round);
  return view.error();
}

std::string round_file(const store::ReflectionRound& r) {
  return "reflection-round-" + std::to_string(r.id);
}

}  // namespace

Response my_reflection_export(auth::Auth& auth, Request& req, ExportFormat format) {
  auto ctx = round_context(auth, req);
  if (!ctx) return ctx.response();
  Services& s = auth.services();
  auto mine = s.store.reflections().mine(ctx->member.org.id, ctx->round.id, ctx->author);
  if (!mine) return failure(auth, req, mine.error());
  auto doc = doc_for(s, ctx->member, ctx->round.tool);
  if (!doc) return failure(auth, req, doc.error());
  doc->rounds.push_back(own_round(ctx->form, lang_of(req), ctx->round, *mine));
  return send(auth, req, ctx->member, *doc, format, round_file(ctx->round) + "-mine");
}

Response round_export(auth::Auth& auth, Request& req, ExportFormat format) {
  auto ctx = round_context(auth, req);
  if (!ctx) return ctx.response();
  Services& s = auth.services();
  auto view = s.store.reflections().team_view(ctx->member.org.id, ctx->round.id);
  if (!view) return failure(auth, req, view.error());  // 403 while withheld
  auto doc = doc_for(s, ctx->member, ctx->round.tool);
  if (!doc) return failure(auth, req, doc.error());
  store::AuditNames names(s.store.users());
  doc->rounds.push_back(team_round(ctx->form, lang_of(req), *view, names));
  return send(auth, req, ctx->member, *doc, format, round_file(ctx->round));
}

Response tool_reflections_export(auth::Auth& auth, Request& req, ExportFormat format) {
  auto m = auth.require_member(req, req.param("org"));
  if (!m) return m.response();
  Services& s = auth.services();
  const auto id = parse_round_id(req.param("id"));
  if (!id) return auth.error(req, 404, "tools.error.not_found");
  auto doc = doc_for(s, *m, core::ToolId(*id));
  if (!doc) return failure(auth, req, doc.error());
  auto rounds = s.store.reflections().rounds(m->org.id, doc->tool);
  if (!rounds) return failure(auth, req, rounds.error());
  store::AuditNames names(s.store.users());
  for (const store::ReflectionRound& round : *rounds) {
    auto form = round_form(s, m->org.id, round);
    if (!form) return failure(auth, req, form.error());
    auto r = team_or_withheld(s, *m, round, *form, lang_of(req), names);
    if (!r) return failure(auth, req, r.error());
    doc->rounds.push_back(std::move(*r));
  }
  doc->collection = true;
  return send(auth, req, *m, *doc, format, "reflections-tool-" + std::to_string(*id));
}

}  // namespace solipraxis::web::handlers::reflections
