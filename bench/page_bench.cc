// Server CPU per page, in process: the WebApp's handle() (middleware, store
// reads, rendering) for each page of bench/web_bench, without the network and
// without wrk, timed by the thread's CPU clock. On a machine shared with other
// builds this moves far less than req/s does, so it shows what a change to a
// page costs. Reads the data dir that bench/web_bench set up (its session
// cookie and tool); a server may run on it at the same time.
// Usage: page_bench --data-dir DIR --web-dir DIR --catalog-dir DIR --cookie SESSION
//                   --org SLUG --tool ID [--repeat N] [--only "tool page /o/ORG/tools/ID"]
#include <utility>

#include <time.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "catalog/load.h"
#include "core/clock.h"
#include "store/store.h"
#include "web/app.h"
#include "web/request_parse.h"

using namespace solipraxis;

namespace {

double thread_cpu_us() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

std::string arg(int argc, char** argv, const std::string& name, const std::string& fallback) {
  for (int i = 1; i + 1 < argc; ++i) {
    if (argv[i] == name) return argv[i + 1];
  }
  return fallback;
}

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "page_bench: %s\n", what.c_str());
  std::exit(2);
}

// Median CPU µs of one request to `path` over `repeat` rounds (after a warm-up).
double cpu_per_request(web::WebApp& app, const std::string& path, const std::string& cookie,
                       int repeat) {
  std::string bytes = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  if (!cookie.empty()) bytes += "Cookie: solipraxis_session=" + cookie + "\r\n";
  bytes += "\r\n";
  std::vector<double> rounds;
  for (int round = -1; round < repeat; ++round) {
    constexpr int kPerRound = 200;
    const double start = thread_cpu_us();
    for (int i = 0; i < kPerRound; ++i) {
      web::ParsedRequest parsed = web::parse_request(bytes, 16 * 1024, 1024 * 1024);
      parsed.req.remote_addr = "127.0.0.1";
      const web::Response res = app.handle(parsed.req);
      if (res.status != 200) fail(path + " answers " + std::to_string(res.status));
    }
    if (round >= 0) rounds.push_back((thread_cpu_us() - start) / kPerRound);
  }
  std::sort(rounds.begin(), rounds.end());
  return rounds[rounds.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  const std::string org = arg(argc, argv, "--org", "bench");
  const std::string cookie = arg(argc, argv, "--cookie", "");
  const std::string tool = arg(argc, argv, "--tool", "1");
  const int repeat = std::max(1, std::atoi(arg(argc, argv, "--repeat", "5").c_str()));
  const std::string only = arg(argc, argv, "--only", "");  // one page's name, for a profiler
  core::SystemClock clock;
  store::StoreConfig config;
  config.data_dir = arg(argc, argv, "--data-dir", "var");
  config.migrate = false;
  auto store = store::open_store(config, clock);
  if (!store) fail(store.error().detail);
  auto catalog = catalog::load_catalog_dir(arg(argc, argv, "--catalog-dir", "data/catalog"));
  if (!catalog) fail(catalog.error().detail);
  auto app = web::WebApp::create(arg(argc, argv, "--web-dir", "web"), **store, clock);
  if (!app) fail(app.error().detail);
  (*app)->services().catalog = &catalog.value();

  struct Page {
    const char* name;
    std::string path;
    bool signed_in;
  };
  const std::vector<Page> pages{
      {"/healthz", "/healthz", false},
      {"home /", "/", false},
      {"sign-in /login", "/login", false},
      {"dashboard /o/ORG", "/o/" + org, true},
      {"tool list /o/ORG/tools", "/o/" + org + "/tools", true},
      {"tool page /o/ORG/tools/ID", "/o/" + org + "/tools/" + tool, true},
      {"praxis /praxis", "/praxis", false},
      {"public register /p/ORG/register", "/p/" + org + "/register", false},
  };
  std::printf("| %-33s | %12s | %15s |\n", "page", "CPU µs", "x /healthz");
  std::printf("| %-33s | %12s | %15s |\n", "---", "---", "---");
  double health = 0;
  for (const Page& p : pages) {
    if (!only.empty() && p.name != only) continue;
    const double us = cpu_per_request(**app, p.path, p.signed_in ? cookie : "", repeat);
    if (health == 0) health = us;
    std::printf("| %-33s | %12.1f | %15.1f |\n", p.name, us, us / health);
  }
  return 0;
}
