#include "web/public_url.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace solipraxis::web {
namespace {

bool is_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }
bool is_hex(char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }

bool valid_dns_name(std::string_view name) {
  if (name.empty() || name.size() > 253) return false;
  if (name.back() == '.') name.remove_suffix(1);  // the root label ("example.org.")
  while (true) {
    const auto dot = name.find('.');
    const std::string_view label = name.substr(0, dot);
    if (label.empty() || label.size() > 63) return false;
    if (label.front() == '-' || label.back() == '-') return false;
    if (!std::all_of(label.begin(), label.end(), [](char c) { return is_alnum(c) || c == '-'; }))
      return false;
    if (dot == std::string_view::npos) return true;
    name.remove_prefix(dot + 1);
  }
}

bool valid_ipv6_literal(std::string_view v6) {  // inside the brackets
  if (v6.size() < 2 || v6.size() > 45) return false;
  const bool chars =
      std::all_of(v6.begin(), v6.end(), [](char c) { return is_hex(c) || c == ':' || c == '.'; });
  return chars && std::count(v6.begin(), v6.end(), ':') >= 2;
}

bool valid_port(std::string_view port) {
  if (port.empty() || port.size() > 5) return false;
  unsigned value = 0;
  auto [p, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
  return ec == std::errc{} && p == port.data() + port.size() && value >= 1 && value <= 65535;
}

bool valid_path_char(char c) {
  return is_alnum(c) || std::string_view("-._~/%").find(c) != std::string_view::npos;
}

core::Error invalid(std::string detail) {
  return core::make_error(core::ErrorCode::kInvalidInput, "error.public_url.invalid",
                          "--public-url: " + std::move(detail));
}

}  // namespace

bool valid_host_port(std::string_view host) {
  std::string_view port;
  if (host.starts_with('[')) {
    const auto close = host.find(']');
    if (close == std::string_view::npos || !valid_ipv6_literal(host.substr(1, close - 1)))
      return false;
    const std::string_view rest = host.substr(close + 1);
    if (rest.empty()) return true;
    return rest.front() == ':' && valid_port(rest.substr(1));
  }
  const auto colon = host.find(':');
  if (colon != std::string_view::npos) {
    port = host.substr(colon + 1);
    host = host.substr(0, colon);
    if (!valid_port(port)) return false;
  }
  return valid_dns_name(host);
}

core::Result<std::string> parse_public_url(std::string_view url) {
  const auto sep = url.find("://");
  if (sep == std::string_view::npos) return invalid("must start with http:// or https://");
  std::string scheme(url.substr(0, sep));
  std::transform(scheme.begin(), scheme.end(), scheme.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (scheme != "http" && scheme != "https")
    return invalid("must start with http:// or https://");
  std::string_view rest = url.substr(sep + 3);
  if (rest.find_first_of("?#") != std::string_view::npos)
    return invalid("no query (?) or fragment (#) allowed");
  const auto slash = rest.find('/');
  const std::string_view authority = rest.substr(0, slash);
  std::string_view path = slash == std::string_view::npos ? "" : rest.substr(slash);
  if (authority.find('@') != std::string_view::npos) return invalid("no user name or password");
  if (!valid_host_port(authority)) return invalid("not a valid host[:port]");
  if (!std::all_of(path.begin(), path.end(), valid_path_char))
    return invalid("the path may hold letters, digits and - . _ ~ / % only");
  while (path.ends_with('/')) path.remove_suffix(1);
  return scheme + "://" + std::string(authority) + std::string(path);
}

std::string link_base(std::string_view public_url, std::string_view scheme,
                      std::string_view host_header, std::string_view listen_authority) {
  if (!public_url.empty()) return std::string(public_url);
  std::string out(scheme);
  out += "://";
  if (valid_host_port(host_header)) return out + std::string(host_header);
  return out + (listen_authority.empty() ? std::string("localhost") : std::string(listen_authority));
}

}  // namespace solipraxis::web
