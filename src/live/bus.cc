#include "live/bus.h"

#include <algorithm>
#include <mutex>
#include <unordered_map>
#include <utility>

namespace solipraxis::live {
namespace {

using Waker = std::shared_ptr<const std::function<void()>>;
class Hub;

// Lock order: Hub::mu_ before Queue::mu_. take() holds only Queue::mu_; the
// destructor takes Hub::mu_ alone, before any member is gone, so a publish that
// holds Hub::mu_ never pushes into a destroyed queue.
class Queue final : public Subscriber {
 public:
  Queue(std::shared_ptr<Hub> hub, std::int64_t session, Waker wake)
      : hub_(std::move(hub)), session_(session), wake_(std::move(wake)) {}
  ~Queue() override;

  std::vector<Event> take() override {
    std::lock_guard lock(mu_);
    return std::exchange(events_, {});
  }
  bool overflowed() const override {
    std::lock_guard lock(mu_);
    return overflowed_;
  }

  // Called under Hub::mu_. The waker to call afterwards, or null when the
  // event was dropped after an earlier overflow (that one woke it already).
  Waker push(const Event& e, std::size_t max_queue) {
    std::lock_guard lock(mu_);
    if (overflowed_) return nullptr;
    if (events_.size() >= max_queue) {
      overflowed_ = true;
    } else {
      events_.push_back(e);
    }
    return wake_;
  }

 private:
  std::shared_ptr<Hub> hub_;
  std::int64_t session_;
  Waker wake_;
  mutable std::mutex mu_;
  std::vector<Event> events_;
  bool overflowed_ = false;
};

// The subscribers by session; shared with every Queue, so a subscriber may
// outlive the bus object.
class Hub {
 public:
  explicit Hub(std::size_t max_queue) : max_queue_(std::max<std::size_t>(1, max_queue)) {}

  void add(std::int64_t session, Queue* q) {
    std::lock_guard lock(mu_);
    sessions_[session].push_back(q);
  }

  void remove(std::int64_t session, const Queue* q) {
    std::lock_guard lock(mu_);
    const auto it = sessions_.find(session);
    if (it == sessions_.end()) return;
    auto& queues = it->second;
    const auto pos = std::find(queues.begin(), queues.end(), q);
    if (pos != queues.end()) {
      *pos = queues.back();
      queues.pop_back();
    }
    if (queues.empty()) sessions_.erase(it);
  }

  void publish(const Event& e) {
    std::vector<Waker> wakers;
    {
      std::lock_guard lock(mu_);
      const auto it = sessions_.find(e.session);
      if (it == sessions_.end()) return;
      wakers.reserve(it->second.size());
      for (Queue* q : it->second) {
        if (Waker w = q->push(e, max_queue_)) wakers.push_back(std::move(w));
      }
    }
    for (const Waker& w : wakers) {
      if (*w) (*w)();
    }
  }

  std::size_t count(std::int64_t session) const {
    std::lock_guard lock(mu_);
    const auto it = sessions_.find(session);
    return it == sessions_.end() ? 0 : it->second.size();
  }

 private:
  const std::size_t max_queue_;
  mutable std::mutex mu_;
  std::unordered_map<std::int64_t, std::vector<Queue*>> sessions_;
};

Queue::~Queue() { hub_->remove(session_, this); }

class InProcessBus final : public EventBus {
 public:
  explicit InProcessBus(std::size_t max_queue) : hub_(std::make_shared<Hub>(max_queue)) {}

  void publish(const Event& e) override { hub_->publish(e); }

  std::shared_ptr<Subscriber> subscribe(std::int64_t session, std::function<void()> wake) override {
    auto q = std::make_shared<Queue>(
        hub_, session, std::make_shared<const std::function<void()>>(std::move(wake)));
    hub_->add(session, q.get());
    return q;
  }

  std::size_t subscribers(std::int64_t session) const override { return hub_->count(session); }

 private:
  std::shared_ptr<Hub> hub_;
};

}  // namespace

std::unique_ptr<EventBus> make_in_process_bus(std::size_t max_queue) {
  return std::make_unique<InProcessBus>(max_queue);
}

}  // namespace solipraxis::live
