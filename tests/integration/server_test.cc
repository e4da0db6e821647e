// The HTTP server itself (src/web/server.h), in process, with a small test
// application: limits, malformed input, keep-alive, timeouts, streaming and
// graceful shutdown. Everything runs on 127.0.0.1 with a random port.
#include <utility>

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <thread>

#include "http_client.h"
#include "web/server.h"

namespace solipraxis::web {
namespace {

using namespace std::chrono_literals;
using testing::Connection;

// A counter stream: emits "data: 1", "data: 2", "data: 3" whenever woken, then ends.
class CountingStream final : public StreamBody {
 public:
  std::optional<std::string> poll() override {
    std::lock_guard lock(mu_);
    if (sent_ >= 3) return std::nullopt;
    if (ready_ == 0) return std::string();
    --ready_;
    return "data: " + std::to_string(++sent_) + "\n\n";
  }
  void set_waker(std::function<void()> w) override {
    std::lock_guard lock(mu_);
    waker_ = std::move(w);
  }
  void push() {
    std::function<void()> w;
    {
      std::lock_guard lock(mu_);
      ++ready_;
      w = waker_;
    }
    if (w) w();
  }

 private:
  std::mutex mu_;
  int ready_ = 0;
  int sent_ = 0;
  std::function<void()> waker_;
};

class TestApp final : public Application {
 public:
  std::atomic<int> slow_started{0};
  std::shared_ptr<CountingStream> stream = std::make_shared<CountingStream>();

  Response handle(Request& req) override {
    if (req.path == "/slow") {
      ++slow_started;
      std::this_thread::sleep_for(600ms);
      return Response::text("slow done");
    }
    if (req.path == "/echo") {
      return Response::text(req.method + " " + req.path + " q=" + req.query.value("q") +
                            " body=" + std::to_string(req.body.size()) +
                            " x=" + req.header("x-test"));
    }
    if (req.path == "/stream") {
      Response r;
      r.headers.set("Content-Type", "text/event-stream");
      r.stream = stream;
      return r;
    }
    if (req.path == "/throw") throw std::runtime_error("boom");
    return Response::text("ok");
  }
  Response reject(int status, const Request&) override {
    Response r = Response::text("rejected", status);
    r.headers.set("X-Rejected", "yes");
    return r;
  }
};

class ServerTest : public ::testing::Test {
 protected:
  void start(ServerOptions opts = {}) {
    opts.host = "127.0.0.1";
    opts.port = 0;
    server_ = std::make_unique<Server>(opts, app_);
    ASSERT_TRUE(server_->listen());
    port_ = server_->port();
    thread_ = std::thread([this] {
      server_->run();
      stopped_ = true;
    });
  }
  void TearDown() override {
    if (server_) server_->stop();
    if (thread_.joinable()) thread_.join();
  }

  TestApp app_;
  std::unique_ptr<Server> server_;
  std::thread thread_;
  std::atomic<bool> stopped_{false};
  std::uint16_t port_ = 0;
};

TEST_F(ServerTest, AnswersAndDecodesTargets) {
  start();
  auto r = testing::get(port_, "/echo?q=a%20b+c", "X-Test: yes\r\n");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, "GET /echo q=a b c body=0 x=yes");
}

TEST_F(ServerTest, OversizedBodyIs413) {
  ServerOptions o;
  o.max_body = 1000;
  start(o);
  auto r = testing::request(port_, "POST", "/echo", "", std::string(1001, 'x'));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
  EXPECT_EQ(r->header("X-Rejected"), "yes");
  // At the limit is fine.
  r = testing::request(port_, "POST", "/echo", "", std::string(1000, 'x'));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->body, "POST /echo q= body=1000 x=");
}

TEST_F(ServerTest, OversizedChunkedBodyIs413) {
  ServerOptions o;
  o.max_body = 1000;
  start(o);
  Connection c(port_);
  std::string chunk(800, 'y');
  c.send("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
  c.send("320\r\n" + chunk + "\r\n320\r\n" + chunk + "\r\n0\r\n\r\n");
  auto r = c.read();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
}

TEST_F(ServerTest, OversizedHeadersAre431) {
  start();
  auto r = testing::get(port_, "/", "X-Big: " + std::string(20000, 'a') + "\r\n");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 431);
  // Many smaller headers add up the same way.
  std::string many;
  for (int i = 0; i < 400; ++i) many += "X-H" + std::to_string(i) + ": " + std::string(50, 'b') + "\r\n";
  r = testing::get(port_, "/", many);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 431);
}

