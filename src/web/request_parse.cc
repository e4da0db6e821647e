#include <utility>  // before Asio: Boost 1.74 + GCC 12 coroutines need it first

#include "web/request_parse.h"

#include <boost/asio/buffer.hpp>
#include <boost/beast/http/error.hpp>

namespace solipraxis::web {

namespace http = boost::beast::http;

void limit_parser(RequestParser& parser, std::size_t max_header, std::size_t max_body) {
  parser.header_limit(static_cast<std::uint32_t>(max_header));
  parser.body_limit(max_body);
}

void copy_header(const RequestParser& parser, Request& req) {
  const auto& h = parser.get();
  req.method = std::string(h.method_string());
  req.target = std::string(h.target());
  for (const auto& f : h) {
    req.headers.add(std::string_view(f.name_string().data(), f.name_string().size()),
                    std::string_view(f.value().data(), f.value().size()));
  }
}

bool fill_target(Request& req) {
  std::string_view target = req.target;
  if (target.empty() || target.front() != '/') return false;
  const auto q = target.find('?');
  auto path = percent_decode(target.substr(0, q), false);
  if (!path) return false;
  req.path = std::move(*path);
  if (q != std::string_view::npos) {
    auto query = parse_urlencoded(target.substr(q + 1));
    if (!query) return false;
    req.query = std::move(*query);
  }
  return true;
}

ParsedRequest parse_request(std::string_view bytes, std::size_t max_header,
                            std::size_t max_body) {
  ParsedRequest out;
  // The server counts the whole header block against max_header (Beast 1.74
  // counts per parse window only); an incomplete request is a 400 here, where
  // the server would wait and answer 408.
  const auto end = bytes.find("\r\n\r\n");
  if (end == std::string_view::npos ? bytes.size() >= max_header : end + 4 > max_header) {
    out.status = end == std::string_view::npos && bytes.size() < max_header ? 400 : 431;
    return out;
  }
  if (end == std::string_view::npos) {
    out.status = 400;
    return out;
  }
  RequestParser parser;
  limit_parser(parser, max_header, max_body);
  parser.eager(true);
  boost::beast::error_code ec;
  std::size_t used = 0;
  while (!ec && !parser.is_done() && used < bytes.size()) {
    const std::size_t n =
        parser.put(boost::asio::buffer(bytes.data() + used, bytes.size() - used), ec);
    if (n == 0 && !ec) break;
    used += n;
  }
  if (!ec && !parser.is_done()) {
    parser.put_eof(ec);
    if (!ec && !parser.is_done()) ec = http::error::partial_message;
  }
  copy_header(parser, out.req);
  if (ec) {
    out.status = ec == http::error::header_limit ? 431 : ec == http::error::body_limit ? 413 : 400;
    return out;
  }
  if (!fill_target(out.req)) {
    out.req.path.clear();
    out.status = 400;
    return out;
  }
  out.req.body = std::move(parser.get().body());
  out.req.cookies = parse_cookies(out.req.headers.value("Cookie"));
  return out;
}

}  // namespace solipraxis::web
