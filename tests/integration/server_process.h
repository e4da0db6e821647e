// Runs the real `solipraxis serve` binary for integration tests: a temporary
// data directory, 127.0.0.1 on a random free port (--listen 127.0.0.1:0; the
// port is read from the URL the server prints), stopped by SIGTERM.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace solipraxis::testing {

// A fresh directory under $TMPDIR, removed with everything in it.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

struct CommandResult {
  int exit_code = -1;
  std::string out;  // stdout and stderr together
};

// Runs the solipraxis binary with `args` to completion (stdin from `input`).
CommandResult run_solipraxis(const std::vector<std::string>& args, const std::string& input = "");

class ServerProcess {
 public:
  // Starts `solipraxis serve` on a temp data dir (extra args appended) and
  // waits until it prints its URL. Throws if it does not come up.
  explicit ServerProcess(std::vector<std::string> extra_args = {});
  ~ServerProcess();  // SIGKILL if still running
  std::uint16_t port() const { return port_; }
  const std::string& data_dir() const { return data_.path(); }
  // Sends SIGTERM and waits; returns the exit code (or -signal).
  int terminate();
  void signal(int sig);
  std::optional<int> wait_exit(int timeout_ms);  // nullopt on timeout

 private:
  TempDir data_;
  pid_t pid_ = -1;
  int out_fd_ = -1;
  std::uint16_t port_ = 0;
  std::optional<int> exit_code_;
};

std::string source_dir();  // SOLIPRAXIS_SOURCE_DIR
std::string binary();      // the built solipraxis executable

}  // namespace solipraxis::testing
