// Time as an injected dependency: production code takes a Clock&, tests pass a
// FakeClock to freeze or advance time. Times are Unix seconds (UTC).
#pragma once

#include <chrono>
#include <cstdint>

namespace solipraxis::core {

using UnixTime = std::int64_t;  // seconds since 1970-01-01T00:00:00Z

class Clock {
 public:
  virtual ~Clock() = default;
  virtual UnixTime now() const = 0;
};

class SystemClock final : public Clock {
 public:
  UnixTime now() const override {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
};

class FakeClock final : public Clock {
 public:
  explicit FakeClock(UnixTime t = 1'767'225'600) : t_(t) {}  // 2026-01-01
  UnixTime now() const override { return t_; }
  void set(UnixTime t) { t_ = t; }
  void advance(std::int64_t seconds) { t_ += seconds; }

 private:
  UnixTime t_;
};

}  // namespace solipraxis::core
