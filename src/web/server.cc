#include <utility>  // before Asio: Boost 1.74 + GCC 12 coroutines need it first

#include "web/server.h"

#include "web/request_parse.h"

#include <atomic>
#include <charconv>
#include <unordered_map>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <spdlog/spdlog.h>

namespace solipraxis::web {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using asio::awaitable;
using asio::use_awaitable;
using Clock = std::chrono::steady_clock;

namespace {

// One live connection, known to the shutdown logic. Touched only on the
// network thread.
struct Connection {
  beast::tcp_stream* stream = nullptr;
  bool idle = true;              // waiting for the first byte of a request
  std::function<void()> wake;    // set while streaming a response
};

// The target of a request line "METHOD TARGET HTTP/1.1" not parsed yet; "" if
// the line is incomplete.
std::string request_line_target(std::string_view seen) {
  const auto line_end = seen.find("\r\n");
  if (line_end == std::string_view::npos) return {};
  const std::string_view line = seen.substr(0, line_end);
  const auto first = line.find(' ');
  const auto last = line.rfind(' ');
  if (first == std::string_view::npos || last <= first) return {};
  return std::string(line.substr(first + 1, last - first - 1));
}

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

}  // namespace

struct Server::Impl {
  ServerOptions opts;
  Application& app;
  asio::io_context ioc{1};
  tcp::acceptor acceptor{ioc};
  asio::signal_set signals{ioc};
  asio::steady_timer grace_timer{ioc};
  asio::thread_pool pool;
  bool stopping = false;
  std::uint64_t next_id = 0;
  std::unordered_map<std::uint64_t, Connection*> connections;

  Impl(ServerOptions o, Application& a)
      : opts(std::move(o)), app(a), pool(static_cast<std::size_t>(std::max(1, opts.handler_threads))) {}

