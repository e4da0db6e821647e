// Helpers shared by the CLI commands that work on the store (migrate, user,
// token, org, tools, risks, audit): opening the store from the Context, mapping Errors
// to exit codes with one line on stderr, text table columns, reading a password.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "cli/commands.h"
#include "core/clock.h"
#include "core/result.h"
#include "core/tool_export.h"
#include "store/orgs.h"
#include "store/store.h"

namespace solipraxis::cli {

// Prints "solipraxis: <detail>" on stderr and returns the exit code for `error`:
// 3 for internal failures, else 2 (input, not found, conflict, unavailable).
int report(const core::Error& error);

// Opens the store the Context names (migrating it). On failure reports and
// returns nullptr; the exit code is then in ctx.exit_code.
std::unique_ptr<store::Store> open_store_or_report(Context& ctx, core::Clock& clock);
// The same for commands that only read (list, show, search): the store opens
// read-only and is never migrated, so they work on a read-only mount and take
// no write lock beside a running server.
std::unique_ptr<store::Store> open_store_for_reading(Context& ctx, core::Clock& clock);

// Prints "solipraxis: <message>" on stderr and returns kExitUsage.
int fail_usage(const std::string& message);

// The store opened for reading and one org in it.
struct OrgSession {
  std::unique_ptr<store::Store> store;
  store::Org org;
};
// Opens the store for reading and finds the org by its slug; on failure reports
// ("no organisation 'x'", exit 2) and returns nullopt with ctx.exit_code set.
std::optional<OrgSession> open_org_for_reading(Context& ctx, const std::string& slug,
                                               core::Clock& clock);

// Labels in `lang` from web/i18n (English built in when the catalogs are missing).
core::Translate translator(const std::string& lang);

// A positive id from an argument; nullopt for anything else.
std::optional<std::int64_t> parse_id(const std::string& text);

// `s` padded with spaces to `width` code points (so umlauts keep text tables straight).
std::string pad(std::string s, std::size_t width);

// Reads a new password: the first line of stdin when stdin is not a terminal,
// else prompted twice on the terminal without echo. Checks the length rules.
core::Result<std::string> read_new_password();

}  // namespace solipraxis::cli
