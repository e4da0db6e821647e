// PostgreSQL restarted under load (runs in the PostgreSQL pass of this binary,
// tests/support/test_database.h): while the database is down, API writes get
// 503 with a message that says the database cannot be reached and /healthz is
// not ok; no request gets a 500; once it is back the server reconnects by
// itself, without a restart; every write acknowledged with 2xx is stored.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "core/clock.h"
#include "http_client.h"
#include "seed.h"
#include "server_process.h"
#include "store/orgs.h"
#include "store/store.h"
#include "store/tools.h"
#include "test_database.h"

namespace solipraxis::testing {
namespace {

using nlohmann::json;
using std::chrono::milliseconds;
using std::chrono::steady_clock;

int pg_ctl(const char* action) {
  const std::string cmd = "\"" + std::string(std::getenv("SOLIPRAXIS_TEST_PG_CTL")) + "\" " + action;
  return std::system(cmd.c_str());
}

struct Seen {
  std::mutex mu;
  std::map<int, int> statuses;  // status -> count (0: no answer)
  std::set<std::int64_t> acked;
  std::string unavailable_body;  // one 503 answer
  std::string worst_body;        // one 5xx answer other than 503
  steady_clock::time_point last_ok;
};

TEST(PgRestart, RequestsGet503WhileDownAndTheServerReconnectsByItself) {
  if (!on_postgres() || !std::getenv("SOLIPRAXIS_TEST_PG_CTL")) {
    GTEST_SKIP() << "runs in the PostgreSQL pass (with-pg-cluster)";
  }
  TempDir dir;
  const std::string token = seed_editor_token(test_store_config(dir.path()));
  ServerProcess server;
  const std::string headers = "Authorization: Bearer " + token +
                              "\r\nContent-Type: application/json\r\nAccept-Language: en\r\n";
  Seen seen;
  std::atomic<bool> stop{false};
  std::vector<std::thread> writers;
  for (int w = 0; w < 4; ++w) {
    writers.emplace_back([&, w] {
      for (int n = 0; !stop; ++n) {
        const json body = {{"name", "Werkzeug " + std::to_string(w) + "-" + std::to_string(n)}};
        std::optional<HttpResponse> r;
        int status = 0;  // 0: no answer; -1: the connection was refused
        try {
          r = request(server.port(), "POST", "/api/v1/orgs/acme/tools", headers, body.dump());
          status = r ? r->status : 0;
        } catch (const std::runtime_error&) {
          status = -1;  // counted below instead of ending the whole test binary
        }
        std::lock_guard lock(seen.mu);
        ++seen.statuses[status];
        if (status == 201) {
          seen.acked.insert(json::parse(r->body)["id"].get<std::int64_t>());
          seen.last_ok = steady_clock::now();
        } else if (status == 503) {
          seen.unavailable_body = r->body;
        } else if (status >= 500) {
          seen.worst_body = r->body;
        }
        if (status != 201) std::this_thread::sleep_for(milliseconds(20));
      }
    });
  }
  // Whatever ends the test (an ASSERT too), the writers stop and are joined
  // first: a joinable thread left behind would abort the whole binary.
  struct JoinWriters {
    std::atomic<bool>& stop;
    std::vector<std::thread>& writers;
    ~JoinWriters() {
      stop = true;
      for (auto& t : writers)
        if (t.joinable()) t.join();
    }
  } join_writers{stop, writers};
  std::this_thread::sleep_for(milliseconds(400));
  ASSERT_EQ(pg_ctl("stop"), 0);
  std::this_thread::sleep_for(milliseconds(800));
  // /healthz, or why there is no answer (the server's exit status).
  auto healthz = [&]() -> std::optional<HttpResponse> {
    try {
      return get(server.port(), "/healthz");
    } catch (const std::runtime_error& e) {
      const auto exited = server.wait_exit(1000);
      ADD_FAILURE() << e.what() << "; the server "
                    << (exited ? "exited with " + std::to_string(*exited) : std::string("still runs"));
      return std::nullopt;
    }
  };
  auto health = healthz();
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 503) << "/healthz said ok with the database down";
  ASSERT_EQ(pg_ctl("start"), 0);
  const auto back = steady_clock::now();
  // The writers' next 2xx shows the server found the database again on its own.
  bool recovered = false;
  for (int i = 0; i < 300 && !recovered; ++i) {
    std::this_thread::sleep_for(milliseconds(50));
    std::lock_guard lock(seen.mu);
    recovered = seen.last_ok > back;
  }
  std::this_thread::sleep_for(milliseconds(300));
  stop = true;
  for (auto& t : writers) t.join();
  writers.clear();
  EXPECT_TRUE(recovered) << "no write succeeded within 15 s after the database came back";
  health = healthz();
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);

  for (const auto& [status, count] : seen.statuses) {
    EXPECT_TRUE(status == 201 || status == 503) << count << " answers with status " << status;
  }
  if (seen.statuses.contains(-1)) {
    const auto exited = server.wait_exit(0);
    ADD_FAILURE() << "connections refused; the server "
                  << (exited ? "exited with " + std::to_string(*exited) : std::string("still runs"));
  }
  EXPECT_GT(seen.statuses[503], 0) << "no request noticed the database was down";
  EXPECT_TRUE(seen.worst_body.empty()) << seen.worst_body;
  const json err = json::parse(seen.unavailable_body, nullptr, false);
  ASSERT_TRUE(err.contains("error")) << seen.unavailable_body;
  EXPECT_NE(err["error"]["message"].get<std::string>().find("database"), std::string::npos)
      << seen.unavailable_body;

  core::SystemClock clock;
  auto st = store::open_store(test_store_config(dir.path()), clock).value();
  const auto org = st->orgs().org_by_slug("acme").value();
  for (auto id : seen.acked) EXPECT_TRUE(st->tools().tool(org.id, core::ToolId(id))) << "tool " << id;
}

}  // namespace
}  // namespace solipraxis::testing
