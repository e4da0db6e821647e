// The world the route matrices run in (route_matrix_test.cc): org "acme" with
// an owner, an editor and a member signed in, org "other" whose owner attacks
// acme, and a way to turn any route of the server's own table into a concrete
// request. Path parameters are filled by kParamFillers, keyed by the segment
// before them ("tools/{id}"): each filler creates a fresh object in the org, so
// a request that deletes it does not disturb the next one. A route whose
// parameter has no filler cannot be exercised; the matrices fail on it with a
// message that says where to describe it.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>

#include "store/orgs.h"
#include "store/users.h"
#include "web/router.h"
#include "web_fixture.h"

namespace solipraxis::web {

class RouteWorld;

struct ParamFiller {
  // True when the value names something owned by the org (a tool, a member), so
  // the owner of another org must not reach it through their own org's URL.
  bool org_owned = true;
  std::function<std::string(RouteWorld&, const store::Org&)> make;
};

// Keyed by "<segment before>/{<param>}"; "{org}" is filled by the caller.
const std::map<std::string, ParamFiller>& param_fillers();

// "tools/{id}" for the parameter at segment `i` of `route`.
std::string param_key(const Router::Route& route, std::size_t i);

// A concrete path for `route` with {org} = `org` and the other parameters filled
// by creating objects in `owner_org`. nullopt (and `missing` set to the key) when
// a parameter has no filler. `has_owned_param` says whether any filled parameter
// names an org-owned object.
struct FilledPath {
  std::string path;
  bool has_owned_param = false;
};
std::optional<FilledPath> fill_path(RouteWorld& w, const Router::Route& route,
                                    const std::string& org, const store::Org& owner_org,
                                    std::string* missing);

// True for routes under /o/{org} or /api/v1/orgs/{org}.
bool is_org_route(const Router::Route& route);

class RouteWorld {
 public:
  RouteWorld();

  AuthServer srv;
  store::Org acme, other;
  store::User owner, editor, member, outsider;  // outsider: owner of "other"
  Browser owner_b, editor_b, member_b, outsider_b, anonymous_b;

  Browser& as(store::Role role);
  // Sends the route's method to `path` as `b` would: an HTML form with its CSRF
  // token (`csrf`) or, under /api/, a JSON body and the X-CSRF-Token header.
  testing::HttpResponse send(Browser& b, const Router::Route& route, const std::string& path,
                             const std::string& csrf);
  // Every route of the server, in table order.
  const std::vector<Router::Route>& routes() { return srv.app().router().routes(); }

  // Everything about `org` a request could change, plus the owner's account:
  // the audit log, tools, members, invites, red lines, catalog changes, checker
  // settings, review feed and the owner's name, password and tokens.
  std::string snapshot(const store::Org& org);
  std::string first_catalog_entry();
  // The session CSRF token of `b` (read from its account page).
  static std::string session_csrf(Browser& b);
};

}  // namespace solipraxis::web
