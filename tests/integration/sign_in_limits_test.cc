// Failed sign-ins over real HTTP (issue 31, defect 1): growing waits per
// (account, client) and per client, never a lock per account, so a stranger who
// knows an e-mail address cannot keep its owner out. Clients are told apart by
// X-Forwarded-For behind a trusted proxy; without --trust-proxy such a header
// is warned about once.
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include "store/orgs.h"
#include "web_fixture.h"

namespace solipraxis::web {
namespace {

// Two browsers behind a trusted proxy that names their addresses.
auth::AuthOptions behind_proxy() {
  auth::AuthOptions o;
  o.trust_proxy = true;
  return o;
}

Browser browser_at(std::uint16_t port, const std::string& addr, const std::string& lang = "de") {
  Browser b(port, lang);
  b.add_header("X-Forwarded-For: " + addr);
  return b;
}

TEST(SignInLimits, AStrangerWhoKnowsTheAddressCannotKeepItsOwnerOut) {
  AuthServer srv(behind_proxy());
  srv.user("ada@example.org", "acme", store::Role::kOwner);
  Browser stranger = browser_at(srv.port(), "203.0.113.9");
  for (int i = 0; i < 50; ++i) {
    const int status = stranger.sign_in("ada@example.org", "wrong-password-x").status;
    EXPECT_TRUE(status == 401 || status == 429) << status;
  }
  EXPECT_EQ(stranger.sign_in("ada@example.org", "wrong-password-x").status, 429)
      << "the stranger's own attempts wait";
  Browser owner = browser_at(srv.port(), "198.51.100.7");
  EXPECT_EQ(owner.sign_in("ada@example.org").status, 303) << "from another address: no wait";
}

TEST(SignInLimits, OnTheSameAddressFailuresOnlyDelayTheOwnerWithGrowingWaits) {
  AuthServer srv(behind_proxy());
  srv.user("ada@example.org", "acme", store::Role::kOwner);
  Browser stranger = browser_at(srv.port(), "192.0.2.1", "en");
  // The stranger keeps guessing whenever allowed, for an hour.
  std::vector<std::int64_t> waits;
  for (int i = 0; i < 60; ++i) {
    auto r = stranger.sign_in("ada@example.org", "wrong-password-x");
    if (r.status == 429) {
      waits.push_back(std::stoll(r.header("Retry-After")));
      srv.clock().advance(waits.back());
    } else {
      EXPECT_EQ(r.status, 401);
    }
  }
  // One more guess: after a wait it fails again, else it is refused; the wait is on.
  stranger.sign_in("ada@example.org", "wrong-password-x");
  ASSERT_FALSE(waits.empty());
  EXPECT_LE(waits.front(), 2) << "the first waits are short";
  EXPECT_EQ(*std::max_element(waits.begin(), waits.end()), 60) << "they grow to a minute, no more";

  // The owner behind the same address (a shared office line): a wait, not a lock.
  Browser owner = browser_at(srv.port(), "192.0.2.1", "en");
  auto blocked = owner.sign_in("ada@example.org");
  ASSERT_EQ(blocked.status, 429) << "the right password waits like any attempt";
  EXPECT_TRUE(contains(blocked.body, "Too many failed attempts")) << blocked.body;
  EXPECT_EQ(session_set_cookie(blocked), "");
  const std::int64_t wait = std::stoll(blocked.header("Retry-After"));
  EXPECT_GT(wait, 0);
  EXPECT_LE(wait, 60);
  srv.clock().advance(wait);
  EXPECT_EQ(owner.sign_in("ada@example.org").status, 303) << "after the wait: signed in";
}

TEST(SignInLimits, ManyFailuresFromOneAddressDelayEveryAccountFromItButLockNone) {
  AuthServer srv;  // no proxy: the address of the connection
  srv.user("ada@example.org", "acme", store::Role::kOwner);
  Browser b(srv.port());
  int refused = 0;
  for (int i = 0; i < 20; ++i) {
    refused += b.sign_in("user" + std::to_string(i) + "@example.org", "wrong-password-x").status == 429;
  }
  EXPECT_GT(refused, 0) << "guessing across accounts from one address is slowed down";
  auto r = b.sign_in("ada@example.org");
  ASSERT_EQ(r.status, 429);
  EXPECT_TRUE(contains(r.body, "Sekunden")) << r.body;
  srv.clock().advance(std::stoll(r.header("Retry-After")));
  EXPECT_EQ(b.sign_in("ada@example.org").status, 303);
}

TEST(SignInLimits, XForwardedForWithoutTrustProxyIsWarnedAboutOnce) {
  std::ostringstream log;
  auto previous = spdlog::default_logger();
  spdlog::set_default_logger(std::make_shared<spdlog::logger>(
      "capture", std::make_shared<spdlog::sinks::ostream_sink_mt>(log)));
  {
    AuthServer srv;  // --trust-proxy off
    Browser b = browser_at(srv.port(), "203.0.113.9");
    b.get("/login");
    b.get("/login");
    Browser plain(srv.port());
    plain.get("/login");
  }
  spdlog::set_default_logger(previous);
  const std::string text = log.str();
  const auto first = text.find("X-Forwarded-For but --trust-proxy is off");
  ASSERT_NE(first, std::string::npos) << text;
  EXPECT_EQ(text.find("X-Forwarded-For but --trust-proxy is off", first + 1), std::string::npos)
      << "once, not per request: " << text;
}

}  // namespace
}  // namespace solipraxis::web