TEST_F(ServerTest, MalformedRequestIs400AndServerKeepsServing) {
  start();
  for (std::string bad : std::vector<std::string>{"GARBAGE\r\n\r\n", "GET /\r\n\r\n", "GET / HTTP/9.9\r\n\r\n",
                          "GET / HTTP/1.1\r\nBad Header Line\r\n\r\n",
                          "GET http://evil.example/ HTTP/1.1\r\nHost: x\r\n\r\n",
                          "POST / HTTP/1.1\r\nContent-Length: nope\r\n\r\n"}) {
    Connection c(port_);
    c.send(bad);
    auto r = c.read();
    ASSERT_TRUE(r) << bad;
    EXPECT_EQ(r->status, 400) << bad;
    EXPECT_TRUE(c.closed_by_peer()) << bad;
  }
  auto ok = testing::get(port_, "/");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200);
}

TEST_F(ServerTest, InvalidUtf8OrControlCharactersInTargetAre400) {
  start();
  for (std::string target : std::vector<std::string>{"/caf%C3", "/%FF", "/echo?q=%FF%FE", "/echo?q=%00", "/a%0D%0Ab",
                             "/bad%zz", std::string("/raw\xC3\x28")}) {
    auto r = testing::get(port_, target);
    ASSERT_TRUE(r) << target;
    EXPECT_EQ(r->status, 400) << target;
  }
  auto ok = testing::get(port_, "/echo?q=stra%C3%9Fe");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->body, "GET /echo q=straße body=0 x=");
}

TEST_F(ServerTest, KeepAliveServesTwoRequestsOnOneConnection) {
  start();
  Connection c(port_);
  c.send("GET /echo?q=1 HTTP/1.1\r\nHost: x\r\n\r\n");
  auto first = c.read();
  ASSERT_TRUE(first);
  EXPECT_EQ(first->body, "GET /echo q=1 body=0 x=");
  EXPECT_NE(first->header("Connection"), "close");
  c.send("POST /echo?q=2 HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc");
  auto second = c.read();
  ASSERT_TRUE(second);
  EXPECT_EQ(second->body, "POST /echo q=2 body=3 x=");
}

TEST_F(ServerTest, PipelinedRequestsAreAnsweredInOrder) {
  start();
  Connection c(port_);
  c.send("GET /echo?q=a HTTP/1.1\r\nHost: x\r\n\r\nGET /echo?q=b HTTP/1.1\r\nHost: x\r\n\r\n");
  auto a = c.read();
  auto b = c.read();
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a->body, "GET /echo q=a body=0 x=");
  EXPECT_EQ(b->body, "GET /echo q=b body=0 x=");
}

TEST_F(ServerTest, HeadSendsHeadersWithoutBody) {
  start();
  Connection c(port_);
  c.send("HEAD /echo HTTP/1.1\r\nHost: x\r\n\r\nGET /echo?q=after HTTP/1.1\r\nHost: x\r\n\r\n");
  auto head = c.read(true);
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status, 200);
  // The length the body would have, without the body.
  EXPECT_EQ(head->header("Content-Length"),
            std::to_string(std::string("HEAD /echo q= body=0 x=").size()));
  auto next = c.read();
  ASSERT_TRUE(next);
  EXPECT_EQ(next->body, "GET /echo q=after body=0 x=");  // no stray body bytes in between
}

TEST_F(ServerTest, HandlerExceptionBecomes500) {
  start();
  auto r = testing::get(port_, "/throw");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 500);
  EXPECT_EQ(testing::get(port_, "/")->status, 200);
}

TEST_F(ServerTest, SlowHeadersAreCutOff) {
  ServerOptions o;
  o.header_timeout = 300ms;
  start(o);
  Connection c(port_);
  c.send("GET / HTTP/1.1\r\n");  // and then nothing
  const auto t0 = std::chrono::steady_clock::now();
  EXPECT_TRUE(c.closed_by_peer(3s));
  EXPECT_LT(std::chrono::steady_clock::now() - t0, 2s);
}

