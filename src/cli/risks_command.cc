// `solipraxis personas list --org ORG` and `solipraxis risks list --org ORG`:
// the org's personas and its vulnerability risk matrix from the command line,
// read-only. Formats: text (a table), json, and for risks markdown (one matrix
// table per tool, as in the paper) and csv (labels in --lang). Exit 2 with one
// line on stderr for an unknown org, tool or format.
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/store_cli.h"
#include "core/clock.h"
#include "core/json_text.h"
#include "core/register_sheets.h"
#include "core/risk_export.h"
#include "store/orgs.h"
#include "store/personas.h"
#include "store/risk_names.h"
#include "store/risks.h"
#include "store/store.h"
#include "store/tools.h"

namespace solipraxis::cli {
namespace {

struct Options {
  std::string org;
  std::string format = "text";
  std::string tool_id;
  std::string lang = "de";
};

int run_personas(Context& ctx, const Options& opt) {
  core::SystemClock clock;
  auto session = open_org_for_reading(ctx, opt.org, clock);
  if (!session) return ctx.exit_code;
  auto personas = session->store->personas().list(session->org.id);
  if (!personas) return report(personas.error());
  if (opt.format == "json") {
    std::cout << "{\"items\":" << core::json_text::array(*personas, core::persona_json) << "}\n";
    return kExitOk;
  }
  std::cout << pad("ID", 6) << pad("USE", 10) << pad("AGE", 5) << "NAME\n";
  for (const auto& p : *personas) {
    std::cout << pad(std::to_string(p.id.value), 6) << pad(core::use_name(p.use), 10)
              << pad(p.age ? std::to_string(*p.age) : "-", 5) << p.name << "\n";
  }
  return kExitOk;
}

int run_risks(Context& ctx, const Options& opt) {
  store::RiskFilter filter;
  if (!opt.tool_id.empty()) {
    const auto id = parse_id(opt.tool_id);
    if (!id) return fail_usage("not a tool id: '" + opt.tool_id + "'");
    filter.tool = core::ToolId(*id);
  }
  core::SystemClock clock;
  auto session = open_org_for_reading(ctx, opt.org, clock);
  if (!session) return ctx.exit_code;
  store::Store& st = *session->store;
  const core::OrgId org = session->org.id;
  if (filter.tool) {
    auto tool = st.tools().tool(org, *filter.tool);  // another org's tool: not found, exit 2
    if (!tool) return report(tool.error());
  }
  auto risks = st.risks().list(org, filter);
  if (!risks) return report(risks.error());
  if (opt.format == "json") {
    std::cout << "{\"items\":" << core::json_text::array(*risks, core::risk_json) << "}\n";
    return kExitOk;
  }
  auto names = store::load_risk_names(st, org);
  if (!names) return report(names.error());
  const core::Translate t = translator(opt.lang);
  if (opt.format == "csv") {
    std::cout << core::sheet_csv(
        core::risk_sheet(*risks,
                         [&](core::ToolId id) { return names->tool(id); },
                         names->risk_names(), t),
        opt.lang);
    return kExitOk;
  }
  if (opt.format == "markdown") {
    // One tool asked for: its matrix even without risks; else every tool with risks.
    std::cout << (filter.tool ? core::risk_matrix_markdown(names->tool(*filter.tool), *risks,
                                                           names->risk_names(), t, opt.lang)
                              : core::risk_matrices_markdown(
                                    *risks, [&](core::ToolId id) { return names->tool(id); },
                                    names->risk_names(), t, opt.lang));
    return kExitOk;
  }
  std::cout << pad("ID", 6) << pad("TOOL", 6) << pad("LIKELIHOOD", 12) << pad("IMPACT", 8)
            << pad("STATE", 11) << "CONCERNS\n";
  for (const auto& r : *risks) {
    std::cout << pad(core::risk_label(r), 6) << pad(std::to_string(r.tool.value), 6)
              << pad(core::level_name(r.likelihood), 12) << pad(core::level_name(r.impact), 8)
              << pad(core::risk_state_name(r.state), 11)
              << core::risk_concerns(r, names->risk_names(), t) << "\n";
  }
  return kExitOk;
}

}  // namespace

void add_risks_commands(CLI::App& app, Context& ctx) {
  auto opt = std::make_shared<Options>();
  auto* personas = app.add_subcommand("personas", "The organisation's personas (read-only)");
  personas->require_subcommand(1);
  auto* plist = personas->add_subcommand("list", "List the org's personas");
  plist->add_option("--org", opt->org, "Organisation slug")->required();
  plist->add_option("--format", opt->format, "text or json")
      ->check(CLI::IsMember({"text", "json"}));
  plist->callback([&ctx, opt] { ctx.exit_code = run_personas(ctx, *opt); });

  auto* risks = app.add_subcommand("risks", "The vulnerability risk matrix (read-only)");
  risks->require_subcommand(1);
  auto* rlist = risks->add_subcommand("list", "List the org's risks, most urgent first");
  rlist->add_option("--org", opt->org, "Organisation slug")->required();
  rlist->add_option("--tool", opt->tool_id, "Only the risks of this tool (id)");
  rlist->add_option("--format", opt->format,
                    "text, json, markdown (one matrix per tool) or csv")
      ->check(CLI::IsMember({"text", "json", "markdown", "csv"}));
  rlist->add_option("--lang", opt->lang, "Language of markdown and csv: de (default) or en")
      ->check(CLI::IsMember({"de", "en"}));
  rlist->callback([&ctx, opt] { ctx.exit_code = run_risks(ctx, *opt); });
}

}  // namespace solipraxis::cli