  awaitable<void> accept_loop();
  awaitable<void> serve(tcp::socket socket);
  awaitable<bool> serve_one(beast::tcp_stream& stream, beast::flat_buffer& buffer,
                            Connection& conn, const std::string& remote);
  awaitable<Response> run_handler(Request& req);
  awaitable<void> write(beast::tcp_stream& stream, const Request& req, Response res,
                        bool keep_alive, unsigned version, Connection& conn);
  awaitable<void> write_stream(beast::tcp_stream& stream, http::response<http::empty_body>& head,
                               std::shared_ptr<StreamBody> body, Connection& conn);
  awaitable<void> reject(beast::tcp_stream& stream, int status, const Request& req,
                         Clock::time_point started);
  void begin_shutdown();
  void log(const Request& req, int status, Clock::time_point started) const;
};

void Server::Impl::log(const Request& req, int status, Clock::time_point started) const {
  spdlog::info("{} {} {} {:.1f}ms", req.method.empty() ? "-" : req.method,
               req.path.empty() ? "-" : req.path, status, ms_since(started));
}

awaitable<void> Server::Impl::accept_loop() {
  for (;;) {
    beast::error_code ec;
    tcp::socket socket = co_await acceptor.async_accept(asio::redirect_error(use_awaitable, ec));
    if (ec) {
      if (stopping || !acceptor.is_open()) co_return;
      spdlog::warn("accept failed: {}", ec.message());
      // Out of file descriptors and the like: breathe instead of spinning.
      asio::steady_timer pause(ioc, std::chrono::milliseconds(50));
      co_await pause.async_wait(asio::redirect_error(use_awaitable, ec));
      continue;
    }
    asio::co_spawn(ioc, serve(std::move(socket)), asio::detached);
  }
}

awaitable<void> Server::Impl::serve(tcp::socket socket) {
  beast::tcp_stream stream(std::move(socket));
  std::string remote;
  {
    beast::error_code ec;
    auto ep = stream.socket().remote_endpoint(ec);
    if (!ec) remote = ep.address().to_string();
  }
  Connection conn;
  conn.stream = &stream;
  const std::uint64_t id = next_id++;
  connections.emplace(id, &conn);

  beast::flat_buffer buffer;
  try {
    for (;;) {
      if (stopping) break;
      if (buffer.size() == 0) {
        conn.idle = true;
        stream.expires_after(opts.idle_timeout);
        beast::error_code ec;
        const std::size_t n = co_await stream.async_read_some(
            buffer.prepare(8192), asio::redirect_error(use_awaitable, ec));
        conn.idle = false;
        if (ec) break;
        buffer.commit(n);
      }
      conn.idle = false;
      if (!co_await serve_one(stream, buffer, conn, remote)) break;
    }
  } catch (const std::exception& e) {
    spdlog::warn("connection ended: {}", e.what());
  }

  // Lingering close: stop sending, then read and discard what the client still
  // sends (briefly), so it sees our last response instead of a reset.
  beast::error_code ec;
  stream.socket().shutdown(tcp::socket::shutdown_send, ec);
  if (!ec) {
    stream.expires_after(std::chrono::milliseconds(stopping ? 200 : 1000));
    std::array<char, 8192> scratch;
    std::size_t drained = 0;
    while (drained < 4 * 1024 * 1024) {
      const std::size_t n = co_await stream.async_read_some(
          asio::buffer(scratch), asio::redirect_error(use_awaitable, ec));
      if (ec) break;
      drained += n;
    }
  }
  stream.socket().close(ec);
  connections.erase(id);
  if (stopping && connections.empty()) grace_timer.cancel();
}

awaitable<bool> Server::Impl::serve_one(beast::tcp_stream& stream, beast::flat_buffer& buffer,
                                        Connection& conn, const std::string& remote) {
  const auto started = Clock::now();
  RequestParser parser;
  limit_parser(parser, opts.max_header, opts.max_body);
  Request req;
  req.remote_addr = remote;

  beast::error_code ec;
  stream.expires_after(opts.header_timeout);
  // Beast 1.74 applies header_limit to each parse window, not to the whole
  // header block (fields already parsed do not count), so find the end of the
  // header block ourselves and enforce the total.
  for (;;) {
    const std::string_view seen(static_cast<const char*>(buffer.data().data()), buffer.size());
    const auto end = seen.find("\r\n\r\n");
    if (end != std::string_view::npos ? end + 4 > opts.max_header : seen.size() >= opts.max_header) {
      req.target = request_line_target(seen);  // for the error's shape (JSON under /api/)
      co_await reject(stream, 431, req, started);
      co_return false;
    }
    if (end != std::string_view::npos) break;
    const std::size_t n = co_await stream.async_read_some(
        buffer.prepare(std::min<std::size_t>(8192, opts.max_header + 4 - seen.size())),
        asio::redirect_error(use_awaitable, ec));
    if (ec) {
      if (ec == beast::error::timeout) co_await reject(stream, 408, req, started);
      co_return false;
    }
    buffer.commit(n);
  }
  co_await http::async_read_header(stream, buffer, parser, asio::redirect_error(use_awaitable, ec));
  if (ec) {
    copy_header(parser, req);  // what was parsed, for the error page's language
    if (ec == http::error::header_limit) {
      co_await reject(stream, 431, req, started);
    } else if (ec == http::error::body_limit) {
      co_await reject(stream, 413, req, started);
    } else if (ec == beast::error::timeout) {
      co_await reject(stream, 408, req, started);
    } else if (ec != http::error::end_of_stream && ec != asio::error::eof &&
               ec != asio::error::operation_aborted && ec != asio::error::connection_reset) {
      co_await reject(stream, 400, req, started);
    }
    co_return false;
  }
  copy_header(parser, req);
  if (!fill_target(req)) {
    req.path.clear();
    co_await reject(stream, 400, req, started);
    co_return false;
  }

  if (!parser.is_done()) {
    if (beast::iequals(parser.get()[http::field::expect], "100-continue")) {
      http::response<http::empty_body> cont{http::status::continue_, parser.get().version()};
      stream.expires_after(opts.write_timeout);
      co_await http::async_write(stream, cont, asio::redirect_error(use_awaitable, ec));
      if (ec) co_return false;
    }
    stream.expires_after(opts.body_timeout);
    co_await http::async_read(stream, buffer, parser, asio::redirect_error(use_awaitable, ec));
    if (ec) {
      if (ec == http::error::body_limit) {
        co_await reject(stream, 413, req, started);
      } else if (ec == beast::error::timeout) {
        co_await reject(stream, 408, req, started);
      } else if (ec != http::error::end_of_stream && ec != asio::error::eof &&
                 ec != asio::error::connection_reset) {
        co_await reject(stream, 400, req, started);
      }
      co_return false;
    }
  }
  req.body = std::move(parser.get().body());
  req.cookies = parse_cookies(req.headers.value("Cookie"));
  const unsigned version = parser.get().version();
  bool keep_alive = parser.get().keep_alive();

  Response res = co_await run_handler(req);
  keep_alive = keep_alive && !stopping && !res.stream;
  const int status = res.status;
  co_await write(stream, req, std::move(res), keep_alive, version, conn);
  log(req, status, started);
  co_return keep_alive;
}

awaitable<Response> Server::Impl::run_handler(Request& req) {
  // Hop to the pool, run the (maybe blocking) handler, resume here afterwards.
  co_return co_await asio::co_spawn(
      pool.get_executor(),
      [this, &req]() -> awaitable<Response> {
        try {
          co_return app.handle(req);
        } catch (const std::exception& e) {
          spdlog::error("{} {}: unhandled exception: {}", req.method, req.path, e.what());
        }
        co_return app.reject(500, req);
      },
      use_awaitable);
}

awaitable<void> Server::Impl::reject(beast::tcp_stream& stream, int status, const Request& req,
                                     Clock::time_point started) {
  Response res = app.reject(status, req);
  Connection unused;
  co_await write(stream, req, std::move(res), false, 11, unused);
  log(req, status, started);
}

awaitable<void> Server::Impl::write(beast::tcp_stream& stream, const Request& req, Response res,
                                    bool keep_alive, unsigned version, Connection& conn) {
  http::response_header<> header;
  header.version(version == 10 ? 10 : 11);
  header.result(static_cast<unsigned>(res.status));
  if (const char* reason = reason_phrase(res.status); *reason) header.reason(reason);
  res.headers.erase("Connection");
  res.headers.erase("Content-Length");
  res.headers.erase("Transfer-Encoding");
  for (const auto& [name, value] : res.headers) header.insert(name, value);
  stream.expires_after(opts.write_timeout);
  beast::error_code ec;

  if (res.stream) {
    http::response<http::empty_body> head{std::move(header)};
    co_await write_stream(stream, head, std::move(res.stream), conn);
    co_return;
  }
  const bool no_body = req.method == "HEAD" || res.status == 204 || res.status == 304 ||
                       res.status < 200;
  if (no_body) {
    if (req.method == "HEAD" && res.status != 204 && res.status != 304) {
      header.set(http::field::content_length, std::to_string(res.body.size()));
    }
    http::response<http::empty_body> out{std::move(header)};
    out.keep_alive(keep_alive);
    co_await http::async_write(stream, out, asio::redirect_error(use_awaitable, ec));
  } else {
    http::response<http::string_body> out{std::move(header), std::move(res.body)};
    out.keep_alive(keep_alive);
    out.prepare_payload();
    co_await http::async_write(stream, out, asio::redirect_error(use_awaitable, ec));
  }
}

awaitable<void> Server::Impl::write_stream(beast::tcp_stream& stream,
                                           http::response<http::empty_body>& head,
                                           std::shared_ptr<StreamBody> body, Connection& conn) {
  // The body ends with the connection, so no framing is needed.
  head.keep_alive(false);
  http::response_serializer<http::empty_body> sr{head};
  beast::error_code ec;
  co_await http::async_write_header(stream, sr, asio::redirect_error(use_awaitable, ec));
  if (ec) co_return;

  // The waker may be called from any thread, also after this coroutine ended.
  struct WakeState {
    asio::steady_timer timer;
    bool pending = false;
    explicit WakeState(asio::io_context& ioc) : timer(ioc) {}
  };
  auto state = std::make_shared<WakeState>(ioc);
  std::weak_ptr<WakeState> weak = state;
  asio::io_context* ioc_ptr = &ioc;
  body->set_waker([weak, ioc_ptr] {
    asio::post(*ioc_ptr, [weak] {
      if (auto s = weak.lock()) {
        s->pending = true;
        s->timer.cancel();
      }
    });
  });
  conn.wake = [state] { state->timer.cancel(); };
  const auto keepalive = std::chrono::seconds(std::max(1, body->keepalive_seconds()));

  while (!stopping) {
    state->pending = false;
    std::optional<std::string> chunk = body->poll();
    if (!chunk) break;
    if (chunk->empty()) {
      state->timer.expires_after(keepalive);
      co_await state->timer.async_wait(asio::redirect_error(use_awaitable, ec));
      if (stopping) break;
      if (!ec && !state->pending) chunk = ": keepalive\n\n";  // SSE comment keeps proxies from timing out
      else continue;
    }
    stream.expires_after(opts.write_timeout);
    co_await asio::async_write(stream, asio::buffer(*chunk), asio::redirect_error(use_awaitable, ec));
    if (ec) break;  // the client went away
  }
  body->set_waker({});
  conn.wake = nullptr;
}

void Server::Impl::begin_shutdown() {
  if (stopping) return;
  stopping = true;
  spdlog::info("shutting down: finishing {} open connection(s)", connections.size());
  beast::error_code ec;
  acceptor.close(ec);
  signals.cancel(ec);
  for (auto& [id, conn] : connections) {
    if (conn->idle) conn->stream->cancel();
    if (conn->wake) conn->wake();
  }
  if (connections.empty()) return;
  grace_timer.expires_after(opts.shutdown_grace);
  grace_timer.async_wait([this](beast::error_code wait_ec) {
    if (wait_ec) return;  // every connection ended in time
    spdlog::warn("shutdown grace period over: closing {} connection(s)", connections.size());
    for (auto& [id, conn] : connections) {
      beast::error_code close_ec;
      conn->stream->socket().close(close_ec);
    }
    ioc.stop();
  });
}

Server::Server(ServerOptions opts, Application& app)
    : impl_(std::make_unique<Impl>(std::move(opts), app)) {}

Server::~Server() = default;

core::Status Server::listen() {
  auto& acceptor = impl_->acceptor;
  const auto& opts = impl_->opts;
  const std::string where = opts.host + ":" + std::to_string(opts.port);
  beast::error_code ec;
  tcp::resolver resolver(impl_->ioc);
  auto results = resolver.resolve(opts.host, std::to_string(opts.port),
                                  tcp::resolver::passive | tcp::resolver::numeric_service, ec);
  if (ec || results.empty()) {
    return core::make_error(core::ErrorCode::kUnavailable, "error.server.listen",
                            "cannot resolve " + where + ": " + ec.message());
  }
  const tcp::endpoint endpoint = results.begin()->endpoint();
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    beast::error_code ignored;
    acceptor.close(ignored);
    return core::make_error(core::ErrorCode::kUnavailable, "error.server.listen",
                            "cannot listen on " + where + ": " + ec.message());
  }
  return core::ok_status();
}

