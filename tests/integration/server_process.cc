#include "server_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <regex>
#include <stdexcept>
#include <thread>

namespace solipraxis::testing {

std::string source_dir() { return SOLIPRAXIS_SOURCE_DIR; }
std::string binary() { return SOLIPRAXIS_BINARY; }

TempDir::TempDir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "solipraxis-test-XXXXXX").string();
  if (!::mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
  path_ = tmpl;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

namespace {

int decode_status(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return -WTERMSIG(status);
  return -1;
}

// fork + exec with stdout/stderr into a pipe and stdin from another.
pid_t spawn(const std::vector<std::string>& args, int& out_fd, int& in_fd) {
  int out[2], in[2];
  if (::pipe(out) != 0 || ::pipe(in) != 0) throw std::runtime_error("pipe failed");
  const pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    ::dup2(in[0], 0);
    ::dup2(out[1], 1);
    ::dup2(out[1], 2);
    ::close(out[0]);
    ::close(out[1]);
    ::close(in[0]);
    ::close(in[1]);
    std::vector<char*> argv;
    static std::string bin = binary();
    argv.push_back(bin.data());
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(bin.c_str(), argv.data());
    ::_exit(127);
  }
  ::close(out[1]);
  ::close(in[0]);
  out_fd = out[0];
  in_fd = in[1];
  return pid;
}

}  // namespace

CommandResult run_solipraxis(const std::vector<std::string>& args, const std::string& input) {
  int out_fd, in_fd;
  const pid_t pid = spawn(args, out_fd, in_fd);
  if (!input.empty()) {
    [[maybe_unused]] auto n = ::write(in_fd, input.data(), input.size());
  }
  ::close(in_fd);
  CommandResult r;
  char buf[4096];
  ssize_t n;
  while ((n = ::read(out_fd, buf, sizeof buf)) > 0) r.out.append(buf, static_cast<std::size_t>(n));
  ::close(out_fd);
  int status = 0;
  ::waitpid(pid, &status, 0);
  r.exit_code = decode_status(status);
  return r;
}

ServerProcess::ServerProcess(std::vector<std::string> extra_args) {
  std::vector<std::string> args = {"serve",      "--listen",  "127.0.0.1:0", "--data-dir",
                                   data_.path(), "--web-dir", source_dir() + "/web"};
  args.insert(args.end(), extra_args.begin(), extra_args.end());
  int in_fd;
  pid_ = spawn(args, out_fd_, in_fd);
  ::close(in_fd);
  // Read output until the URL line appears.
  const std::regex url(R"(http://127\.0\.0\.1:(\d+)/)");
  std::string out;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  std::smatch m;
  while (!std::regex_search(out, m, url)) {
    pollfd p{out_fd_, POLLIN, 0};
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0 || ::poll(&p, 1, static_cast<int>(left.count())) <= 0) {
      throw std::runtime_error("server did not start; output: " + out);
    }
    char buf[1024];
    const ssize_t n = ::read(out_fd_, buf, sizeof buf);
    if (n <= 0) throw std::runtime_error("server exited at start; output: " + out);
    out.append(buf, static_cast<std::size_t>(n));
  }
  port_ = static_cast<std::uint16_t>(std::stoi(m[1]));
  // Keep draining the log so the server never blocks on a full pipe.
  std::thread([fd = out_fd_] {
    char buf[4096];
    while (::read(fd, buf, sizeof buf) > 0) {
    }
    ::close(fd);
  }).detach();
}

ServerProcess::~ServerProcess() {
  if (!exit_code_ && pid_ > 0) {
    ::kill(pid_, SIGKILL);
    int status = 0;
    ::waitpid(pid_, &status, 0);
  }
}

void ServerProcess::signal(int sig) { ::kill(pid_, sig); }

std::optional<int> ServerProcess::wait_exit(int timeout_ms) {
  if (exit_code_) return exit_code_;
  for (int waited = 0; waited <= timeout_ms; waited += 10) {
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      exit_code_ = decode_status(status);
      return exit_code_;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return std::nullopt;
}

int ServerProcess::terminate() {
  signal(SIGTERM);
  auto code = wait_exit(20000);
  return code ? *code : -999;
}

}  // namespace solipraxis::testing
