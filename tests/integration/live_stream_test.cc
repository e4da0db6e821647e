// The live session's Server-Sent Events over the real server on loopback: a
// test-only route streams session 7 from a vector standing in for the store's
// live_events, and the test thread commits and publishes as a handler would.
// What a participant relies on: the backlog then live events, a reconnect with
// Last-Event-ID that loses and doubles nothing, the end of the stream after
// "ended", and one published card reaching every open stream.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "http_client.h"
#include "web/live_stream.h"
#include "web_fixture.h"

namespace solipraxis::web {
namespace {

using namespace std::chrono_literals;
using testing::Connection;

constexpr std::int64_t kSession = 7;

struct Frame {
  std::int64_t id = 0;
  std::string type;
  std::string data;
};

// The store's live_events for the test, and the commit-then-publish of a handler.
class EventLog {
 public:
  explicit EventLog(live::EventBus& bus) : bus_(bus) {}

  live::Event commit(std::string type, std::string data) {
    std::lock_guard lock(mu_);
    live::Event e{next_id_, kSession, std::move(type), std::move(data)};
    next_id_ += 3;  // ids are global: other sessions take the ones between
    events_.push_back(e);
    return e;
  }
  // Commit and publish under one lock, so publishes go out in id order.
  live::Event commit_and_publish(std::string type, std::string data) {
    std::lock_guard lock(publish_mu_);
    live::Event e = commit(std::move(type), std::move(data));
    bus_.publish(e);
    return e;
  }
  core::Result<std::vector<live::Event>> after(std::int64_t id) {
    std::lock_guard lock(mu_);
    std::vector<live::Event> out;
    for (const auto& e : events_) {
      if (e.id > id) out.push_back(e);
    }
    return out;
  }

 private:
  live::EventBus& bus_;
  std::mutex publish_mu_;
  std::mutex mu_;
  std::vector<live::Event> events_;
  std::int64_t next_id_ = 10;
};

class LiveStreamTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.app().router().get(
        "/test/live",
        [this](Request& req) {
          auto body =
              make_event_stream(bus(), kSession, last_event_id(req), [this](std::int64_t after) {
                // A slow store read: events committed before and after its snapshot.
                std::this_thread::sleep_for(std::chrono::milliseconds(read_delay_ms_.load()));
                auto events = log_.after(after);
                std::this_thread::sleep_for(std::chrono::milliseconds(read_delay_ms_.load()));
                return events;
              });
          if (!body) return Response::error(503, "unavailable", body.error().detail);
          return event_stream_response(std::move(body).value());
        },
        RouteAccess::kPublic);
  }
  live::EventBus& bus() { return *server_.app().services().live_bus; }

  // Opens the stream and reads its head and the "retry" line; the server has
  // subscribed by then.
  std::unique_ptr<Connection> open(const std::string& headers = "",
                                   const std::string& target = "/test/live") {
    auto c = std::make_unique<Connection>(server_.port());
    EXPECT_TRUE(c->send("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + "\r\n"));
    const auto head = c->read_until("\r\n\r\n");
    EXPECT_TRUE(head);
    if (!head) return c;
    EXPECT_EQ(head->substr(0, 12), "HTTP/1.1 200");
    EXPECT_NE(head->find("Content-Type: text/event-stream"), std::string::npos) << *head;
    EXPECT_EQ(c->read_until("\n\n"), "retry: 3000\n\n");
    return c;
  }

  // The next event frame (keepalive comments skipped), or nullopt on EOF/timeout.
  static std::optional<Frame> next(Connection& c, std::chrono::milliseconds timeout = 10s) {
    for (;;) {
      const auto raw = c.read_until("\n\n", timeout);
      if (!raw) return std::nullopt;
      if (raw->front() == ':') continue;
      Frame f;
      std::string_view rest(*raw);
      while (!rest.empty() && rest != "\n") {
        const auto eol = rest.find('\n');
        const std::string_view line = rest.substr(0, eol);
        rest.remove_prefix(eol + 1);
        if (line.starts_with("id: ")) f.id = std::stoll(std::string(line.substr(4)));
        if (line.starts_with("event: ")) f.type = line.substr(7);
        if (line.starts_with("data: "))
          f.data += (f.data.empty() ? "" : "\n") + std::string(line.substr(6));
      }
      return f;
    }
  }
  static std::vector<std::int64_t> ids(Connection& c, std::size_t n) {
    std::vector<std::int64_t> out;
    while (out.size() < n) {
      const auto f = next(c);
      if (!f) break;
      out.push_back(f->id);
    }
    return out;
  }

  AuthServer server_;
  EventLog log_{bus()};
  std::atomic<int> read_delay_ms_{0};
};

TEST_F(LiveStreamTest, ClientGetsTheBacklogThenLiveEvents) {
  const auto a = log_.commit("card", R"({"card":{"id":1,"text":"Zeile 1\nZeile 2"}})");
  const auto b = log_.commit("board", "{}");
  auto c = open();
  const auto first = next(*c);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->id, a.id);
  EXPECT_EQ(first->type, "card");
  EXPECT_EQ(first->data, a.data);  // the JSON's \n escape stays on one data line
  EXPECT_EQ(ids(*c, 1), (std::vector<std::int64_t>{b.id}));

  const auto live1 = log_.commit_and_publish("step", R"({"step":1,"remaining":300})");
  const auto live2 = log_.commit_and_publish("card-removed", R"({"id":1})");
  const auto f = next(*c);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->id, live1.id);
  EXPECT_EQ(f->type, "step");
  EXPECT_EQ(f->data, live1.data);
  EXPECT_EQ(ids(*c, 1), (std::vector<std::int64_t>{live2.id}));
  EXPECT_EQ(bus().subscribers(kSession), 1u);
}

