// The real `solipraxis serve` under write load from six API clients while the
// CLI writes to the same SQLite file (issue 31, defect 2): every CLI write and
// every API write must succeed, because each write path waits for SQLite's one
// write lock (bounded) instead of failing with "database is locked".
#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "http_client.h"
#include "server_process.h"

namespace solipraxis::testing {
namespace {

constexpr const char* kPassword = "richtig-langes-passwort";

std::string last_line(const std::string& out) {
  std::string s = out;
  while (!s.empty() && s.back() == '\n') s.pop_back();
  const auto nl = s.rfind('\n');
  return nl == std::string::npos ? s : s.substr(nl + 1);
}

TEST(ConcurrentWrites, CliWritesSucceedWhileSixApiClientsWrite) {
  ServerProcess server;
  const std::string dir = server.data_dir();
  auto made = run_solipraxis(
      {"user", "create", "--email", "ada@example.org", "--org", "acme", "--data-dir", dir},
      std::string(kPassword) + "\n");
  ASSERT_EQ(made.exit_code, 0) << made.out;
  auto token = run_solipraxis({"token", "create", "--email", "ada@example.org", "--data-dir", dir});
  ASSERT_EQ(token.exit_code, 0) << token.out;
  const std::string auth = "Authorization: Bearer " + last_line(token.out) +
                           "\r\nContent-Type: application/json\r\n";

  // Six API writers, each creating tools until the CLI is done (at most 400 each).
  std::atomic<bool> done{false};
  std::atomic<int> api_ok{0}, api_failed{0};
  std::vector<std::thread> writers;
  for (int w = 0; w < 6; ++w) {
    writers.emplace_back([&, w] {
      for (int i = 0; i < 400 && !done; ++i) {
        const std::string body =
            nlohmann::json{{"name", "Werkzeug " + std::to_string(w) + "-" + std::to_string(i)}}
                .dump();
        auto r = request(server.port(), "POST", "/api/v1/orgs/acme/tools", auth, body);
        (r && r->status == 201 ? api_ok : api_failed)++;
      }
    });
  }
  // Let the writers get going before the CLI joins in.
  while (api_ok < 12 && api_failed == 0) std::this_thread::sleep_for(std::chrono::milliseconds(5));

  std::vector<std::string> failures;
  for (int i = 0; i < 12; ++i) {
    auto t = run_solipraxis({"token", "create", "--email", "ada@example.org", "--name",
                             "cli-" + std::to_string(i), "--data-dir", dir});
    if (t.exit_code != 0) failures.push_back("token create: " + t.out);
    auto u = run_solipraxis({"user", "create", "--email", "p" + std::to_string(i) + "@example.org",
                             "--org", "acme", "--data-dir", dir},
                            std::string(kPassword) + "\n");
    if (u.exit_code != 0) failures.push_back("user create: " + u.out);
  }
  const int api_ok_during_cli = api_ok;
  done = true;
  for (auto& t : writers) t.join();

  EXPECT_TRUE(failures.empty()) << failures.size() << " of 24 CLI writes failed, first: "
                                << (failures.empty() ? "" : failures.front());
  EXPECT_EQ(api_failed, 0) << "API writes failed under the same load";
  EXPECT_GT(api_ok_during_cli, 24) << "the API writers really were writing meanwhile";
  auto list = run_solipraxis({"user", "list", "--format", "json", "--data-dir", dir});
  ASSERT_EQ(list.exit_code, 0) << list.out;
  EXPECT_EQ(nlohmann::json::parse(list.out).size(), 13u) << "every created user is there";
}

}  // namespace
}  // namespace solipraxis::testing
