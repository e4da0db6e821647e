// `solipraxis tools list|show|export --org ORG`: the AI tool register from the
// command line, read-only. Output formats: text (a table / the record), json,
// markdown, csv (list and export) and xlsx (export). csv and xlsx carry labels in
// --lang (de or en, from web/i18n). xlsx goes to --output FILE or to a pipe,
// never to a terminal. Exit 2 with one line on stderr for an unknown org, tool,
// phase or format, or xlsx to a terminal.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "catalog/load.h"
#include "cli/commands.h"
#include "cli/store_cli.h"
#include "core/clock.h"
#include "core/register_sheets.h"
#include "core/tool_export.h"
#include "store/orgs.h"
#include "store/store.h"
#include "store/tool_records.h"
#include "store/tools.h"
#include "web/xlsx.h"

namespace solipraxis::cli {
namespace {

struct ToolsOptions {
  std::string org;
  std::string format = "text";
  std::string phase;
  bool only_public = false;
  std::string tool_id;
  std::string lang = "de";
  std::string output;  // "" = standard output
};

std::string text_table(const std::vector<core::Tool>& tools) {
  std::string out = pad("ID", 6) + pad("PHASE", 12) + pad("NEXT REVIEW", 13) + "NAME\n";
  for (const auto& t : tools) {
    out += pad(std::to_string(t.id.value), 6) + pad(core::phase_name(t.phase), 12) +
           pad(t.next_review ? t.next_review->str() : "-", 13) + t.name + "\n";
  }
  return out;
}

// Principle names from the practice catalog, "Principle N" when it cannot be loaded.
core::PrincipleName principle_names(const Context& ctx, const std::string& lang,
                                    const core::Translate& t) {
  auto set = catalog::load_catalog_dir(catalog::find_catalog_dir(ctx.catalog_dir, ctx.exe_path));
  auto shared = set ? std::make_shared<catalog::CatalogSet>(std::move(*set)) : nullptr;
  return [shared, lang, t](int n) {
    const auto* p = shared ? shared->current().principle("p." + std::to_string(n)) : nullptr;
    const auto* name = p ? &p->name.get(lang == "en" ? catalog::Lang::kEn : catalog::Lang::kDe)
                         : nullptr;
    return name && !name->empty() ? *name : t("tools.export.principle") + " " + std::to_string(n);
  };
}

// csv: the tools sheet; xlsx: every sheet, to --output or to a pipe.
int write_sheets(Context& ctx, const ToolsOptions& opt, OrgSession& session,
                 const std::vector<core::ToolRecord>& records) {
  if (opt.format == "xlsx" && opt.output.empty() && isatty(STDOUT_FILENO)) {
    return fail_usage("xlsx is a binary file: use --output FILE or a pipe");
  }
  auto lines = session.store->tools().red_lines(session.org.id);
  if (!lines) return report(lines.error());
  const core::Translate t = translator(opt.lang);
  const auto sheets = core::register_sheets(records, *lines, t, principle_names(ctx, opt.lang, t));
  if (opt.format == "xlsx" && !opt.output.empty()) {
    auto st = web::write_xlsx_file(opt.output, sheets, opt.lang);
    return st ? kExitOk : fail_usage("cannot write " + opt.output);
  }
  std::string bytes;
  if (opt.format == "xlsx") {
    auto b = web::xlsx_bytes(sheets, opt.lang);
    if (!b) return report(b.error());
    bytes = std::move(*b);
  } else {
    bytes = core::sheet_csv(sheets.front(), opt.lang);
  }
  if (opt.output.empty()) {
    std::cout << bytes;
    return kExitOk;
  }
  std::ofstream out(opt.output, std::ios::binary | std::ios::trunc);
  out << bytes;
  if (!out.flush()) return fail_usage("cannot write " + opt.output);
  return kExitOk;
}

int run_list(Context& ctx, const ToolsOptions& opt) {
  store::ToolFilter filter;
  if (!opt.phase.empty()) {
    auto p = core::parse_phase(opt.phase);
    if (!p) return report(p.error());
    filter.phase = *p;
  }
  if (opt.only_public) filter.is_public = true;
  core::SystemClock clock;
  auto session = open_org_for_reading(ctx, opt.org, clock);
  if (!session) return ctx.exit_code;
  auto tools = store::all_tools(session->store->tools(), session->org.id, filter);
  if (!tools) return report(tools.error());
  if (opt.format == "text") {
    std::cout << text_table(*tools);
    return kExitOk;
  }
  auto records = store::tool_records(session->store->tools(), session->org.id, std::move(*tools));
  if (!records) return report(records.error());
  if (opt.format == "csv" || opt.format == "xlsx") return write_sheets(ctx, opt, *session, *records);
  std::cout << (opt.format == "json" ? core::register_json(*records) + "\n"
                                     : core::register_markdown(session->org.name, *records));
  return kExitOk;
}

int run_show(Context& ctx, const ToolsOptions& opt) {
  const auto id = parse_id(opt.tool_id);
  if (!id) return fail_usage("not a tool id: '" + opt.tool_id + "'");
  core::SystemClock clock;
  auto session = open_org_for_reading(ctx, opt.org, clock);
  if (!session) return ctx.exit_code;
  auto tool = session->store->tools().tool(session->org.id, core::ToolId(*id));
  if (!tool) return report(tool.error());
  auto decisions = session->store->tools().decisions(session->org.id, tool->id);
  if (!decisions) return report(decisions.error());
  const core::ToolRecord record{std::move(*tool), std::move(*decisions)};
  std::cout << (opt.format == "json" ? core::tool_record_json(record) + "\n"
                                     : core::tool_markdown(record));
  return kExitOk;
}

}  // namespace

void add_tools_commands(CLI::App& app, Context& ctx) {
  auto opt = std::make_shared<ToolsOptions>();
  auto* tools = app.add_subcommand("tools", "The AI tool register of an organisation (read-only)");
  tools->require_subcommand(1);

  auto* list = tools->add_subcommand("list", "List the org's tools");
  list->add_option("--org", opt->org, "Organisation slug")->required();
  list->add_option("--format", opt->format, "text, json, markdown or csv")
      ->check(CLI::IsMember({"text", "json", "markdown", "csv"}));
  list->add_option("--phase", opt->phase,
                   "Only tools in this phase (idea, selection, pilot, in_use, evaluation, "
                   "retired, rejected)");
  list->add_flag("--public", opt->only_public, "Only tools in the public register");
  list->add_option("--lang", opt->lang, "Language of csv: de (default) or en")
      ->check(CLI::IsMember({"de", "en"}));
  list->callback([&ctx, opt] { ctx.exit_code = run_list(ctx, *opt); });

  auto* show = tools->add_subcommand("show", "Show one tool with its decisions");
  show->add_option("--org", opt->org, "Organisation slug")->required();
  show->add_option("id", opt->tool_id, "Tool id")->required();
  show->add_option("--format", opt->format, "text, json or markdown")
      ->check(CLI::IsMember({"text", "json", "markdown"}));
  show->callback([&ctx, opt] { ctx.exit_code = run_show(ctx, *opt); });

  auto* exp = tools->add_subcommand("export", "Export the whole register with decisions");
  exp->add_option("--org", opt->org, "Organisation slug")->required();
  exp->add_option("--format", opt->format,
                  "json (default), markdown, csv (the tools) or xlsx (tools, decisions, red lines)")
      ->check(CLI::IsMember({"json", "markdown", "csv", "xlsx"}));
  exp->add_option("--lang", opt->lang, "Language of csv and xlsx: de (default) or en")
      ->check(CLI::IsMember({"de", "en"}));
  exp->add_option("--output", opt->output, "Write to FILE instead of standard output");
  exp->callback([&ctx, opt] {
    if (opt->format == "text") opt->format = "json";
    ctx.exit_code = run_list(ctx, *opt);
  });
}

}  // namespace solipraxis::cli
