#include "web/auth/rate_limiter.h"

#include <gtest/gtest.h>

namespace solipraxis::web::auth {
namespace {

constexpr BackoffPolicy kPolicy{.free_failures = 3, .first_delay = 2, .max_delay = 60,
                                .forget_after = 900};

TEST(FailureBackoff, TheFirstFailuresCostNoWaitThenTheWaitDoublesUpToTheCap) {
  core::FakeClock clock;
  FailureBackoff backoff(clock, kPolicy);
  for (int i = 0; i < 3; ++i) {
    backoff.record_failure("k");
    EXPECT_EQ(backoff.retry_after("k"), 0) << "failure " << i + 1;
  }
  std::vector<std::int64_t> waits;
  for (int i = 0; i < 8; ++i) {
    backoff.record_failure("k");
    waits.push_back(backoff.retry_after("k"));
    clock.advance(waits.back());  // try again as soon as allowed
    EXPECT_EQ(backoff.retry_after("k"), 0);
  }
  EXPECT_EQ(waits, (std::vector<std::int64_t>{2, 4, 8, 16, 32, 60, 60, 60}));
  EXPECT_EQ(backoff.retry_after("other"), 0) << "other keys are not affected";
}

TEST(FailureBackoff, TheWaitIsNeverLongerThanTheCapHoweverManyFailures) {
  core::FakeClock clock;
  FailureBackoff backoff(clock, kPolicy);
  for (int i = 0; i < 10'000; ++i) backoff.record_failure("k");
  EXPECT_EQ(backoff.retry_after("k"), 60);
  clock.advance(60);
  EXPECT_EQ(backoff.retry_after("k"), 0) << "a wait, never a lock";
}

TEST(FailureBackoff, AQuietKeyStartsOver) {
  core::FakeClock clock;
  FailureBackoff backoff(clock, kPolicy);
  for (int i = 0; i < 6; ++i) backoff.record_failure("k");
  EXPECT_GT(backoff.retry_after("k"), 0);
  clock.advance(900);
  EXPECT_EQ(backoff.retry_after("k"), 0);
  backoff.record_failure("k");
  EXPECT_EQ(backoff.retry_after("k"), 0) << "counted from one again";
}

TEST(FailureBackoff, ResetClearsAKey) {
  core::FakeClock clock;
  FailureBackoff backoff(clock, {.free_failures = 0});
  backoff.record_failure("k");
  EXPECT_GT(backoff.retry_after("k"), 0);
  backoff.reset("k");
  EXPECT_EQ(backoff.retry_after("k"), 0);
}

TEST(FailureBackoff, MemoryIsBoundedAndFreshWaitsSurviveEviction) {
  core::FakeClock clock;
  FailureBackoff backoff(clock, {.free_failures = 0, .max_delay = 1000}, /*max_keys=*/3);
  backoff.record_failure("old");
  clock.advance(1);
  backoff.record_failure("b");
  backoff.record_failure("c");
  backoff.record_failure("d");  // evicts "old", the stalest
  EXPECT_EQ(backoff.retry_after("old"), 0);
  EXPECT_GT(backoff.retry_after("d"), 0);
  EXPECT_GT(backoff.retry_after("b"), 0);
}

}  // namespace
}  // namespace solipraxis::web::auth
