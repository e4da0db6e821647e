// Entry point of the `solipraxis` binary: parses the command line and runs one
// subcommand. Exit codes: 0 success, 1 "findings" (check only), 2 usage or
// input error (one line on stderr), 3 runtime failure.
#pragma once

namespace solipraxis::cli {

int run(int argc, char** argv);

}  // namespace solipraxis::cli