TEST_F(ServerTest, IdleKeepAliveConnectionsTimeOut) {
  ServerOptions o;
  o.idle_timeout = 300ms;
  start(o);
  Connection c(port_);
  EXPECT_TRUE(c.closed_by_peer(3s));
}

TEST_F(ServerTest, ExpectContinueGetsInterimResponse) {
  start();
  Connection c(port_);
  c.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
  auto interim = c.read();
  ASSERT_TRUE(interim);
  EXPECT_EQ(interim->status, 100);
  c.send("hello");
  auto r = c.read();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->body, "POST /echo q= body=5 x=");
}

TEST_F(ServerTest, StreamingResponseDeliversEventsWithoutBlockingOthers) {
  start();
  Connection c(port_);
  c.send("GET /stream HTTP/1.1\r\nHost: x\r\n\r\n");
  std::this_thread::sleep_for(100ms);
  // Another request is served while the stream is open and idle.
  auto other = testing::get(port_, "/");
  ASSERT_TRUE(other);
  EXPECT_EQ(other->status, 200);
  for (int i = 0; i < 3; ++i) app_.stream->push();
  auto r = c.read(false, 5s);  // no Content-Length: body runs until the server closes
  ASSERT_TRUE(r);
  EXPECT_EQ(r->header("Content-Type"), "text/event-stream");
  EXPECT_EQ(r->body, "data: 1\n\ndata: 2\n\ndata: 3\n\n");
}

TEST_F(ServerTest, GracefulShutdownFinishesInFlightRequest) {
  start();
  Connection busy(port_);
  Connection idle(port_);
  busy.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
  while (app_.slow_started == 0) std::this_thread::sleep_for(5ms);
  server_->stop();
  // The idle connection is closed at once; the busy one gets its full answer.
  EXPECT_TRUE(idle.closed_by_peer(2s));
  auto r = busy.read();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, "slow done");
  EXPECT_EQ(r->header("Connection"), "close");
  thread_.join();
  EXPECT_TRUE(stopped_);
  // No longer accepting.
  EXPECT_THROW(Connection late(port_), std::runtime_error);
}

TEST_F(ServerTest, ShutdownGiveUpAfterGracePeriod) {
  ServerOptions o;
  o.shutdown_grace = 200ms;
  start(o);
  Connection half(port_);
  half.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nonly part");
  std::this_thread::sleep_for(100ms);
  const auto t0 = std::chrono::steady_clock::now();
  server_->stop();
  thread_.join();
  EXPECT_LT(std::chrono::steady_clock::now() - t0, 3s);
}

TEST(ParseListen, AcceptsHostPortForms) {
  ServerOptions o;
  ASSERT_TRUE(parse_listen("0.0.0.0:9000", o));
  EXPECT_EQ(o.host, "0.0.0.0");
  EXPECT_EQ(o.port, 9000);
  ASSERT_TRUE(parse_listen("[::1]:8081", o));
  EXPECT_EQ(o.host, "::1");
  ASSERT_TRUE(parse_listen(":8082", o));
  EXPECT_EQ(o.host, "127.0.0.1");
  EXPECT_EQ(o.port, 8082);
  EXPECT_FALSE(parse_listen("8080", o));
  EXPECT_FALSE(parse_listen("host:", o));
  EXPECT_FALSE(parse_listen("host:70000", o));
  EXPECT_FALSE(parse_listen("::1:80", o));
}

TEST(ServerListen, BusyPortIsAClearError) {
  struct Nop final : Application {
    Response handle(Request&) override { return Response::text("x"); }
    Response reject(int s, const Request&) override { return Response::text("x", s); }
  } app;
  ServerOptions o;
  o.port = 0;
  Server first(o, app);
  ASSERT_TRUE(first.listen());
  o.port = first.port();
  Server second(o, app);
  auto st = second.listen();
  ASSERT_FALSE(st);
  EXPECT_NE(st.error().detail.find("cannot listen on 127.0.0.1:" + std::to_string(o.port)),
            std::string::npos)
      << st.error().detail;
}

}  // namespace
}  // namespace solipraxis::web
