// `solipraxis sessions list|show --org ORG`: the org's live sessions (issue 25)
// from the command line, read-only.
//   list [--tool ID] [--format text|json]     the sessions, newest first
//   show ID [--format markdown|json]          one session's report (cards, dots, action items)
// No card has an author, so none is printed; hidden cards show no text.
// Exit 2 with one line on stderr for an unknown org, tool or session, or a bad id.
#include <iostream>
#include <memory>
#include <string>

#include "cli/commands.h"
#include "cli/store_cli.h"
#include "core/clock.h"
#include "store/live.h"
#include "store/tools.h"
#include "core/tool.h"
#include "store/orgs.h"
#include "store/store.h"
#include "store/tools.h"
#include "web/handlers/live/report.h"
#include "web/json.h"

namespace solipraxis::cli {
namespace {

struct SessionsOptions {
  std::string org;
  std::string tool;
  std::string id;
  std::string format = "text";
  std::string lang = "de";
};

int run_list(Context& ctx, const SessionsOptions& opt) {
  core::SystemClock clock;
  auto base = open_org_for_reading(ctx, opt.org, clock);
  if (!base) return ctx.exit_code;
  std::optional<core::ToolId> tool;
  if (!opt.tool.empty()) {
    const auto id = parse_id(opt.tool);
    if (!id) return fail_usage("--tool: a tool id, e.g. 3");
    auto found = base->store->tools().tool(base->org.id, core::ToolId(*id));
    if (!found) return report(found.error());
    tool = found->id;
  }
  auto list = base->store->live().sessions(base->org.id, tool);
  if (!list) return report(list.error());
  if (opt.format == "json") {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& s : *list) items.push_back(web::handlers::live::session_json(s));
    std::cout << web::list_json(std::move(items), "").dump(2) << "\n";
    return 0;
  }
  for (const auto& s : *list) {
    std::cout << pad(std::to_string(s.id), 6) << pad(core::live_kind_name(s.kind), 10)
              << pad(core::live_state_name(s.state), 9) << s.title << "\n";
  }
  return 0;
}

int run_show(Context& ctx, const SessionsOptions& opt) {
  core::SystemClock clock;
  auto base = open_org_for_reading(ctx, opt.org, clock);
  if (!base) return ctx.exit_code;
  const auto id = parse_id(opt.id);
  if (!id) return fail_usage("session: an id, e.g. 3");
  auto board = base->store->live().board(base->org.id, *id, std::nullopt);
  if (!board) return report(board.error());
  if (opt.format == "json") {
    std::cout << web::handlers::live::board_json(*board).dump(2) << "\n";
  } else {
    std::cout << web::handlers::live::report_markdown(*board, base->org.name, opt.lang);
  }
  return 0;
}

}  // namespace

void add_sessions_commands(CLI::App& app, Context& ctx) {
  auto opt = std::make_shared<SessionsOptions>();
  auto* cmd = app.add_subcommand("sessions", "Live sessions (retro, workshop) of an organisation (read-only)");
  cmd->require_subcommand(1);
  auto* list = cmd->add_subcommand("list", "List the sessions (about one tool with --tool)");
  list->add_option("--org", opt->org, "Organisation slug")->required();
  list->add_option("--tool", opt->tool, "Tool id");
  list->add_option("--format", opt->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  list->callback([&ctx, opt] { ctx.exit_code = run_list(ctx, *opt); });

  auto* show = cmd->add_subcommand("show", "Show one session's report");
  show->add_option("--org", opt->org, "Organisation slug")->required();
  show->add_option("id", opt->id, "Session id")->required();
  show->add_option("--format", opt->format, "markdown (default) or json")
      ->check(CLI::IsMember({"text", "markdown", "json"}));
  show->add_option("--lang", opt->lang, "Language of labels: de (default) or en")
      ->check(CLI::IsMember({"de", "en"}));
  show->callback([&ctx, opt] { ctx.exit_code = run_show(ctx, *opt); });
}

}  // namespace solipraxis::cli