std::uint16_t Server::port() const {
  beast::error_code ec;
  auto ep = impl_->acceptor.local_endpoint(ec);
  return ec ? 0 : ep.port();
}

void Server::stop_on_signals() {
  impl_->signals.add(SIGINT);
  impl_->signals.add(SIGTERM);
  impl_->signals.async_wait([impl = impl_.get()](beast::error_code ec, int signal) {
    if (ec) return;
    spdlog::info("signal {} received", signal);
    impl->begin_shutdown();
  });
}

void Server::run() {
  asio::co_spawn(impl_->ioc, impl_->accept_loop(), asio::detached);
  impl_->ioc.run();
  spdlog::info("server stopped");
}

void Server::stop() {
  asio::post(impl_->ioc, [impl = impl_.get()] { impl->begin_shutdown(); });
}

core::Status parse_listen(std::string_view text, ServerOptions& opts) {
  auto bad = [&] {
    return core::make_error(core::ErrorCode::kInvalidInput, "error.server.listen",
                            "--listen wants HOST:PORT, e.g. 127.0.0.1:8080, got '" +
                                std::string(text) + "'");
  };
  const auto colon = text.rfind(':');
  if (colon == std::string_view::npos) return bad();
  std::string_view host = text.substr(0, colon);
  std::string_view port = text.substr(colon + 1);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  } else if (host.find(':') != std::string_view::npos) {
    return bad();
  }
  unsigned value = 0;
  auto [ptr, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
  if (port.empty() || ec != std::errc() || ptr != port.data() + port.size() || value > 65535) {
    return bad();
  }
  opts.host = host.empty() ? "127.0.0.1" : std::string(host);
  opts.port = static_cast<std::uint16_t>(value);
  return core::ok_status();
}

}  // namespace solipraxis::web
