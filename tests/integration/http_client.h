// A tiny raw HTTP/1.1 client for integration tests: plain POSIX sockets on
// loopback, so tests can send exactly the bytes they want (malformed request
// lines, huge headers, half a body) and read what the server really sends.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace solipraxis::testing {

struct HttpResponse {
  int status = 0;
  std::string reason;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  std::string header(std::string_view name) const;  // case-insensitive, "" when absent
  std::vector<std::string> headers_named(std::string_view name) const;
};

class Connection {
 public:
  explicit Connection(std::uint16_t port);  // connects to 127.0.0.1:port; throws on failure
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  bool send(std::string_view bytes);  // false when the peer closed
  // Reads one response. `head_request`: no body follows. nullopt on EOF/timeout
  // before a complete response.
  std::optional<HttpResponse> read(bool head_request = false,
                                   std::chrono::milliseconds timeout = std::chrono::seconds(10));
  // For a streamed body (Server-Sent Events): everything received up to and
  // including the next `marker`, taken from what was read; nullopt on EOF or
  // timeout before it (what arrived stays for the next call).
  std::optional<std::string> read_until(std::string_view marker,
                                        std::chrono::milliseconds timeout = std::chrono::seconds(10));
  // True when the server closed the connection (EOF) within the timeout.
  bool closed_by_peer(std::chrono::milliseconds timeout = std::chrono::seconds(5));
  void shutdown_write();

 private:
  int fd_ = -1;
  std::string buffer_;
  // Appends bytes to buffer_; false on EOF, error or timeout.
  bool fill(std::chrono::steady_clock::time_point deadline);
};

// One request on a fresh connection. `extra_headers` are full lines with
// "\r\n" each; Host and Connection: close are added.
std::optional<HttpResponse> request(std::uint16_t port, std::string_view method,
                                    std::string_view target, std::string_view extra_headers = "",
                                    std::string_view body = "");
inline std::optional<HttpResponse> get(std::uint16_t port, std::string_view target,
                                       std::string_view extra_headers = "") {
  return request(port, "GET", target, extra_headers);
}

}  // namespace solipraxis::testing
