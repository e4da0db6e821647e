// Live session fan-out: N Server-Sent Events streams of one session on the real
// server (in this process, loopback), an event published every 1/rate s, and the
// time from publish to its arrival on every stream (p50/p99/max), the process's
// RSS idle, with the streams open and after the events, and /healthz req/s on
// one keep-alive connection idle and while the events flow. Not a test: it prints.
//
// Skeleton (issue 25): events go straight to the bus on a bench-only route. Once
// the card route exists, publish by posting real cards to it instead (the store's
// write and the handler in the measured path).
// Usage: live_bench [--clients 500] [--events 30] [--rate 1] [--web-dir web]
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include <spdlog/spdlog.h>

#include "core/clock.h"
#include "store/store.h"
#include "web/app.h"
#include "web/live_stream.h"
#include "web/server.h"

using namespace solipraxis;
using Clock = std::chrono::steady_clock;

namespace {

constexpr std::int64_t kSession = 1;

std::string arg(int argc, char** argv, const std::string& name, const std::string& fallback) {
  for (int i = 1; i + 1 < argc; ++i) {
    if (argv[i] == name) return argv[i + 1];
  }
  return fallback;
}

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "live_bench: %s\n", what.c_str());
  std::exit(2);
}

std::int64_t now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch())
      .count();
}

double rss_mb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::atof(line.c_str() + 6) / 1024.0;
  }
  return 0;
}

int connect_loopback(std::uint16_t port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) fail("socket failed (raise ulimit -n?)");
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) fail("connect failed");
  const int one = 1;
  ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  return fd;
}

bool send_all(int fd, const std::string& bytes) {
  std::size_t sent = 0;
  while (sent < bytes.size()) {
    const ssize_t n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return false;
    sent += static_cast<std::size_t>(n);
  }
  return true;
}

// The streams' reader: one epoll thread; each event's data is {"t":publish_ns}.
class Streams {
 public:
  Streams(std::uint16_t port, int clients) : epoll_(::epoll_create1(0)) {
    for (int i = 0; i < clients; ++i) {
      const int fd = connect_loopback(port);
      if (!send_all(fd, "GET /bench/live HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")) fail("send failed");
      epoll_event ev{};
      ev.events = EPOLLIN;
      ev.data.fd = fd;
      ::epoll_ctl(epoll_, EPOLL_CTL_ADD, fd, &ev);
      buffers_[fd];
    }
    reader_ = std::thread([this] { read_loop(); });
  }
  ~Streams() {
    stop_ = true;
    if (reader_.joinable()) reader_.join();
    for (auto& [fd, buffer] : buffers_) ::close(fd);
    ::close(epoll_);
  }
  int ready() const { return ready_.load(); }  // streams that got their "retry" line
  std::size_t received() const { return received_.load(); }
  std::vector<double> latencies_ms() {  // after stop
    stop_ = true;
    if (reader_.joinable()) reader_.join();
    return latencies_;
  }

 private:
  void read_loop() {
    epoll_event events[256];
    char buf[16384];
    while (!stop_) {
      const int n = ::epoll_wait(epoll_, events, 256, 50);
      for (int i = 0; i < n; ++i) {
        const int fd = events[i].data.fd;
        const ssize_t got = ::recv(fd, buf, sizeof buf, 0);
        if (got <= 0) {
          ::epoll_ctl(epoll_, EPOLL_CTL_DEL, fd, nullptr);
          continue;
        }
        const std::int64_t at = now_ns();
        std::string& b = buffers_[fd];
        b.append(buf, static_cast<std::size_t>(got));
        std::size_t end;
        while ((end = b.find("\n\n")) != std::string::npos) {
          const std::string frame = b.substr(0, end);
          b.erase(0, end + 2);
          if (frame.find("retry: ") != std::string::npos) ++ready_;
          const auto t = frame.find("data: {\"t\":");
          if (t == std::string::npos) continue;
          const std::int64_t sent = std::atoll(frame.c_str() + t + 11);
          latencies_.push_back(static_cast<double>(at - sent) / 1e6);
          ++received_;
        }
      }
    }
  }

  int epoll_;
  std::unordered_map<int, std::string> buffers_;
  std::vector<double> latencies_;
  std::atomic<int> ready_{0};
  std::atomic<std::size_t> received_{0};
  std::atomic<bool> stop_{false};
  std::thread reader_;
};

