// `solipraxis reflections list|show|export --org ORG`: guided reflections from the
// command line, read-only (issue 23).
//   list   [--tool ID] [--format text|json]      the rounds (of one tool, or of every tool)
//   show   ROUND [--format text|json|markdown]   one round's team answers (text = markdown)
//   export --tool ID [--format markdown|json]    every round of a tool, as the web export
// Labels in --lang (de, default, or en). The same rules as the web: an anonymous
// round shows no name or user id, and its answers only from three respondents on.
// Exit 2 with one line on stderr for an unknown org, tool or round, or a bad id.
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "catalog/load.h"
#include "cli/commands.h"
#include "cli/store_cli.h"
#include "core/civil_date.h"
#include "core/clock.h"
#include "store/audit_facts.h"
#include "store/orgs.h"
#include "store/reflections.h"
#include "store/store.h"
#include "store/tool_records.h"
#include "store/tools.h"
#include "web/handlers/catalog/catalog_store.h"
#include "web/handlers/reflections/export_formats.h"
#include "web/handlers/reflections/round_access.h"
#include "web/json.h"

namespace solipraxis::cli {
namespace {

namespace refl = web::handlers::reflections;

struct ReflectionsOptions {
  std::string org;
  std::string tool;
  std::string round;
  std::string format = "text";
  std::string lang = "de";
};

// The store, the org, its catalog view and the practice catalog, opened for reading.
struct Session {
  std::unique_ptr<store::Store> store;
  store::Org org;
  catalog::CatalogSet catalogs;
  web::handlers::catalog_store::OrgCatalogView view;

