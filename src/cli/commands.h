// Each area registers its subcommands on the root app. A command's callback
// stores its exit code in Context::exit_code.
#pragma once

#include <string>

#include <CLI/CLI.hpp>

#include "store/store.h"

namespace solipraxis::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitFailure = 3;

struct Context {
  std::string data_dir = "var";  // --data-dir / SOLIPRAXIS_DATA_DIR
  std::string database;          // --database / SOLIPRAXIS_DATABASE
  std::string catalog_dir;       // --catalog-dir / SOLIPRAXIS_CATALOG_DIR (see catalog/load.h)
  std::string exe_path;          // argv[0], to find data/ beside the binary
  int exit_code = kExitOk;

  store::StoreConfig store_config(bool migrate = true) const {
    return store::StoreConfig{database, data_dir, migrate};
  }
};

// Registered in app.cc, in the order they appear in --help.
// (Each area adds its own: serve, migrate, user, token, check, catalog, tools.)
void add_serve_command(CLI::App& app, Context& ctx);    // serve (src/cli/serve.cc)
void add_migrate_command(CLI::App& app, Context& ctx);  // migrate
void add_user_command(CLI::App& app, Context& ctx);     // user create|list
void add_token_command(CLI::App& app, Context& ctx);    // token create
void add_org_command(CLI::App& app, Context& ctx);      // org list
void add_check_command(CLI::App& app, Context& ctx);  // check.cc: the text checker
void add_catalog_commands(CLI::App& app, Context& ctx);  // catalog.cc
void add_tools_commands(CLI::App& app, Context& ctx);   // tools list|show|export
void add_risks_commands(CLI::App& app, Context& ctx);   // personas list, risks list
void add_audit_command(CLI::App& app, Context& ctx);    // audit list (audit_command.cc)
void add_reflections_commands(CLI::App& app, Context& ctx);  // reflections list|show|export
void add_sessions_commands(CLI::App& app, Context& ctx);     // sessions list|show

}  // namespace solipraxis::cli
