// Maps (method, path) to a handler. Patterns are '/'-separated segments:
// literal ("tools"), a parameter ("{org}", one non-empty segment) or a rest
// parameter ("{path...}", the remainder, last segment only). When several
// patterns match, the most specific wins (literal before {param} before
// {rest...}, segment by segment). HEAD falls back to the GET route. A path that
// matches with another method gives kMethodNotAllowed and the allowed methods.
//
// Every route declares who may call it (RouteAccess). The handler enforces it
// (auth::Auth::require_user / require_member); the router only records it, so
// that tests/integration/route_matrix_test.cc can check every route against its
// declaration: a route added later is covered without editing that test.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "web/http.h"

namespace solipraxis::web {

// Who may call a route. kPublic: anyone; kSignedIn: any signed-in person;
// kMember/kEditor/kOwner: at least that role in the route's {org} (others get
// 404, lower roles 403, anonymous the sign-in page or 401).
enum class RouteAccess { kPublic = 0, kSignedIn = 1, kMember = 2, kEditor = 3, kOwner = 4 };

// "public", "signed-in", "member", "editor", "owner".
const char* route_access_name(RouteAccess access);

// True for methods that may change state (everything but GET, HEAD, OPTIONS):
// these need the CSRF token when a session cookie is sent.
bool is_state_changing(std::string_view method);

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
    RouteAccess access = RouteAccess::kPublic;
    bool changes_state() const { return is_state_changing(method); }
  };
  struct Match {
    enum Outcome { kFound, kMethodNotAllowed, kNotFound } outcome = kNotFound;
    const Route* route = nullptr;
    std::map<std::string, std::string, std::less<>> params;
    std::vector<std::string> allowed;  // for kMethodNotAllowed, e.g. {"GET","HEAD"}
  };

  // Throws std::invalid_argument on a malformed pattern or a duplicate route
  // (a programming error found at start).
  void add(std::string method, std::string_view pattern, Handler handler, RouteAccess access);
  void get(std::string_view p, Handler h, RouteAccess a) { add("GET", p, std::move(h), a); }
  void post(std::string_view p, Handler h, RouteAccess a) { add("POST", p, std::move(h), a); }
  void put(std::string_view p, Handler h, RouteAccess a) { add("PUT", p, std::move(h), a); }
  void patch(std::string_view p, Handler h, RouteAccess a) { add("PATCH", p, std::move(h), a); }
  void del(std::string_view p, Handler h, RouteAccess a) { add("DELETE", p, std::move(h), a); }

  Match match(std::string_view method, std::string_view path) const;
  // The whole table, in the order routes were added.
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace solipraxis::web
