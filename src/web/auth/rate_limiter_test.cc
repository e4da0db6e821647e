#include "web/auth/rate_limiter.h"

#include <gtest/gtest.h>

namespace solipraxis::web::auth {
namespace {

TEST(FailureLimiter, BlocksAfterMaxFailuresInsideTheWindow) {
  core::FakeClock clock;
  FailureLimiter limiter(clock, {5, 900});
  for (int i = 0; i < 4; ++i) {
    limiter.record_failure("acct:a@example.org");
    clock.advance(10);
  }
  EXPECT_EQ(limiter.retry_after("acct:a@example.org"), 0);
  limiter.record_failure("acct:a@example.org");
  // The first failure was 40 s ago, so the key is free in 860 s.
  EXPECT_EQ(limiter.retry_after("acct:a@example.org"), 860);
  EXPECT_EQ(limiter.retry_after("acct:b@example.org"), 0) << "other keys are not affected";
}

TEST(FailureLimiter, FailuresOutsideTheWindowAreForgotten) {
  core::FakeClock clock;
  FailureLimiter limiter(clock, {3, 60});
  for (int i = 0; i < 3; ++i) limiter.record_failure("ip:1");
  EXPECT_GT(limiter.retry_after("ip:1"), 0);
  clock.advance(60);
  EXPECT_EQ(limiter.retry_after("ip:1"), 0);
  limiter.record_failure("ip:1");
  EXPECT_EQ(limiter.retry_after("ip:1"), 0);
}

TEST(FailureLimiter, SlidingWindowKeepsBlockingWhileFailuresContinue) {
  core::FakeClock clock;
  FailureLimiter limiter(clock, {2, 100});
  limiter.record_failure("k");
  clock.advance(50);
  limiter.record_failure("k");
  EXPECT_EQ(limiter.retry_after("k"), 50);
  clock.advance(50);  // the first failure leaves the window
  EXPECT_EQ(limiter.retry_after("k"), 0);
  limiter.record_failure("k");
  EXPECT_EQ(limiter.retry_after("k"), 50);
}

TEST(FailureLimiter, ResetClearsAKey) {
  core::FakeClock clock;
  FailureLimiter limiter(clock, {1, 100});
  limiter.record_failure("k");
  EXPECT_GT(limiter.retry_after("k"), 0);
  limiter.reset("k");
  EXPECT_EQ(limiter.retry_after("k"), 0);
}

TEST(FailureLimiter, MemoryIsBoundedAndFreshBlocksSurviveEviction) {
  core::FakeClock clock;
  FailureLimiter limiter(clock, {1, 1000}, /*max_keys=*/3);
  limiter.record_failure("old");
  clock.advance(10);
  limiter.record_failure("b");
  limiter.record_failure("c");
  limiter.record_failure("d");  // evicts "old", the stalest
  EXPECT_EQ(limiter.retry_after("old"), 0);
  EXPECT_GT(limiter.retry_after("d"), 0);
  EXPECT_GT(limiter.retry_after("b"), 0);
}

}  // namespace
}  // namespace solipraxis::web::auth
