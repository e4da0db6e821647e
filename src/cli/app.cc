#include "cli/app.h"

#include <iostream>

#include "cli/commands.h"

namespace solipraxis::cli {

int run(int argc, char** argv) {
  CLI::App app{
      "solipraxis: KI solidarisch nutzen / use AI in solidarity.\n"
      "Register, practice catalog, prompt checker and facilitation for civil-society "
      "organisations."};
  app.set_version_flag("--version", "solipraxis 0.1.0");
  app.require_subcommand(1);
  app.fallthrough();  // --data-dir and --database may follow the subcommand

  Context ctx;
  app.add_option("--data-dir", ctx.data_dir, "Data directory (default ./var)")
      ->envname("SOLIPRAXIS_DATA_DIR");
  app.add_option("--database", ctx.database,
                 "SQLite file path or postgresql:// URL (default <data-dir>/solipraxis.db)")
      ->envname("SOLIPRAXIS_DATABASE");
  app.add_option("--catalog-dir", ctx.catalog_dir,
                 "Practice catalog directory (default <exe dir>/../data/catalog, else ./data/catalog)")
      ->envname("SOLIPRAXIS_CATALOG_DIR");
  if (argc > 0) ctx.exe_path = argv[0];

  add_serve_command(app, ctx);
  add_migrate_command(app, ctx);
  add_user_command(app, ctx);
  add_token_command(app, ctx);
  add_org_command(app, ctx);
  add_check_command(app, ctx);
  add_catalog_commands(app, ctx);
  add_tools_commands(app, ctx);
  add_risks_commands(app, ctx);
  add_reflections_commands(app, ctx);
  add_sessions_commands(app, ctx);
  add_audit_command(app, ctx);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "solipraxis: " << e.what() << "\n";
    return kExitUsage;
  }
  return ctx.exit_code;
}

}  // namespace solipraxis::cli
