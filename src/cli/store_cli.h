// Helpers shared by the CLI commands that work on the store (migrate, user,
// token, org, tools, audit): opening the store from the Context, mapping Errors
// to exit codes with one line on stderr, text table columns, reading a password.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "cli/commands.h"
#include "core/clock.h"
#include "core/result.h"
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

// `s` padded with spaces to `width` code points (so umlauts keep text tables straight).
std::string pad(std::string s, std::size_t width);

// Reads a new password: the first line of stdin when stdin is not a terminal,
// else prompted twice on the terminal without echo. Checks the length rules.
core::Result<std::string> read_new_password();

}  // namespace solipraxis::cli
