// Growing delays after failed attempts (sign-ins), per key, so the web layer
// can answer 429 before checking a password. A key is never locked for good:
// after `free_failures` failures each further one doubles the wait, up to
// `max_delay`, and a key without failures for `forget_after` starts over.
// Callers key by (account, client) and by client, never by account alone, so a
// stranger who knows an e-mail address cannot keep its owner out from elsewhere
// (OWASP ASVS 2.2.1, NIST SP 800-63B 5.2.2). Time comes from the injected Clock.
// Memory is bounded: at most `max_keys` keys, the stalest forgotten first. Thread-safe.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/clock.h"

namespace solipraxis::web::auth {

struct BackoffPolicy {
  int free_failures = 3;               // failures answered without any wait
  std::int64_t first_delay = 2;        // seconds of wait after the first failure beyond those
  std::int64_t max_delay = 60;         // the wait doubles with each failure up to this
  std::int64_t forget_after = 15 * 60; // seconds without a failure that clear the key
};

class FailureBackoff {
 public:
  FailureBackoff(const core::Clock& clock, BackoffPolicy policy, std::size_t max_keys = 100'000)
      : clock_(clock), policy_(policy), max_keys_(max_keys) {}

  // Seconds until `key` may try again; 0 when it may try now.
  std::int64_t retry_after(std::string_view key);
  // Counts a failure; attempts refused with a wait are not failures (the caller
  // does not check them), so waiting is never made longer by asking.
  void record_failure(std::string_view key);
  void reset(std::string_view key);  // e.g. after a successful sign-in

  // The wait after `failures` consecutive failures under `policy`.
  static std::int64_t delay_after(const BackoffPolicy& policy, int failures);

 private:
  struct Entry {
    int failures = 0;
    core::UnixTime last = 0;
  };
  bool forgotten(const Entry& e, core::UnixTime now) const {
    return now - e.last >= policy_.forget_after;
  }
  void evict_locked(core::UnixTime now);

  const core::Clock& clock_;
  const BackoffPolicy policy_;
  const std::size_t max_keys_;
  std::mutex mu_;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace solipraxis::web::auth
