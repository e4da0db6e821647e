// `solipraxis migrate`: applies pending migrations and prints the schema version.
#include <iostream>

#include "cli/commands.h"
#include "cli/store_cli.h"
#include "store/migrations.h"

namespace solipraxis::cli {

void add_migrate_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand(
      "migrate", "Create or upgrade the database schema and print its version");
  cmd->callback([&ctx] {
    core::SystemClock clock;
    auto store = open_store_or_report(ctx, clock);
    if (!store) return;
    auto version = store->schema_version();
    if (!version) {
      ctx.exit_code = report(version.error());
      return;
    }
    std::cout << store->engine() << " " << store::database_shown(ctx.store_config())
              << ": schema version " << *version << "\n";
    ctx.exit_code = kExitOk;
  });
}

}  // namespace solipraxis::cli
