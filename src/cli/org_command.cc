// `solipraxis org list [--format text|json]`: every org with its member count.
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/store_cli.h"
#include "store/orgs.h"
#include "store/store.h"

namespace solipraxis::cli {

namespace {

int list_orgs(Context& ctx, const std::string& format) {
  core::SystemClock clock;
  auto st = open_store_for_reading(ctx, clock);
  if (!st) return ctx.exit_code;
  auto orgs = st->orgs().orgs();
  if (!orgs) return report(orgs.error());
  nlohmann::json out = nlohmann::json::array();
  for (const auto& o : *orgs) {
    auto members = st->orgs().members(o.id);
    if (!members) return report(members.error());
    if (format == "json") {
      out.push_back({{"id", o.id.value}, {"slug", o.slug}, {"name", o.name},
                     {"created_at", o.created_at}, {"members", members->size()}});
    } else {
      std::cout << o.slug << "\t" << o.name << "\t" << members->size() << " members\n";
    }
  }
  if (format == "json") std::cout << out.dump(2) << "\n";
  return kExitOk;
}

}  // namespace

void add_org_command(CLI::App& app, Context& ctx) {
  auto* org = app.add_subcommand("org", "Inspect organisations");
  org->require_subcommand(1);
  auto format = std::make_shared<std::string>("text");
  auto* list = org->add_subcommand("list", "List every org with its number of members");
  list->add_option("--format", *format, "text or json")->check(CLI::IsMember({"text", "json"}));
  list->callback([&ctx, format] { ctx.exit_code = list_orgs(ctx, *format); });
}

}  // namespace solipraxis::cli
