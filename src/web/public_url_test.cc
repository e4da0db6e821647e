#include "web/public_url.h"

#include <gtest/gtest.h>

namespace solipraxis::web {
namespace {

TEST(PublicUrl, HostHeadersMustBeHostAndOptionalPort) {
  for (const char* ok : {"example.org", "example.org:8443", "register.verein-1.de", "localhost",
                         "127.0.0.1:8080", "[::1]", "[::1]:8080", "[2001:db8::7]:443", "a.b."}) {
    EXPECT_TRUE(valid_host_port(ok)) << ok;
  }
  for (const char* bad :
       {"", ":8080", "example.org:", "example.org:0", "example.org:65536", "example.org:80x",
        "evil.example/path", "evil.example?x=1", "user@evil.example", "a b", "-evil.example",
        "evil-.example", "evil..example", "evil.example:80:80", "[::1", "[zz::1]", "[::1]x",
        "<script>", "example.org\r\nX: y", "ex\"ample.org", "xn--bcher-kva.example:1:2"}) {
    EXPECT_FALSE(valid_host_port(bad)) << bad;
  }
  EXPECT_FALSE(valid_host_port(std::string(64, 'a') + ".org")) << "label over 63";
}

TEST(PublicUrl, ParseAcceptsHttpAndHttpsWithOptionalPath) {
  EXPECT_EQ(parse_public_url("https://register.example.org").value(),
            "https://register.example.org");
  EXPECT_EQ(parse_public_url("HTTPS://register.example.org/").value(),
            "https://register.example.org");
  EXPECT_EQ(parse_public_url("http://127.0.0.1:8080").value(), "http://127.0.0.1:8080");
  EXPECT_EQ(parse_public_url("https://example.org/solipraxis//").value(),
            "https://example.org/solipraxis");
  EXPECT_EQ(parse_public_url("https://[2001:db8::1]:8443").value(), "https://[2001:db8::1]:8443");
}

TEST(PublicUrl, ParseRefusesEverythingElse) {
  for (const char* bad :
       {"", "example.org", "ftp://example.org", "javascript://x", "https://",
        "https://example.org?x=1", "https://example.org/#top", "https://user:pw@example.org",
        "https://exa mple.org", "https://example.org/a b", "https://example.org/<x>",
        "https://example.org:99999", "//example.org"}) {
    auto r = parse_public_url(bad);
    ASSERT_FALSE(r.has_value()) << bad;
    EXPECT_EQ(r.error().code, core::ErrorCode::kInvalidInput);
    EXPECT_EQ(r.error().key, "error.public_url.invalid");
    EXPECT_TRUE(r.error().detail.starts_with("--public-url: ")) << r.error().detail;
  }
}

TEST(PublicUrl, LinkBasePrefersThePinnedUrlThenAValidHostThenTheListenAddress) {
  EXPECT_EQ(link_base("https://pinned.example", "http", "evil.example", "127.0.0.1:8080"),
            "https://pinned.example");
  EXPECT_EQ(link_base("", "https", "register.example.org", "127.0.0.1:8080"),
            "https://register.example.org");
  EXPECT_EQ(link_base("", "http", "evil.example/<x>", "127.0.0.1:8080"), "http://127.0.0.1:8080");
  EXPECT_EQ(link_base("", "http", "", ""), "http://localhost");
}

}  // namespace
}  // namespace solipraxis::web
