// Access matrices generated from the server's own route table (router.h): a
// route added to routes.cc is covered here the day it appears, with the access
// it declares. For every route:
//   - under /o/{org} or /api/v1/orgs/{org}: the owner of another org gets 404,
//     and cannot reach this org's objects through their own org's URL either;
//   - declared signed-in or above: anonymous gets the sign-in page (HTML) or 401;
//   - under an org: owner, editor and member get exactly what the table declares
//     (403 below the declared role, no denial at or above it);
//   - changing state: no CSRF token, a wrong one or another session's one is
//     refused with 403.
// Every refused request leaves the org's data (audit log, tools, members, ...;
// RouteWorld::snapshot) exactly as it was.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "route_world.h"
#include "store/orgs.h"

namespace solipraxis::web {
namespace {

class RouteMatrix : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { world_ = std::make_unique<RouteWorld>(); }
  static void TearDownTestSuite() { world_.reset(); }

  static std::string name(const Router::Route& r) { return r.method + " " + r.pattern; }
  // The route's path for org `org` with objects made in acme; fails the test
  // (with where to describe the parameter) when it cannot be filled.
  static std::optional<FilledPath> path(const Router::Route& r, const std::string& org) {
    std::string missing;
    auto p = fill_path(*world_, r, org, world_->acme, &missing);
    if (!p) {
      ADD_FAILURE() << name(r) << ": the matrices cannot fill the path parameter " << missing
                    << "; describe it in param_fillers() in tests/integration/route_world.cc";
    }
    return p;
  }
  static bool is_exercised(const Router::Route& r) {
    return r.access != RouteAccess::kPublic || r.changes_state();
  }

