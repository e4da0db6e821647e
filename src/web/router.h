// Maps (method, path) to a handler. Patterns are '/'-separated segments:
// literal ("tools"), a parameter ("{org}", one non-empty segment) or a rest
// parameter ("{path...}", the remainder, last segment only). When several
// patterns match, the most specific wins (literal before {param} before
// {rest...}, segment by segment). HEAD falls back to the GET route. A path that
// matches with another method gives kMethodNotAllowed and the allowed methods.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "web/http.h"

namespace solipraxis::web {

// Handlers may block (store calls); they run on the server's handler pool.
using Handler = std::function<Response(Request&)>;

class Router {
 public:
  struct Segment {
    enum Kind { kLiteral = 0, kParam = 1, kRest = 2 } kind = kLiteral;
    std::string text;  // the literal, or the parameter name
  };
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<Segment> segments;
    Handler handler;
  };
  struct Match {
    enum Outcome { kFound, kMethodNotAllowed, kNotFound } outcome = kNotFound;
    const Route* route = nullptr;
    std::map<std::string, std::string, std::less<>> params;
    std::vector<std::string> allowed;  // for kMethodNotAllowed, e.g. {"GET","HEAD"}
  };

  // Throws std::invalid_argument on a malformed pattern or a duplicate route
  // (a programming error found at start).
  void add(std::string method, std::string_view pattern, Handler handler);
  void get(std::string_view pattern, Handler h) { add("GET", pattern, std::move(h)); }
  void post(std::string_view pattern, Handler h) { add("POST", pattern, std::move(h)); }
  void put(std::string_view pattern, Handler h) { add("PUT", pattern, std::move(h)); }
  void patch(std::string_view pattern, Handler h) { add("PATCH", pattern, std::move(h)); }
  void del(std::string_view pattern, Handler h) { add("DELETE", pattern, std::move(h)); }

  Match match(std::string_view method, std::string_view path) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace solipraxis::web
