#include "web/auth/rate_limiter.h"

#include <algorithm>

namespace solipraxis::web::auth {

void FailureLimiter::prune_locked(std::deque<core::UnixTime>& times, core::UnixTime now) const {
  while (!times.empty() && times.front() <= now - policy_.window) times.pop_front();
}

std::int64_t FailureLimiter::retry_after(std::string_view key) {
  const core::UnixTime now = clock_.now();
  std::lock_guard lock(mu_);
  auto it = failures_.find(std::string(key));
  if (it == failures_.end()) return 0;
  prune_locked(it->second, now);
  if (it->second.empty()) {
    failures_.erase(it);
    return 0;
  }
  const auto count = static_cast<int>(it->second.size());
  if (count < policy_.max_failures) return 0;
  // Blocked until the oldest failure that keeps the count at the limit leaves the window.
  const core::UnixTime oldest = it->second[count - policy_.max_failures];
  return std::max<std::int64_t>(1, oldest + policy_.window - now);
}

void FailureLimiter::record_failure(std::string_view key) {
  const core::UnixTime now = clock_.now();
  std::lock_guard lock(mu_);
  if (failures_.size() >= max_keys_ && !failures_.contains(std::string(key))) evict_locked(now);
  auto& times = failures_[std::string(key)];
  prune_locked(times, now);
  times.push_back(now);
  // Only the newest max_failures entries decide about blocking.
  while (static_cast<int>(times.size()) > policy_.max_failures) times.pop_front();
}

void FailureLimiter::reset(std::string_view key) {
  std::lock_guard lock(mu_);
  failures_.erase(std::string(key));
}

void FailureLimiter::evict_locked(core::UnixTime now) {
  // First drop everything whose window has passed; if still full, drop the key
  // whose newest failure is oldest (an attacker cannot evict a fresh block cheaply
  // because only stale keys go first).
  for (auto it = failures_.begin(); it != failures_.end();) {
    prune_locked(it->second, now);
    it = it->second.empty() ? failures_.erase(it) : std::next(it);
  }
  if (failures_.size() < max_keys_) return;
  auto stalest = std::min_element(failures_.begin(), failures_.end(), [](auto& a, auto& b) {
    return a.second.back() < b.second.back();
  });
  if (stalest != failures_.end()) failures_.erase(stalest);
}

}  // namespace solipraxis::web::auth
