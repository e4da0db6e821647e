// Counts failed attempts (e.g. sign-ins) per key in a sliding time window, so
// the web layer can answer 429 before checking a password. Time comes from the
// injected Clock. Memory is bounded: at most `max_keys` keys are tracked, the
// stalest are forgotten first. Thread-safe.
#pragma once

#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/clock.h"

namespace solipraxis::web::auth {

struct LimitPolicy {
  int max_failures = 5;         // this many failures inside the window block the key
  std::int64_t window = 15 * 60;  // seconds
};

class FailureLimiter {
 public:
  FailureLimiter(const core::Clock& clock, LimitPolicy policy, std::size_t max_keys = 100'000)
      : clock_(clock), policy_(policy), max_keys_(max_keys) {}

  // Seconds until `key` may try again; 0 when it is not blocked.
  std::int64_t retry_after(std::string_view key);
  void record_failure(std::string_view key);
  void reset(std::string_view key);  // e.g. after a successful sign-in to that account

 private:
  void prune_locked(std::deque<core::UnixTime>& times, core::UnixTime now) const;
  void evict_locked(core::UnixTime now);

  const core::Clock& clock_;
  const LimitPolicy policy_;
  const std::size_t max_keys_;
  std::mutex mu_;
  std::unordered_map<std::string, std::deque<core::UnixTime>> failures_;
};

}  // namespace solipraxis::web::auth