TEST_F(LiveStreamTest, ReconnectWithLastEventIdGetsExactlyTheMissingEvents) {
  std::vector<std::int64_t> all;
  for (int i = 0; i < 3; ++i) all.push_back(log_.commit("card", "{}").id);
  auto c = open();
  EXPECT_EQ(ids(*c, 3), all);
  c.reset();  // the phone lost its connection
  for (int i = 0; i < 2; ++i) all.push_back(log_.commit_and_publish("card", "{}").id);

  auto again = open("Last-Event-ID: " + std::to_string(all[2]) + "\r\n");
  EXPECT_EQ(ids(*again, 2), (std::vector<std::int64_t>{all[3], all[4]}));
  all.push_back(log_.commit_and_publish("board", "{}").id);
  EXPECT_EQ(ids(*again, 1), (std::vector<std::int64_t>{all[5]}));

  // A client that cannot set headers says the same in the query.
  auto query = open("", "/test/live?last=" + std::to_string(all[3]));
  EXPECT_EQ(ids(*query, 2), (std::vector<std::int64_t>{all[4], all[5]}));
}

// Reconnects at random moments while a handler publishes as fast as it can: the
// ids received over all connections are every committed id once, in order.
TEST_F(LiveStreamTest, ReconnectsDuringPublishingLoseAndDoubleNothing) {
  constexpr int kEvents = 400;
  read_delay_ms_ = 2;
  std::thread publisher([this] {
    for (int i = 0; i < kEvents; ++i) {
      log_.commit_and_publish("card", "{\"n\":" + std::to_string(i) + "}");
      std::this_thread::sleep_for(1ms);  // slower than the reader, which catches up
    }
    log_.commit_and_publish("ended", "{}");
  });
  std::vector<std::int64_t> got;
  std::string types;
  int connections = 0;
  bool ended = false;
  while (!ended && connections < 1000) {
    ++connections;
    const std::string last =
        got.empty() ? "" : "Last-Event-ID: " + std::to_string(got.back()) + "\r\n";
    auto c = open(last);
    for (int k = 0; k < 1 + connections % 29; ++k) {  // drop after a few events
      const auto f = next(*c);
      ASSERT_TRUE(f) << "connection " << connections << " stalled";
      got.push_back(f->id);
      if (f->type == "ended") {
        ended = true;
        break;
      }
    }
  }
  publisher.join();
  ASSERT_TRUE(ended);
  std::vector<std::int64_t> committed;
  const auto stored = log_.after(0);
  ASSERT_TRUE(stored);
  for (const auto& e : stored.value()) committed.push_back(e.id);
  EXPECT_EQ(got, committed);
  EXPECT_GT(connections, 20);
}

TEST_F(LiveStreamTest, EndedEventClosesTheStream) {
  auto c = open();
  log_.commit_and_publish("card", "{}");
  const auto end = log_.commit_and_publish("ended", "{}");
  log_.commit_and_publish("card", "{}");  // a late straggler is not sent
  ASSERT_TRUE(next(*c));
  const auto f = next(*c);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->id, end.id);
  EXPECT_EQ(f->type, "ended");
  EXPECT_TRUE(c->closed_by_peer(5s));
  EXPECT_FALSE(next(*c, 100ms));
}

TEST_F(LiveStreamTest, EveryOneOfManyClientsReceivesAPublishedEvent) {
  constexpr std::size_t kClients = 200;
  std::vector<std::unique_ptr<Connection>> clients;
  for (std::size_t i = 0; i < kClients; ++i) clients.push_back(open());
  EXPECT_EQ(bus().subscribers(kSession), kClients);
  const auto card = log_.commit_and_publish("card", R"({"card":{"id":5}})");
  const auto end = log_.commit_and_publish("ended", "{}");
  std::size_t received = 0;
  for (auto& c : clients) {
    const auto f = next(*c);
    const auto g = next(*c);
    if (f && f->id == card.id && f->data == card.data && g && g->id == end.id) ++received;
  }
  EXPECT_EQ(received, kClients);
  // Every stream ended, so every subscription went with its connection.
  for (int i = 0; i < 500 && bus().subscribers(kSession) > 0; ++i)
    std::this_thread::sleep_for(10ms);
  EXPECT_EQ(bus().subscribers(kSession), 0u);
}

}  // namespace
}  // namespace solipraxis::web
