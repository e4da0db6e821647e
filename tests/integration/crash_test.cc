// Crash consistency of the SQLite store: the real server is killed with SIGKILL
// while several API clients write every kind of org data (tools, decisions, red
// lines, catalog entries, checker settings), then restarted on the same file.
// Every write the server acknowledged with 2xx must be there, with its audit
// row, and PRAGMA integrity_check must say "ok". SOLIPRAXIS_CRASH_CYCLES sets
// the number of kill cycles (10 here in `make test`, 100 in `make crash`).
#include <signal.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <mutex>
#include <random>
#include <set>
#include <thread>

#include "core/clock.h"
#include "http_client.h"
#include "seed.h"
#include "server_process.h"
#include "store/audit.h"
#include "store/catalog.h"
#include "store/checker.h"
#include "store/orgs.h"
#include "store/paging.h"
#include "store/sqlite/sqlite_db.h"
#include "store/store.h"
#include "store/tools.h"
#include "test_database.h"

namespace solipraxis::testing {
namespace {

using nlohmann::json;

int crash_cycles() {
  const char* n = std::getenv("SOLIPRAXIS_CRASH_CYCLES");
  return n ? std::max(1, std::atoi(n)) : 10;
}

// What the server acknowledged, and the settings values anyone tried to store.
struct Acked {
  std::mutex mu;
  std::set<std::int64_t> tools, decided_tools, red_lines, entries;
  std::set<std::string> roles_tried;
  std::size_t writes = 0;
};

class Writer {
 public:
  Writer(std::uint16_t port, const std::string& token, int id, Acked& acked)
      : port_(port), id_(id), acked_(acked) {
    headers_ = "Authorization: Bearer " + token + "\r\nContent-Type: application/json\r\n";
  }

  // Writes until the server stops answering (it was killed).
  void run() {
    for (int n = 0;; ++n) {
      auto tool = call("POST", "/api/v1/orgs/acme/tools", {{"name", name("Werkzeug", n)}});
      if (!tool) return;
      const std::int64_t tool_id = (*tool)["id"];
      record(acked_.tools, tool_id);
      json decide = {{"kind", "explore"},
                     {"version", (*tool)["version"]},
                     {"rationale", "Im Team abgewogen."},
                     {"principles", json::array({{{"principle", 1}, {"how", "abgewogen"}}})},
                     {"red_lines_confirmed", json::array()}};
      const std::string tool_url = "/api/v1/orgs/acme/tools/" + std::to_string(tool_id);
      if (!call("POST", tool_url + "/decisions", decide)) return;
      record(acked_.decided_tools, tool_id);
      auto line = call("POST", "/api/v1/orgs/acme/red-lines", {{"text", name("Grenze", n)}});
      if (!line) return;
      record(acked_.red_lines, (*line)["id"].get<std::int64_t>());
      auto entry = call("POST", "/api/v1/orgs/acme/catalog/entries",
                        {{"kind", "question"}, {"phase", 1}, {"text", {{"de", name("Frage", n)}}}});
      if (!entry) return;
      const std::string own = (*entry)["id"];  // "own.<n>"
      record(acked_.entries, static_cast<std::int64_t>(std::stoll(own.substr(4))));
      const std::string role = name("Rolle", n);
      {
        std::lock_guard lock(acked_.mu);
        acked_.roles_tried.insert(role);
      }
      if (!call("PUT", "/api/v1/orgs/acme/checker-settings", {{"role", role}})) return;
    }
  }

 private:
  std::string name(const char* what, int n) const {
    return std::string(what) + " " + std::to_string(id_) + "-" + std::to_string(n);
  }
  template <typename T>
  void record(std::set<T>& set, T value) {
    std::lock_guard lock(acked_.mu);
    set.insert(value);
    ++acked_.writes;
  }
  // The JSON answer of a 2xx, or nullopt when the server is gone. Anything else
  // while it runs is a failure of the test.
  std::optional<json> call(std::string_view method, const std::string& target, const json& body) {
    std::optional<HttpResponse> r;
    try {
      r = request(port_, method, target, headers_, body.dump());
    } catch (const std::exception&) {
      return std::nullopt;  // connection refused: the server is gone
    }
    if (!r) return std::nullopt;
    if (r->status / 100 != 2) {
      ADD_FAILURE() << method << " " << target << " answered " << r->status << ": " << r->body;
      return std::nullopt;
    }
    return json::parse(r->body);
  }

