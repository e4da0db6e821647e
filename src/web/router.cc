#include "web/router.h"

#include <algorithm>
#include <stdexcept>

namespace solipraxis::web {

namespace {

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> parts;
  if (path.empty() || path.front() != '/') return parts;
  path.remove_prefix(1);
  while (true) {
    const auto slash = path.find('/');
    parts.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return parts;  // "/" -> {""}, "/a/" -> {"a", ""}
}

std::vector<Router::Segment> parse_pattern(std::string_view pattern) {
  if (pattern.empty() || pattern.front() != '/') {
    throw std::invalid_argument("route pattern must start with '/': " + std::string(pattern));
  }
  std::vector<Router::Segment> segments;
  const auto parts = split_path(pattern);
  for (std::size_t i = 0; i < parts.size(); ++i) {
    std::string_view p = parts[i];
    Router::Segment s;
    if (p.size() >= 2 && p.front() == '{' && p.back() == '}') {
      p = p.substr(1, p.size() - 2);
      if (p.ends_with("...")) {
        if (i + 1 != parts.size()) {
          throw std::invalid_argument("rest parameter must be last: " + std::string(pattern));
        }
        s.kind = Router::Segment::kRest;
        p.remove_suffix(3);
      } else {
        s.kind = Router::Segment::kParam;
      }
      if (p.empty()) throw std::invalid_argument("empty parameter: " + std::string(pattern));
    }
    s.text = std::string(p);
    segments.push_back(std::move(s));
  }
  return segments;
}

// The remainder of the path from part `i` on (may contain '/').
std::string_view rest_of(const std::vector<std::string_view>& parts, std::size_t i,
                         std::string_view path) {
  return path.substr(static_cast<std::size_t>(parts[i].data() - path.data()));
}

// Whether the route's segments match the path's parts. Allocates nothing: it
// runs for every route on every request.
bool matches(const std::vector<Router::Segment>& segs, const std::vector<std::string_view>& parts,
             std::string_view path) {
  for (std::size_t i = 0; i < segs.size(); ++i) {
    const auto& s = segs[i];
    if (i >= parts.size()) return false;
    if (s.kind == Router::Segment::kRest) return !rest_of(parts, i, path).empty();
    if (s.kind == Router::Segment::kLiteral ? parts[i] != s.text : parts[i].empty()) return false;
  }
  return segs.size() == parts.size();
}

// The path parameters of a route that matches().
std::map<std::string, std::string, std::less<>> params_of(
    const std::vector<Router::Segment>& segs, const std::vector<std::string_view>& parts,
    std::string_view path) {
  std::map<std::string, std::string, std::less<>> params;
  for (std::size_t i = 0; i < segs.size() && i < parts.size(); ++i) {
    const auto& s = segs[i];
    if (s.kind == Router::Segment::kRest) {
      params.emplace(s.text, std::string(rest_of(parts, i, path)));
      break;
    }
    if (s.kind == Router::Segment::kParam) params.emplace(s.text, std::string(parts[i]));
  }
  return params;
}

// Lower is more specific.
bool more_specific(const Router::Route& a, const Router::Route& b) {
  const auto n = std::min(a.segments.size(), b.segments.size());
  for (std::size_t i = 0; i < n; ++i) {
    if (a.segments[i].kind != b.segments[i].kind) return a.segments[i].kind < b.segments[i].kind;
  }
  return a.segments.size() > b.segments.size();
}

}  // namespace

const char* route_access_name(RouteAccess access) {
  switch (access) {
    case RouteAccess::kPublic: return "public";
    case RouteAccess::kSignedIn: return "signed-in";
    case RouteAccess::kMember: return "member";
    case RouteAccess::kEditor: return "editor";
    case RouteAccess::kOwner: return "owner";
  }
  return "?";
}

bool is_state_changing(std::string_view method) {
  return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

void Router::add(std::string method, std::string_view pattern, Handler handler,
                 RouteAccess access) {
  Route r{std::move(method), std::string(pattern), parse_pattern(pattern), std::move(handler),
          access};
  for (const auto& existing : routes_) {
    if (existing.method == r.method && existing.pattern == r.pattern) {
      throw std::invalid_argument("duplicate route: " + r.method + " " + r.pattern);
    }
  }
  routes_.push_back(std::move(r));
}

Router::Match Router::match(std::string_view method, std::string_view path) const {
  Match m;
  const auto parts = split_path(path);
  if (parts.empty()) return m;
  const Route* best = nullptr;
  const Route* best_get = nullptr;  // HEAD falls back to GET
  for (const auto& route : routes_) {
    if (!matches(route.segments, parts, path)) continue;
    if (std::find(m.allowed.begin(), m.allowed.end(), route.method) == m.allowed.end()) {
      m.allowed.push_back(route.method);
    }
    if (route.method == method) {
      if (!best || more_specific(route, *best)) best = &route;
    } else if (method == "HEAD" && route.method == "GET") {
      if (!best_get || more_specific(route, *best_get)) best_get = &route;
    }
  }
  if (!best) best = best_get;
  if (best) {
    m.outcome = Match::kFound;
    m.route = best;
    m.params = params_of(best->segments, parts, path);
    m.allowed.clear();
    return m;
  }
  if (!m.allowed.empty()) {
    m.outcome = Match::kMethodNotAllowed;
    if (std::find(m.allowed.begin(), m.allowed.end(), "GET") != m.allowed.end() &&
        std::find(m.allowed.begin(), m.allowed.end(), "HEAD") == m.allowed.end()) {
      m.allowed.push_back("HEAD");
    }
    std::sort(m.allowed.begin(), m.allowed.end());
  }
  return m;
}

}  // namespace solipraxis::web
