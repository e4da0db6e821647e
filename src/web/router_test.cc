#include "web/router.h"

#include <gtest/gtest.h>

namespace solipraxis::web {
namespace {

Handler named(std::string name) {
  return [name](Request&) { return Response::text(name); };
}

std::string call(const Router::Match& m) {
  Request req;
  return m.route->handler(req).body;
}

TEST(Router, MatchesLiteralsAndParameters) {
  Router r;
  r.get("/", named("home"), RouteAccess::kPublic);
  r.get("/o/{org}/tools/{id}", named("tool"), RouteAccess::kPublic);
  auto m = r.match("GET", "/o/acme/tools/42");
  ASSERT_EQ(m.outcome, Router::Match::kFound);
  EXPECT_EQ(call(m), "tool");
  EXPECT_EQ(m.params.at("org"), "acme");
  EXPECT_EQ(m.params.at("id"), "42");
  EXPECT_EQ(call(r.match("GET", "/")), "home");
}

TEST(Router, UnknownPathIsNotFound) {
  Router r;
  r.get("/o/{org}", named("org"), RouteAccess::kPublic);
  EXPECT_EQ(r.match("GET", "/x").outcome, Router::Match::kNotFound);
  EXPECT_EQ(r.match("GET", "/o").outcome, Router::Match::kNotFound);
  EXPECT_EQ(r.match("GET", "/o/").outcome, Router::Match::kNotFound);  // empty parameter
  EXPECT_EQ(r.match("GET", "/o/acme/more").outcome, Router::Match::kNotFound);
  EXPECT_EQ(r.match("GET", "").outcome, Router::Match::kNotFound);
}

TEST(Router, WrongMethodListsAllowedMethods) {
  Router r;
  r.get("/items", named("list"), RouteAccess::kPublic);
  r.post("/items", named("create"), RouteAccess::kPublic);
  auto m = r.match("DELETE", "/items");
  ASSERT_EQ(m.outcome, Router::Match::kMethodNotAllowed);
  EXPECT_EQ(m.allowed, (std::vector<std::string>{"GET", "HEAD", "POST"}));
}

TEST(Router, HeadFallsBackToGet) {
  Router r;
  r.get("/page", named("page"), RouteAccess::kPublic);
  auto m = r.match("HEAD", "/page");
  ASSERT_EQ(m.outcome, Router::Match::kFound);
  EXPECT_EQ(call(m), "page");
}

TEST(Router, LiteralBeatsParameterBeatsRest) {
  Router r;
  r.get("/o/{org}", named("param"), RouteAccess::kPublic);
  r.get("/o/new", named("literal"), RouteAccess::kPublic);
  r.get("/o/{path...}", named("rest"), RouteAccess::kPublic);
  EXPECT_EQ(call(r.match("GET", "/o/new")), "literal");
  EXPECT_EQ(call(r.match("GET", "/o/acme")), "param");
  auto m = r.match("GET", "/o/a/b/c");
  EXPECT_EQ(call(m), "rest");
  EXPECT_EQ(m.params.at("path"), "a/b/c");
}

TEST(Router, RestParameterNeedsAtLeastOneCharacter) {
  Router r;
  r.get("/static/{path...}", named("static"), RouteAccess::kPublic);
  EXPECT_EQ(r.match("GET", "/static/").outcome, Router::Match::kNotFound);
  EXPECT_EQ(r.match("GET", "/static/css/app.css").params.at("path"), "css/app.css");
}

TEST(Router, RejectsBadPatternsAndDuplicates) {
  Router r;
  EXPECT_THROW(r.get("nope", named("x"), RouteAccess::kPublic), std::invalid_argument);
  EXPECT_THROW(r.get("/{rest...}/more", named("x"), RouteAccess::kPublic), std::invalid_argument);
  EXPECT_THROW(r.get("/{}", named("x"), RouteAccess::kPublic), std::invalid_argument);
  r.get("/a", named("a"), RouteAccess::kPublic);
  EXPECT_THROW(r.get("/a", named("again"), RouteAccess::kPublic), std::invalid_argument);
  EXPECT_NO_THROW(r.post("/a", named("post"), RouteAccess::kPublic));
}

}  // namespace
}  // namespace solipraxis::web
