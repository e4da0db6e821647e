// A live session across server restarts (issue 25): the real `solipraxis serve`
// on one database, a facilitator and three participants over HTTP; the server is
// stopped with SIGTERM, and later killed with SIGKILL, in the middle of the
// session and started again on the same database and link key.
// What the room relies on: each participant's cookie still works (her own card
// stays hers to edit, her dots count against the same budget), the board is as
// it was (no card lost or doubled, also when a browser sends a card's form again
// because the answer was lost with the server), the event stream resumes from
// Last-Event-ID, the step timer follows server time across the restart (running:
// it went on while the server was down; paused: it stayed), and nobody is locked
// out: the wait after wrong join codes lives in memory and starts afresh.
#include <signal.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <regex>
#include <thread>

#include "core/clock.h"
#include "core/tool.h"
#include "http_client.h"
#include "live_site.h"
#include "server_process.h"
#include "store/orgs.h"
#include "store/secrets.h"
#include "store/store.h"
#include "store/tools.h"
#include "store/users.h"
#include "test_database.h"
#include "web_fixture.h"

namespace solipraxis::web {
namespace {

using nlohmann::json;
using testing::Connection;
using testing::ServerProcess;

// The database and link key that outlive each server process, and the process.
class Deployment {
 public:
  Deployment() {
    config_ = testing::on_postgres()
                  ? testing::test_store_config(dir_.path())
                  : store::StoreConfig{dir_.path() + "/live.db", dir_.path(), true};
    args_ = {"--link-key-file", dir_.path() + "/link.key"};
    if (!testing::on_postgres()) {
      args_.push_back("--database");
      args_.push_back(config_.database);
    }
  }
  const store::StoreConfig& config() const { return config_; }
  void start() { server_ = std::make_unique<ServerProcess>(args_); }
  ServerProcess& server() { return *server_; }
  std::uint16_t port() const { return server_->port(); }

 private:
  testing::TempDir dir_;
  store::StoreConfig config_;
  std::vector<std::string> args_;
  std::unique_ptr<ServerProcess> server_;
};

// Org acme with a tool and a member who facilitates; the tool's id.
std::int64_t seed(const store::StoreConfig& config) {
  core::SystemClock clock;
  auto st = store::open_store(config, clock).value();
  const store::Actor actor{std::nullopt, "test"};
  const auto org = st->orgs().create_org("acme", "Acme", actor).value();
  const auto fay = st->users()
                       .create_user({"fay@example.org", "Fay", store::hash_password(kPassword).value(), ""})
                       .value();
  EXPECT_TRUE(st->orgs().add_member(org.id, fay.id, store::Role::kMember, actor));
  core::Tool t;
  t.name = "Übersetzungs-KI";
  return st->tools().create_tool(org.id, t, actor).value().id.value;
}

std::int64_t remaining_on(const std::string& room_html) {
  static const std::regex re(R"re(data-remaining="(-?\d+)")re");
  std::smatch m;
  EXPECT_TRUE(std::regex_search(room_html, m, re)) << "the room shows the step's timer";
  return m.empty() ? 0 : std::stoll(m[1]);
}

std::int64_t last_event_on(const std::string& room_html) {
  static const std::regex re(R"re(data-last-event="(\d+)")re");
  std::smatch m;
  return std::regex_search(room_html, m, re) ? std::stoll(m[1]) : -1;
}

std::vector<std::int64_t> event_ids(const std::string& stream) {
  static const std::regex re(R"(\nid: (\d+)\n)");
  std::vector<std::int64_t> out;
  for (auto it = std::sregex_iterator(stream.begin(), stream.end(), re); it != std::sregex_iterator();
       ++it) {
    out.push_back(std::stoll((*it)[1]));
  }
  return out;
}

// The participant's event stream, opened with `last` as Last-Event-ID (0: none).
std::unique_ptr<Connection> open_stream(std::uint16_t port, const Participant& p, std::int64_t last) {
  auto c = std::make_unique<Connection>(port);
  std::string head = "GET " + p.url() + "/events HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: solipraxis_live=" +
                     p.b.cookie("solipraxis_live") + "\r\n";
  if (last > 0) head += "Last-Event-ID: " + std::to_string(last) + "\r\n";
  EXPECT_TRUE(c->send(head + "\r\n"));
  return c;
}

// Seconds of wall time since `t`, rounded down.
std::int64_t seconds_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - t).count();
}