  // The round's form; a round of a catalog version this binary lacks has its template id only.
  refl::Form form(const store::ReflectionRound& r) const {
    const catalog::Catalog* c = catalogs.at(r.catalog_version);
    if (c) {
      if (auto f = refl::build_form(*c, &view, r.template_id)) return std::move(*f);
    }
    refl::Form f;
    f.template_id = r.template_id;
    f.title = catalog::Text{r.template_id, r.template_id};
    return f;
  }
};

std::optional<Session> open(Context& ctx, const ReflectionsOptions& opt, core::Clock& clock) {
  auto base = open_org_for_reading(ctx, opt.org, clock);
  if (!base) return std::nullopt;
  auto set = catalog::load_catalog_dir(catalog::find_catalog_dir(ctx.catalog_dir, ctx.exe_path));
  if (!set) {
    ctx.exit_code = report(set.error());
    return std::nullopt;
  }
  auto view = web::handlers::catalog_store::load_org_catalog(*base->store, base->org.id);
  if (!view) {
    ctx.exit_code = report(view.error());
    return std::nullopt;
  }
  return Session{std::move(base->store), std::move(base->org), std::move(*set), std::move(*view)};
}

catalog::Lang lang_of(const ReflectionsOptions& opt) {
  return opt.lang == "en" ? catalog::Lang::kEn : catalog::Lang::kDe;
}

// A round's team answers, or the round without them while the team view is withheld.
core::Result<refl::ExportRound> team_or_withheld(Session& s, const ReflectionsOptions& opt,
                                                 const store::ReflectionRound& round,
                                                 store::AuditNames& names) {
  const refl::Form form = s.form(round);
  auto view = s.store->reflections().team_view(s.org.id, round.id);
  if (view) return refl::team_round(form, lang_of(opt), *view, names);
  if (view.error().code == core::ErrorCode::kForbidden) {
    return refl::withheld_round(form, lang_of(opt), round);
  }
  return view.error();
}

refl::ExportStyle style_of(const ReflectionsOptions& opt, const Session& s) {
  return refl::ExportStyle{translator(opt.lang), opt.lang, s.org.time_zone};
}

void print_doc(const refl::ExportDoc& doc, const ReflectionsOptions& opt, const Session& s) {
  if (opt.format == "json") {
    std::cout << (doc.collection ? refl::export_json(doc) : refl::round_json(doc.rounds.front()))
                     .dump(2)
              << "\n";
  } else {
    std::cout << refl::export_markdown(doc, style_of(opt, s));
  }
}

int run_list(Context& ctx, const ReflectionsOptions& opt) {
  std::optional<std::int64_t> tool;
  if (!opt.tool.empty() && !(tool = parse_id(opt.tool))) {
    return fail_usage("not a tool id: '" + opt.tool + "'");
  }
  core::SystemClock clock;
  auto s = open(ctx, opt, clock);
  if (!s) return ctx.exit_code;
  std::vector<core::Tool> tools;
  if (tool) {
    auto t = s->store->tools().tool(s->org.id, core::ToolId(*tool));
    if (!t) return report(t.error());
    tools.push_back(std::move(*t));
  } else {
    auto all = store::all_tools(s->store->tools(), s->org.id, {});
    if (!all) return report(all.error());
    tools = std::move(*all);
  }
  // One read for the rounds (of the one tool, or of all), listed in the tools' order.
  auto rounds = s->store->reflections().rounds(
      s->org.id, tool ? std::optional<core::ToolId>(core::ToolId(*tool)) : std::nullopt);
  if (!rounds) return report(rounds.error());
  std::map<std::int64_t, std::vector<const store::ReflectionRound*>> by_tool;
  for (const store::ReflectionRound& r : *rounds) by_tool[r.tool.value].push_back(&r);
  nlohmann::json items = nlohmann::json::array();
  std::string text = pad("ROUND", 7) + pad("TOOL", 6) + pad("MODE", 11) + pad("STARTED", 12) +
                     "TEMPLATE\n";
  for (const core::Tool& t : tools) {
    for (const store::ReflectionRound* round : by_tool[t.id.value]) {
      const store::ReflectionRound& r = *round;
      const std::string title = s->form(r).title.get(lang_of(opt));
      nlohmann::json item{{"id", r.id},
                          {"tool_id", t.id.value},
                          {"tool", t.name},
                          {"template_id", r.template_id},
                          {"title", title},
                          {"catalog_version", r.catalog_version},
                          {"anonymous", r.anonymous},
                          {"created_at", r.created_at}};
      items.push_back(std::move(item));
      text += pad(std::to_string(r.id), 7) + pad(std::to_string(t.id.value), 6) +
              pad(r.anonymous ? "anonymous" : "named", 11) +
              pad(core::Date::from_unix(r.created_at).str(), 12) + title + "\n";
    }
  }
  std::cout << (opt.format == "json" ? web::list_json(std::move(items), "").dump(2) + "\n" : text);
  return kExitOk;
}

int run_show(Context& ctx, const ReflectionsOptions& opt) {
  const auto id = parse_id(opt.round);
  if (!id) return fail_usage("not a round id: '" + opt.round + "'");
  core::SystemClock clock;
  auto s = open(ctx, opt, clock);
  if (!s) return ctx.exit_code;
  auto round = s->store->reflections().round(s->org.id, *id);
  if (!round) return report(round.error());
  auto tool = s->store->tools().tool(s->org.id, round->tool);
  if (!tool) return report(tool.error());
  store::AuditNames names(s->store->users());
  auto r = team_or_withheld(*s, opt, *round, names);
  if (!r) return report(r.error());
  refl::ExportDoc doc{s->org.name, tool->id, tool->name, false, {std::move(*r)}};
  print_doc(doc, opt, *s);
  return kExitOk;
}

int run_export(Context& ctx, const ReflectionsOptions& opt) {
  const auto tool_id = parse_id(opt.tool);
  if (!tool_id) return fail_usage("not a tool id: '" + opt.tool + "'");
  core::SystemClock clock;
  auto s = open(ctx, opt, clock);
  if (!s) return ctx.exit_code;
  auto tool = s->store->tools().tool(s->org.id, core::ToolId(*tool_id));
  if (!tool) return report(tool.error());
  auto rounds = s->store->reflections().rounds(s->org.id, tool->id);
  if (!rounds) return report(rounds.error());
  store::AuditNames names(s->store->users());
  refl::ExportDoc doc{s->org.name, tool->id, tool->name, true, {}};
  for (const store::ReflectionRound& round : *rounds) {
    auto r = team_or_withheld(*s, opt, round, names);
    if (!r) return report(r.error());
    doc.rounds.push_back(std::move(*r));
  }
  print_doc(doc, opt, *s);
  return kExitOk;
}

}  // namespace

void add_reflections_commands(CLI::App& app, Context& ctx) {
  auto opt = std::make_shared<ReflectionsOptions>();
  auto* cmd = app.add_subcommand("reflections", "Guided reflections of an organisation (read-only)");
  cmd->require_subcommand(1);
  auto common = [&](CLI::App* sub) {
    sub->add_option("--org", opt->org, "Organisation slug")->required();
    sub->add_option("--lang", opt->lang, "Language of labels: de (default) or en")
        ->check(CLI::IsMember({"de", "en"}));
  };

  auto* list = cmd->add_subcommand("list", "List the reflection rounds (of one tool with --tool)");
  common(list);
  list->add_option("--tool", opt->tool, "Tool id");
  list->add_option("--format", opt->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  list->callback([&ctx, opt] { ctx.exit_code = run_list(ctx, *opt); });

  auto* show = cmd->add_subcommand("show", "Show one round's answers side by side");
  common(show);
  show->add_option("round", opt->round, "Round id")->required();
  show->add_option("--format", opt->format, "text, json or markdown")
      ->check(CLI::IsMember({"text", "json", "markdown"}));
  show->callback([&ctx, opt] { ctx.exit_code = run_show(ctx, *opt); });

  auto* exp = cmd->add_subcommand("export", "Export every round of a tool");
  common(exp);
  exp->add_option("--tool", opt->tool, "Tool id")->required();
  exp->add_option("--format", opt->format, "markdown (default) or json")
      ->check(CLI::IsMember({"text", "json", "markdown"}));
  exp->callback([&ctx, opt] { ctx.exit_code = run_export(ctx, *opt); });
}

}  // namespace solipraxis::cli
