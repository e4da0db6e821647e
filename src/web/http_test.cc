#include "web/http.h"

#include "core/text_field.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace solipraxis::web {
namespace {

TEST(Headers, NamesAreCaseInsensitive) {
  Headers h;
  h.add("Content-Type", "text/html");
  EXPECT_EQ(h.value("content-type"), "text/html");
  EXPECT_TRUE(h.has("CONTENT-TYPE"));
  h.set("content-TYPE", "application/json");
  EXPECT_EQ(h.size(), 1u);
  EXPECT_EQ(h.value("Content-Type"), "application/json");
  h.add("Set-Cookie", "a=1");
  h.add("Set-Cookie", "b=2");
  EXPECT_EQ(h.size(), 3u);
  h.erase("set-cookie");
  EXPECT_EQ(h.size(), 1u);
}

TEST(PercentDecode, DecodesAndRejectsBadInput) {
  EXPECT_EQ(percent_decode("/a%20b", false), "/a b");
  EXPECT_EQ(percent_decode("a+b", false), "a+b");
  EXPECT_EQ(percent_decode("a+b", true), "a b");
  EXPECT_EQ(percent_decode("stra%C3%9Fe", false), "straße");
  EXPECT_FALSE(percent_decode("%", false));
  EXPECT_FALSE(percent_decode("%4", false));
  EXPECT_FALSE(percent_decode("%zz", false));
  EXPECT_FALSE(percent_decode("%FF", false));      // invalid UTF-8
  EXPECT_FALSE(percent_decode("%C3%28", false));   // broken sequence
  EXPECT_FALSE(percent_decode("%00", false));      // control character
  EXPECT_FALSE(percent_decode("a%0Ab", false));
}

TEST(Utf8, ValidatesSequences) {
  EXPECT_TRUE(core::utf8_valid("Grüße 👋"));
  EXPECT_FALSE(core::utf8_valid("\xC0\xAF"));          // overlong
  EXPECT_FALSE(core::utf8_valid("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(core::utf8_valid("\xF4\x90\x80\x80"));  // beyond U+10FFFF
  EXPECT_FALSE(core::utf8_valid("\xE2\x82"));          // truncated
}

TEST(Urlencoded, ParsesPairsInOrder) {
  auto p = parse_urlencoded("a=1&b=x+y&a=2&flag&&c=%C3%A4");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->value("a"), "1");
  EXPECT_EQ(p->all("a"), (std::vector<std::string>{"1", "2"}));
  EXPECT_EQ(p->value("b"), "x y");
  EXPECT_TRUE(p->has("flag"));
  EXPECT_EQ(p->value("c"), "ä");
  EXPECT_EQ(p->value("missing", "fallback"), "fallback");
  EXPECT_FALSE(parse_urlencoded("a=%FF"));
}

TEST(Urlencoded, FormBodiesKeepTextareaLineBreaksButNoOtherControls) {
  EXPECT_FALSE(parse_urlencoded("text=a%0D%0Ab")) << "query strings stay free of controls";
  auto p = parse_form("text=a%0D%0Ab%09c&csrf_token=t");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->value("text"), "a\r\nb\tc");
  EXPECT_EQ(p->value("csrf_token"), "t");
  EXPECT_FALSE(parse_form("text=a%00b"));
  EXPECT_FALSE(parse_form("text=a%1Bb"));
  EXPECT_FALSE(parse_form("te%0Axt=a")) << "names never hold line breaks";
  EXPECT_FALSE(parse_form("text=%FF"));
}

TEST(Cookies, ParsesAndSkipsMalformedPairs) {
  auto c = parse_cookies("lang=en; sid=\"abc\"; broken; =x; lang=de");
  EXPECT_EQ(c.at("lang"), "en");  // first wins
  EXPECT_EQ(c.at("sid"), "abc");
  EXPECT_EQ(c.size(), 2u);
}

TEST(Response, ErrorHasTheApiShape) {
  auto r = Response::error(404, "not_found", "Diese Seite gibt es nicht.");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.headers.value("Content-Type"), "application/json");
  auto j = nlohmann::json::parse(r.body);
  EXPECT_EQ(j["error"]["code"], "not_found");
  EXPECT_EQ(j["error"]["message"], "Diese Seite gibt es nicht.");
}

TEST(Response, SetCookieHasSafeDefaults) {
  Response r;
  CookieOptions o;
  o.max_age = 60;
  r.set_cookie("lang", "en", o);
  EXPECT_EQ(r.headers.value("Set-Cookie"), "lang=en; Path=/; Max-Age=60; HttpOnly; SameSite=Lax");
}

TEST(LocalPath, AcceptsOnlyPathsOnThisSite) {
  EXPECT_TRUE(is_local_path("/"));
  EXPECT_TRUE(is_local_path("/o/acme?x=1"));
  EXPECT_FALSE(is_local_path(""));
  EXPECT_FALSE(is_local_path("//evil.example"));
  EXPECT_FALSE(is_local_path("/\\evil.example"));
  EXPECT_FALSE(is_local_path("https://evil.example"));
  EXPECT_FALSE(is_local_path("/a\r\nSet-Cookie: x"));
}

TEST(PercentEncode, KeepsEncodedTargets) {
  EXPECT_EQ(percent_encode("/a b?x=1&y"), "/a%20b%3Fx%3D1%26y");
  EXPECT_EQ(percent_encode_unsafe("/a%20b?x=ä"), "/a%20b?x=%C3%A4");
}

}  // namespace
}  // namespace solipraxis::web
