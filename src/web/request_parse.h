// From the bytes of an HTTP/1.1 request to our Request: the steps the server
// (server.cc, reading asynchronously) and the fuzz target (request_fuzz.cc, all
// bytes at once) share, so both judge a request alike. Beast stays inside web/.
// Guarantee: a Request that comes out has a path and query that are
// percent-decoded, valid UTF-8 and free of control characters (see http.h).
#pragma once

#include <cstddef>
#include <string_view>

#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include "web/http.h"

namespace solipraxis::web {

using RequestParser = boost::beast::http::request_parser<boost::beast::http::string_body>;

// Applies the server's limits: header fields (per parse window) and body size.
void limit_parser(RequestParser& parser, std::size_t max_header, std::size_t max_body);
// Method, raw target and header fields of what the parser has read so far.
void copy_header(const RequestParser& parser, Request& req);
// Fills path and query from the raw target. false: answer 400.
bool fill_target(Request& req);

// A whole request in `bytes`, judged as the server judges it: status 0 and the
// Request, or the error status the server answers (400, 413, 431) with what
// was parsed (for the error's language and shape).
struct ParsedRequest {
  int status = 0;
  Request req;
};
ParsedRequest parse_request(std::string_view bytes, std::size_t max_header, std::size_t max_body);

}  // namespace solipraxis::web
