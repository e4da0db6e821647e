// The base of the absolute links the app hands out (public register JSON and
// Atom, iCalendar feeds, invitation links): "http(s)://authority[/path]"
// without a trailing slash. `serve --public-url` pins it; without it the
// request's Host header is used, but only when it is a syntactically valid
// host[:port], else the listen address. So a forged Host header can never put
// a path, query, user info or markup into a feed, and none at all with a pinned URL.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace solipraxis::web {

// "name", "name:port", "1.2.3.4:port", "[v6]" or "[v6]:port": DNS labels of
// letters, digits and inner hyphens (at most 63 characters each, 253 in all),
// an IPv6 literal of hex digits, ':' and '.', a port 1..65535.
bool valid_host_port(std::string_view host);

// Checks a --public-url value: http or https, a valid host[:port], an
// optional path of URL-safe characters, no user info, query or fragment.
// Returns it without trailing slashes and with a lower-case scheme, or
// kInvalidInput "error.public_url.invalid" whose detail says what is wrong.
core::Result<std::string> parse_public_url(std::string_view url);

// The base for one request: `public_url` when set; else `scheme` + the Host
// header when valid_host_port; else `scheme` + `listen_authority` (host:port
// the server listens on; "localhost" when empty).
std::string link_base(std::string_view public_url, std::string_view scheme,
                      std::string_view host_header, std::string_view listen_authority);

}  // namespace solipraxis::web
