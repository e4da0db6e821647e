// HTTP/1.1 server on Boost.Beast with C++20 coroutines, hidden behind this
// header. One network thread runs every connection as a coroutine; handlers
// run on a small thread pool, so a blocking store call never stalls other
// connections, and idle keep-alive (or, later, streaming) connections cost no
// thread.
//
// Guarantees:
// - Header block > max_header -> 431; body > max_body -> 413; a malformed
//   request, target, invalid UTF-8 or control characters in path/query -> 400.
//   Each of these closes that connection; the server keeps serving.
// - Slow clients: the header block must arrive within header_timeout, the
//   body within body_timeout, the next request within idle_timeout.
// - stop() (or SIGINT/SIGTERM after stop_on_signals()) stops accepting, closes
//   idle connections, lets requests in flight finish and answers them with
//   "Connection: close", and gives up on stragglers after shutdown_grace.
//   run() then returns.
// - One log line per request: method, path, status, duration.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "core/result.h"
#include "web/http.h"

namespace solipraxis::web {

// What the server calls. Implemented by WebApp (app.h) and by test doubles.
class Application {
 public:
  virtual ~Application() = default;
  // Answers one routed request. May block; runs on the handler pool.
  virtual Response handle(Request& req) = 0;
  // Answers a request the server refused itself (400, 408, 413, 431). `req`
  // holds what could be parsed (maybe nothing). Must not block.
  virtual Response reject(int status, const Request& req) = 0;
};

struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;  // 0 = any free port (see Server::port())
  std::size_t max_body = 1024 * 1024;
  std::size_t max_header = 16 * 1024;
  std::chrono::milliseconds header_timeout{10'000};
  std::chrono::milliseconds body_timeout{30'000};
  std::chrono::milliseconds idle_timeout{60'000};
  std::chrono::milliseconds write_timeout{30'000};
  std::chrono::milliseconds shutdown_grace{10'000};
  int handler_threads = 4;
};

// Parses "HOST:PORT", "[v6]:PORT" or ":PORT" (host 127.0.0.1). invalid_input otherwise.
core::Status parse_listen(std::string_view text, ServerOptions& opts);

class Server {
 public:
  Server(ServerOptions opts, Application& app);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Resolves and binds the listening socket. unavailable with a readable
  // message when the address is taken or invalid.
  core::Status listen();
  std::uint16_t port() const;  // the bound port, after listen()
  // Stop gracefully on SIGINT and SIGTERM. Call before run().
  void stop_on_signals();
  // Serves until stopped; returns when every connection has ended.
  void run();
  // Begins the graceful shutdown. Thread-safe; may be called before run().
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace solipraxis::web
