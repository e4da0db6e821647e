// Bounds how many requests do one kind of heavy work at once (the checker), so
// that the server's few handler threads stay free for pages and /healthz.
// try_enter() never waits: when every slot is taken the caller answers 503
// with Retry-After. A Slot gives its place back when it goes out of scope.
// Thread-safe.
#pragma once

#include <atomic>
#include <optional>

namespace solipraxis::web {

class WorkLimit {
 public:
  explicit WorkLimit(int slots) : slots_(slots < 1 ? 1 : slots) {}
  WorkLimit(const WorkLimit&) = delete;
  WorkLimit& operator=(const WorkLimit&) = delete;

  class Slot {
   public:
    explicit Slot(WorkLimit& limit) : limit_(&limit) {}
    Slot(Slot&& other) noexcept : limit_(other.limit_) { other.limit_ = nullptr; }
    Slot& operator=(Slot&&) = delete;
    ~Slot() {
      if (limit_ != nullptr) limit_->in_use_.fetch_sub(1);
    }

   private:
    WorkLimit* limit_;
  };

  // A slot, or nullopt when all are taken.
  std::optional<Slot> try_enter() {
    int used = in_use_.load();
    do {
      if (used >= slots_) return std::nullopt;
    } while (!in_use_.compare_exchange_weak(used, used + 1));
    return std::optional<Slot>(std::in_place, *this);
  }
  int slots() const { return slots_; }
  int in_use() const { return in_use_.load(); }

 private:
  const int slots_;
  std::atomic<int> in_use_{0};
};

}  // namespace solipraxis::web
