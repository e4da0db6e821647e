// `solipraxis personas list --org ORG` and `solipraxis risks list --org ORG`:
// the org's personas and its vulnerability risk matrix from the command line,
// read-only. Formats: text (a table), json, and for risks markdown (one matrix
// table per tool, as in the paper) and csv (labels in --lang). Exit 2 with one
// line on stderr for an unknown org, tool or format.
#include <iostream>
#include <map>
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

// Names of the org's personas, members and tools, for the exports.
struct Names {
  std::map<std::int64_t, std::string> personas, members, tools;
  core::RiskNames risk_names() const {
    return {[this](core::PersonaId id) { return find(personas, id.value); },
            [this](core::UserId id) { return find(members, id.value); }};
  }
  static std::string find(const std::map<std::int64_t, std::string>& m, std::int64_t id) {
    auto it = m.find(id);
    return it == m.end() ? "" : it->second;
  }
};

core::Result<Names> load_names(store::Store& st, core::OrgId org) {
  Names n;
  auto personas = st.personas().list(org);
  if (!personas) return personas.error();
  for (const auto& p : *personas) n.personas[p.id.value] = p.name;
  auto members = st.orgs().members(org);
  if (!members) return members.error();
  for (const auto& m : *members) {
    n.members[m.user.id.value] = m.user.name.empty() ? m.user.email : m.user.name;
  }
  return n;
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
  std::string filtered_name;
  if (filter.tool) {
    auto tool = st.tools().tool(org, *filter.tool);
    if (!tool) return report(tool.error());
    filtered_name = tool->name;
  }
  auto risks = st.risks().list(org, filter);
  if (!risks) return report(risks.error());
  if (opt.format == "json") {
    std::cout << "{\"items\":" << core::json_text::array(*risks, core::risk_json) << "}\n";
    return kExitOk;
  }
  auto names = load_names(st, org);
  if (!names) return report(names.error());
  // Tools in the order their first risk needs attention (the one asked for, even without risks).
  std::vector<core::ToolId> tools;
  if (filter.tool) {
    names->tools[filter.tool->value] = filtered_name;
    tools.push_back(*filter.tool);
  }
  for (const auto& r : *risks) {
    if (!names->tools.count(r.tool.value)) {
      auto tool = st.tools().tool(org, r.tool);
      if (!tool) return report(tool.error());
      names->tools[r.tool.value] = tool->name;
      tools.push_back(r.tool);
    }
  }
  const core::Translate t = translator(opt.lang);
  if (opt.format == "csv") {
    std::cout << core::sheet_csv(
        core::risk_sheet(*risks,
                         [&](core::ToolId id) { return Names::find(names->tools, id.value); },
                         names->risk_names(), t),
        opt.lang);
    return kExitOk;
  }
  if (opt.format == "markdown") {
    for (std::size_t i = 0; i < tools.size(); ++i) {
      std::vector<core::Risk> of_tool;
      for (const auto& r : *risks) {
        if (r.tool == tools[i]) of_tool.push_back(r);
      }
      std::cout << (i ? "\n" : "")
                << core::risk_matrix_markdown(names->tools[tools[i].value], of_tool,
                                              names->risk_names(), t, opt.lang);
    }
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