  std::uint16_t port_;
  int id_;
  Acked& acked_;
  std::string headers_;
};

std::string integrity(const std::string& path) {
  auto db = store::sqlite::SqliteDb::open(path, {.read_only = true});
  if (!db) return db.error().detail;
  std::string out;
  auto st = (*db)->read([&](store::sql::Tx& tx) -> core::Status {
    auto rows = tx.query("PRAGMA integrity_check");
    if (!rows) return rows.error();
    for (const auto& r : *rows) out += r.text(0);
    return {};
  });
  return st ? out : st.error().detail;
}

TEST(Crash, AcknowledgedWritesSurviveSigkill) {
  if (on_postgres()) GTEST_SKIP() << "SQLite's file under SIGKILL; PostgreSQL restarts are in "
                                     "PgRestart.*";
  TempDir dir;
  const std::string db = dir.path() + "/crash.db";
  const std::string token = seed_editor_token(store::StoreConfig{db, dir.path(), true});
  Acked acked;
  std::mt19937 rng(std::random_device{}());
  const int cycles = crash_cycles();
  for (int cycle = 0; cycle < cycles; ++cycle) {
    SCOPED_TRACE("cycle " + std::to_string(cycle));
    ServerProcess server({"--database", db});
    std::vector<std::thread> writers;
    for (int w = 0; w < 4; ++w) {
      writers.emplace_back([&, w] { Writer(server.port(), token, cycle * 10 + w, acked).run(); });
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(150 + rng() % 450));
    server.signal(SIGKILL);
    ASSERT_TRUE(server.wait_exit(10000).has_value());
    for (auto& t : writers) t.join();
    if (HasFailure()) return;
    ASSERT_EQ(integrity(db), "ok");
  }
  ASSERT_GT(acked.writes, static_cast<std::size_t>(cycles)) << "the writers never got going";

  // Restarted on the same file, the server serves, and everything acknowledged is there.
  ServerProcess server({"--database", db});
  auto health = get(server.port(), "/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  core::SystemClock clock;
  auto st = store::open_store(store::StoreConfig{db, dir.path(), false}, clock).value();
  const auto org = st->orgs().org_by_slug("acme").value();
  for (auto id : acked.tools) EXPECT_TRUE(st->tools().tool(org.id, core::ToolId(id))) << "tool " << id;
  for (auto id : acked.decided_tools) {
    auto d = st->tools().decisions(org.id, core::ToolId(id));
    ASSERT_TRUE(d);
    EXPECT_EQ(d->size(), 1u) << "tool " << id;
    EXPECT_EQ(st->tools().tool(org.id, core::ToolId(id))->phase, core::Phase::kSelection);
  }
  std::set<std::int64_t> lines;
  const auto stored_lines = st->tools().red_lines(org.id).value();
  for (const auto& l : stored_lines) lines.insert(l.id.value);
  for (auto id : acked.red_lines) EXPECT_TRUE(lines.count(id)) << "red line " << id;
  for (auto id : acked.entries) EXPECT_TRUE(st->catalog().org_catalog_entry(org.id, id)) << "entry " << id;
  const auto settings = st->checker().checker_settings(org.id).value();
  EXPECT_TRUE(acked.roles_tried.count(settings.role)) << settings.role;
  std::size_t audited = 0;
  std::string cursor;
  do {
    auto page = st->audit().audit_log(org.id, store::AuditFilter{}, store::PageRequest{200, cursor}).value();
    audited += page.items.size();
    cursor = page.next;
  } while (!cursor.empty());
  EXPECT_GE(audited, acked.writes);
  EXPECT_EQ(integrity(db), "ok");
}

}  // namespace
}  // namespace solipraxis::testing
