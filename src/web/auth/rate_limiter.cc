#include "web/auth/rate_limiter.h"

#include <algorithm>

namespace solipraxis::web::auth {

std::int64_t FailureBackoff::delay_after(const BackoffPolicy& policy, int failures) {
  const int beyond = failures - policy.free_failures;
  if (beyond <= 0) return 0;
  std::int64_t delay = policy.first_delay;
  for (int i = 1; i < beyond && delay < policy.max_delay; ++i) delay *= 2;
  return std::min(delay, policy.max_delay);
}

std::int64_t FailureBackoff::retry_after(std::string_view key) {
  const core::UnixTime now = clock_.now();
  std::lock_guard lock(mu_);
  auto it = entries_.find(std::string(key));
  if (it == entries_.end()) return 0;
  if (forgotten(it->second, now)) {
    entries_.erase(it);
    return 0;
  }
  const core::UnixTime free_at = it->second.last + delay_after(policy_, it->second.failures);
  return std::max<std::int64_t>(0, free_at - now);
}

void FailureBackoff::record_failure(std::string_view key) {
  const core::UnixTime now = clock_.now();
  std::lock_guard lock(mu_);
  if (entries_.size() >= max_keys_ && !entries_.contains(std::string(key))) evict_locked(now);
  Entry& e = entries_[std::string(key)];
  if (forgotten(e, now)) e.failures = 0;
  // Past the cap the count stops mattering; keep it from growing without end.
  if (delay_after(policy_, e.failures) < policy_.max_delay) ++e.failures;
  e.last = now;
}

void FailureBackoff::reset(std::string_view key) {
  std::lock_guard lock(mu_);
  entries_.erase(std::string(key));
}

void FailureBackoff::evict_locked(core::UnixTime now) {
  // First drop the forgotten keys; if still full, drop the key whose last
  // failure is oldest (a fresh wait is not evicted cheaply).
  std::erase_if(entries_, [&](const auto& kv) { return forgotten(kv.second, now); });
  if (entries_.size() < max_keys_) return;
  auto stalest = std::min_element(entries_.begin(), entries_.end(),
                                  [](auto& a, auto& b) { return a.second.last < b.second.last; });
  if (stalest != entries_.end()) entries_.erase(stalest);
}

}  // namespace solipraxis::web::auth