TEST(LiveRestart, TheRoomContinuesAfterSigtermAndSigkillWithItsCardsVotesTimerAndStream) {
  Deployment d;
  const std::int64_t tool = seed(d.config());
  d.start();

  // The facilitator prepares a retro and moves the room to the step with the
  // five focus categories (15 minutes on the clock).
  Browser fay(d.port());
  ASSERT_EQ(fay.sign_in("fay@example.org").status, 303);
  fay.open("/o/acme/sessions");
  auto made = fay.post("/o/acme/sessions", {{"kind", "retro"}, {"tool", std::to_string(tool)}});
  ASSERT_EQ(made.status, 303) << made.body;
  const std::string url = made.header("Location").substr(0, made.header("Location").find('?'));
  const std::string id = url.substr(url.rfind('/') + 1);
  const std::string api = "/api/v1/orgs/acme/sessions/" + id;
  fay.open(url);
  ASSERT_EQ(fay.post(url + "/step", {{"step", "2"}}).status, 303);
  const json before_start = json::parse(fay.get(api).body);
  const std::string code = before_start["join_code"];
  const auto& columns = before_start["steps"][2]["columns"];
  ASSERT_EQ(columns.size(), 5u);

  Participant anna(d.port(), code), ben(d.port(), code), cem(d.port(), code);
  ASSERT_TRUE(anna.join("Anna"));
  ASSERT_TRUE(ben.join());
  ASSERT_TRUE(cem.join());
  std::map<std::string, int> written;  // every card acknowledged: text -> 1
  auto add = [&](Participant& p, const std::string& text, int column) {
    auto r = p.add_card(text, columns[static_cast<std::size_t>(column)]["id"]);
    EXPECT_EQ(r.status, 303) << text << ": " << r.body;
    ++written[text];
  };
  add(anna, "Namen werden falsch übersetzt", 3);
  add(anna, "Spart Zeit bei Briefen", 0);
  add(ben, "Unklar, wo die Daten liegen", 1);
  add(cem, "Dialekte gehen verloren", 3);
  ASSERT_EQ(fay.post(url + "/reveal", {{"step", "2"}}).status, 303);
  auto card_of = [&](const json& board, const std::string& text) -> std::string {
    for (const auto& c : board["cards"])
      if (c["text"] == text) return std::to_string(c["id"].get<std::int64_t>());
    ADD_FAILURE() << "no card " << text;
    return "0";
  };
  json board = json::parse(fay.get(api).body);
  const std::string annas = card_of(board, "Namen werden falsch übersetzt");
  const std::string cems = card_of(board, "Dialekte gehen verloren");
  ASSERT_EQ(fay.post(url + "/group", {{"cluster_name", "Sprache"}, {"cards", annas}, {"cards", cems}}).status,
            303);
  anna.room();
  ASSERT_EQ(anna.post("/cards/" + cems + "/votes", {{"do", "add"}}).status, 303);
  ASSERT_EQ(anna.post("/cards/" + cems + "/votes", {{"do", "add"}}).status, 303);
  // A card whose answer is lost with the server: the browser sends the same form again later.
  const std::string resend_page = ben.room().body;
  const std::vector<std::pair<std::string, std::string>> resend = {
      {"text", "Wer prüft die Übersetzung?"},
      {"column", columns[4]["id"]},
      {"step", field_in(resend_page, "step")},
      {"nonce", field_in(resend_page, "nonce")}};
  ASSERT_EQ(ben.post("/cards", resend).status, 303);
  ++written["Wer prüft die Übersetzung?"];

  // A stranger guessing codes waits (429), even with the right code.
  Participant guesser(d.port(), code);
  guesser.b.open("/join");
  for (int i = 0; i < 6; ++i) guesser.b.post("/join", {{"code", "ZZZZ-ZZZZ"}});
  EXPECT_EQ(guesser.b.post("/join", {{"code", code}}).status, 429) << "the wait after wrong codes";

  // Anna's browser follows the room live until the server goes.
  std::string room = anna.room().body;
  const std::int64_t seen = last_event_on(room);
  ASSERT_GT(seen, 0);
  auto stream = open_stream(d.port(), anna, 0);
  auto backlog = stream->read_until("id: " + std::to_string(seen) + "\n");
  ASSERT_TRUE(backlog) << "the stream sends the backlog up to the last event";
  const json board_before = json::parse(fay.get(api).body);
  const std::int64_t left_before = remaining_on(room);
  const auto stopped_at = std::chrono::steady_clock::now();

  // --- SIGTERM: the server ends the open stream and exits cleanly ---
  EXPECT_EQ(d.server().terminate(), 0);
  EXPECT_TRUE(stream->closed_by_peer()) << "the stream ends with the server";
  std::this_thread::sleep_for(std::chrono::seconds(3));  // the room waits
  d.start();
  for (Browser* b : {&fay, &anna.b, &ben.b, &cem.b, &guesser.b}) b->set_port(d.port());

  EXPECT_EQ(json::parse(fay.get(api).body), board_before) << "the board is as it was";
  room = anna.room().body;
  EXPECT_TRUE(contains(room, "Namen werden falsch übersetzt"));
  EXPECT_EQ(field_in(room, "room_token").empty(), false) << "still in the room, not at the join page";
  const std::int64_t left_after = remaining_on(room);
  const std::int64_t down = seconds_since(stopped_at);
  EXPECT_LE(left_after, left_before - 3) << "the timer went on while the server was down";
  EXPECT_GE(left_after, left_before - down - 2) << "and by no more than the time that passed";

  // The resent form makes no second card; nothing is lost or doubled.
  EXPECT_EQ(ben.post("/cards", resend).status, 303) << "answered as done";
  // Anna edits her own card, Ben cannot; Anna has one dot left of three.
  EXPECT_EQ(anna.post("/cards/" + annas, {{"text", "Namen und Orte werden falsch übersetzt"}}).status, 303);
  written.erase("Namen werden falsch übersetzt");
  ++written["Namen und Orte werden falsch übersetzt"];
  EXPECT_EQ(ben.post("/cards/" + annas, {{"text", "Übernommen"}}).status, 404);
  EXPECT_EQ(anna.post("/cards/" + annas + "/votes", {{"do", "add"}}).status, 303);
  EXPECT_EQ(anna.post("/cards/" + annas + "/votes", {{"do", "add"}}).status, 409) << "budget spent";
  // The stranger's wait started afresh with the server: nobody stays locked out.
  guesser.b.open("/join");
  EXPECT_EQ(guesser.b.post("/join", {{"code", code}}).status, 303);

  // Anna's browser reconnects with the last id it saw: exactly the events after it.
  stream = open_stream(d.port(), anna, seen);
  add(cem, "Nach dem Neustart geschrieben", 2);
  auto resumed = stream->read_until("Nach dem Neustart geschrieben");
  ASSERT_TRUE(resumed) << "the resumed stream carries the live card";
  const auto ids = event_ids(*resumed);
  ASSERT_EQ(ids.size(), 3u) << *resumed << "\n(edit, dot, new card)";
  EXPECT_GT(ids.front(), seen);
  for (std::size_t i = 1; i < ids.size(); ++i) EXPECT_GT(ids[i], ids[i - 1]);
  stream.reset();

  auto texts = [&] {
    std::map<std::string, int> out;
    const json now = json::parse(fay.get(api).body);
    for (const auto& c : now["cards"]) ++out[c["text"].get<std::string>()];
    EXPECT_FALSE(out.empty()) << now.dump();
    return out;
  };
  EXPECT_EQ(texts(), written) << "every card once";

  // --- SIGKILL with the timer paused: it stays paused at the same time ---
  fay.open(url);
  ASSERT_EQ(fay.post(url + "/timer", {{"action", "pause"}}).status, 303);
  const std::int64_t paused_left = remaining_on(anna.room().body);
  const json board_killed = json::parse(fay.get(api).body);
  d.server().signal(SIGKILL);
  ASSERT_TRUE(d.server().wait_exit(10000).has_value());
  std::this_thread::sleep_for(std::chrono::seconds(2));
  d.start();
  for (Browser* b : {&fay, &anna.b, &ben.b, &cem.b}) b->set_port(d.port());
  EXPECT_EQ(json::parse(fay.get(api).body), board_killed);
  EXPECT_EQ(remaining_on(anna.room().body), paused_left) << "paused stays paused";
  fay.open(url);
  ASSERT_EQ(fay.post(url + "/timer", {{"action", "resume"}}).status, 303);
  add(ben, "Nach dem Abbruch geschrieben", 0);
  EXPECT_EQ(texts(), written);
  EXPECT_EQ(cem.post("/cards/" + cems + "/votes", {{"do", "add"}}).status, 303)
      << "Cem's cookie outlived the kill too";
}

}  // namespace
}  // namespace solipraxis::web