  static std::unique_ptr<RouteWorld> world_;
};

std::unique_ptr<RouteWorld> RouteMatrix::world_;

RouteAccess access_of(store::Role role) {
  switch (role) {
    case store::Role::kOwner: return RouteAccess::kOwner;
    case store::Role::kEditor: return RouteAccess::kEditor;
    case store::Role::kMember: return RouteAccess::kMember;
  }
  return RouteAccess::kMember;
}

// A refusal of the caller. A 404 is not one here: a form posted empty may name
// no object (pages, which need no body, must answer 2xx or 3xx instead).
bool is_denial(int status) { return status == 401 || status == 403 || status == 405; }

TEST_F(RouteMatrix, TheTableDeclaresOrgAccessForEveryOrgRoute) {
  ASSERT_GT(world_->routes().size(), 50u);
  for (const auto& r : world_->routes()) {
    if (is_org_route(r)) {
      EXPECT_GE(r.access, RouteAccess::kMember) << name(r) << " is under an org but declared "
                                                << route_access_name(r.access);
    } else if (r.access >= RouteAccess::kMember) {
      ADD_FAILURE() << name(r) << " declares an org role but has no {org}";
    }
  }
}

TEST_F(RouteMatrix, EveryExercisedRouteCanBeFilled) {
  for (const auto& r : world_->routes()) {
    if (is_exercised(r)) path(r, "acme");
  }
}

TEST_F(RouteMatrix, AnotherOrgsOwnerGetsNotFoundAndNothingChanges) {
  RouteWorld& w = *world_;
  int checked = 0;
  for (const auto& r : w.routes()) {
    if (!is_org_route(r)) continue;
    // acme's URL, and acme's objects through the outsider's own org's URL.
    for (const std::string org : {"acme", "other"}) {
      auto p = path(r, org);
      if (!p || (org == "other" && !p->has_owned_param)) continue;
      const std::string before = w.snapshot(w.acme);
      const auto res = w.send(w.outsider_b, r, p->path, w.outsider_b.csrf());
      if (org == "acme") {
        EXPECT_EQ(res.status, 404) << name(r) << " as the owner of another org: " << p->path;
      } else {
        // Their own org's URL: a form posted empty may be refused as incomplete
        // (400) before the object is looked up; it must never be found.
        EXPECT_TRUE(res.status == 404 || res.status == 400)
            << name(r) << " reached acme's object: " << p->path << " got " << res.status;
      }
      EXPECT_EQ(w.snapshot(w.acme), before) << name(r) << " changed acme's data: " << p->path;
      ++checked;
    }
  }
  EXPECT_GT(checked, 40);
}

TEST_F(RouteMatrix, AnonymousIsAskedToSignInAndNothingChanges) {
  RouteWorld& w = *world_;
  for (const auto& r : w.routes()) {
    if (r.access == RouteAccess::kPublic) continue;
    auto p = path(r, "acme");
    if (!p) continue;
    const std::string before = w.snapshot(w.acme);
    // The pre-session token a sign-in form carries: CSRF passes, the handler decides.
    const auto res = w.send(w.anonymous_b, r, p->path, w.anonymous_b.csrf());
    if (p->path.starts_with("/api/")) {
      EXPECT_EQ(res.status, 401) << name(r);
      EXPECT_TRUE(contains(res.body, "\"error\"")) << name(r) << ": " << res.body;
    } else if (r.changes_state()) {
      EXPECT_EQ(res.status, 401) << name(r);
      EXPECT_TRUE(contains(res.body, "action=\"/login\"")) << name(r) << ": no sign-in form";
    } else {
      EXPECT_EQ(res.status, 303) << name(r);
      EXPECT_TRUE(res.header("Location").starts_with("/login")) << name(r);
    }
    EXPECT_EQ(w.snapshot(w.acme), before) << name(r) << " changed data for an anonymous caller";
  }
}

TEST_F(RouteMatrix, EachRoleGetsWhatTheTableDeclares) {
  RouteWorld& w = *world_;
  for (const auto& r : w.routes()) {
    if (!is_org_route(r)) continue;
    for (store::Role role : {store::Role::kMember, store::Role::kEditor, store::Role::kOwner}) {
      auto p = path(r, "acme");
      if (!p) break;
      Browser& b = w.as(role);
      const std::string before = w.snapshot(w.acme);
      const auto res = w.send(b, r, p->path, b.csrf());
      const std::string who = std::string("as ") + store::role_name(role) + ", declared " +
                              route_access_name(r.access) + ": " + p->path;
      if (access_of(role) < r.access) {
        EXPECT_EQ(res.status, 403) << name(r) << " " << who;
        EXPECT_EQ(w.snapshot(w.acme), before) << name(r) << " changed data " << who;
      } else {
        EXPECT_FALSE(is_denial(res.status)) << name(r) << " " << who << " got " << res.status;
        EXPECT_LT(res.status, r.changes_state() ? 500 : 400) << name(r) << " " << who;
      }
    }
  }
}

TEST_F(RouteMatrix, ForgedCsrfTokensAreRefusedAndNothingChanges) {
  RouteWorld& w = *world_;
  const std::string editors = w.editor_b.csrf();
  ASSERT_NE(editors, w.owner_b.csrf());
  int checked = 0;
  for (const auto& r : w.routes()) {
    if (!r.changes_state()) continue;
    for (const std::string& forged : {std::string(), std::string(43, 'A'), editors}) {
      auto p = path(r, "acme");
      if (!p) break;
      const std::string before = w.snapshot(w.acme);
      const auto res = w.send(w.owner_b, r, p->path, forged);
      const std::string what = forged.empty() ? "no token" : forged == editors
                                                                 ? "another session's token"
                                                                 : "a wrong token";
      EXPECT_EQ(res.status, 403) << name(r) << " with " << what;
      EXPECT_EQ(w.snapshot(w.acme), before) << name(r) << " changed data with " << what;
      ++checked;
    }
  }
  EXPECT_GT(checked, 60);
  // The owner's own token still works afterwards (the refusals were not a lockout).
  EXPECT_EQ(w.owner_b.get("/o/acme").status, 200);
}

}  // namespace
}  // namespace solipraxis::web