// /healthz answers on one keep-alive connection during `seconds`.
double healthz_per_second(std::uint16_t port, double seconds) {
  const int fd = connect_loopback(port);
  const std::string req = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
  char buf[4096];
  long answers = 0;
  const auto start = Clock::now();
  const auto until = start + std::chrono::duration<double>(seconds);
  while (Clock::now() < until) {
    if (!send_all(fd, req)) fail("healthz send failed");
    std::string got;
    while (got.find("\r\n\r\n") == std::string::npos || got.find("}") == std::string::npos) {
      const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
      if (n <= 0) fail("healthz connection closed");
      got.append(buf, static_cast<std::size_t>(n));
    }
    ++answers;
  }
  ::close(fd);
  return answers / std::chrono::duration<double>(Clock::now() - start).count();
}

double percentile(std::vector<double>& v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

}  // namespace

int main(int argc, char** argv) {
  const int clients = std::max(1, std::atoi(arg(argc, argv, "--clients", "500").c_str()));
  const int events = std::max(1, std::atoi(arg(argc, argv, "--events", "30").c_str()));
  const double rate = std::max(0.01, std::atof(arg(argc, argv, "--rate", "1").c_str()));
  spdlog::set_level(spdlog::level::warn);  // no request log lines in the figures

  const auto dir =
      std::filesystem::temp_directory_path() / ("live_bench_" + std::to_string(::getpid()));
  core::SystemClock clock;
  store::StoreConfig config;
  config.data_dir = dir.string();
  auto store = store::open_store(config, clock);
  if (!store) fail(store.error().detail);
  auto app = web::WebApp::create(arg(argc, argv, "--web-dir", "web"), **store, clock);
  if (!app) fail(app.error().detail);
  live::EventBus& bus = *(*app)->services().live_bus;
  (*app)->router().get(
      "/bench/live",
      [&bus](web::Request& req) {
        auto body =
            web::make_event_stream(bus, kSession, web::last_event_id(req), [](std::int64_t) {
              return core::Result<std::vector<live::Event>>(std::vector<live::Event>{});
            });
        if (!body) return web::Response::error(503, "unavailable", body.error().detail);
        return web::event_stream_response(std::move(body).value());
      },
      web::RouteAccess::kPublic);
  web::ServerOptions so;
  so.port = 0;
  web::Server server(so, **app);
  if (!server.listen()) fail("listen failed");
  std::thread server_thread([&] { server.run(); });

  const double rss_idle = rss_mb();
  const double healthz_idle = healthz_per_second(server.port(), 2);
  {
    Streams streams(server.port(), clients);
    for (int i = 0; i < 1000 && streams.ready() < clients; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    if (streams.ready() < clients)
      fail("only " + std::to_string(streams.ready()) + " streams opened");
    const double rss_open = rss_mb();

    std::atomic<double> healthz_busy{0};
    std::thread load(
        [&] { healthz_busy = healthz_per_second(server.port(), events / rate * 0.8); });
    const auto period = std::chrono::duration<double>(1.0 / rate);
    auto next = Clock::now();
    for (int i = 0; i < events; ++i) {
      next += std::chrono::duration_cast<Clock::duration>(period);
      std::this_thread::sleep_until(next);
      bus.publish(live::Event{i + 1, kSession, "card", "{\"t\":" + std::to_string(now_ns()) + "}"});
    }
    load.join();
    const std::size_t expected =
        static_cast<std::size_t>(clients) * static_cast<std::size_t>(events);
    for (int i = 0; i < 500 && streams.received() < expected; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    const double rss_after = rss_mb();
    auto lat = streams.latencies_ms();

    std::printf("live_bench: %d streams of one session, %d events at %.1f/s\n", clients, events,
                rate);
    std::printf("| %-40s | %12s |\n", "figure", "value");
    std::printf("| %-40s | %12s |\n", "---", "---");
    std::printf("| %-40s | %12zu |\n", "events received", lat.size());
    std::printf("| %-40s | %12zu |\n", "events expected (streams x events)", expected);
    std::printf("| %-40s | %12.2f |\n", "fan-out latency p50 ms", percentile(lat, 0.50));
    std::printf("| %-40s | %12.2f |\n", "fan-out latency p99 ms", percentile(lat, 0.99));
    std::printf("| %-40s | %12.2f |\n", "fan-out latency max ms", lat.empty() ? 0.0 : lat.back());
    std::printf("| %-40s | %12.1f |\n", "RSS MB idle (server and clients)", rss_idle);
    std::printf("| %-40s | %12.1f |\n", "RSS MB streams open", rss_open);
    std::printf("| %-40s | %12.1f |\n", "RSS MB after the events", rss_after);
    std::printf("| %-40s | %12.0f |\n", "/healthz req/s idle (1 connection)", healthz_idle);
    std::printf("| %-40s | %12.0f |\n", "/healthz req/s during events", healthz_busy.load());
    std::printf("| %-40s | %11.0f%% |\n", "during / idle",
                100 * healthz_busy.load() / healthz_idle);
  }
  server.stop();
  server_thread.join();
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
  return 0;
}
