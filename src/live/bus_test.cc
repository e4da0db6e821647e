#include "live/bus.h"

#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <thread>
#include <vector>

namespace solipraxis::live {
namespace {

Event event(std::int64_t id, std::int64_t session, std::string type = "card") {
  return Event{id, session, std::move(type), "{\"id\":" + std::to_string(id) + "}"};
}

std::vector<std::int64_t> ids(const std::vector<Event>& events) {
  std::vector<std::int64_t> out;
  for (const auto& e : events) out.push_back(e.id);
  return out;
}

TEST(EventBus, DeliversASessionsEventsInOrderToItsSubscribersOnly) {
  auto bus = make_in_process_bus();
  int woken = 0;
  auto sub = bus->subscribe(7, [&] { ++woken; });
  bus->publish(event(1, 7));
  bus->publish(event(2, 8));
  bus->publish(event(3, 7, "ended"));

  const auto got = sub->take();
  EXPECT_EQ(ids(got), (std::vector<std::int64_t>{1, 3}));
  EXPECT_EQ(got[1].type, "ended");
  EXPECT_EQ(got[0].data, "{\"id\":1}");
  EXPECT_EQ(woken, 2);
  EXPECT_TRUE(sub->take().empty());  // take() empties the queue
  EXPECT_FALSE(sub->overflowed());
}

TEST(EventBus, ASubscriberSeesOnlyEventsPublishedAfterItSubscribed) {
  auto bus = make_in_process_bus();
  bus->publish(event(1, 7));
  auto sub = bus->subscribe(7, nullptr);  // an empty waker is allowed
  bus->publish(event(2, 7));
  EXPECT_EQ(ids(sub->take()), (std::vector<std::int64_t>{2}));
}

TEST(EventBus, EverySubscriberOfTheSessionGetsEachEventOnce) {
  auto bus = make_in_process_bus();
  auto a = bus->subscribe(7, {});
  auto b = bus->subscribe(7, {});
  auto other = bus->subscribe(9, {});
  EXPECT_EQ(bus->subscribers(7), 2u);
  EXPECT_EQ(bus->subscribers(9), 1u);
  EXPECT_EQ(bus->subscribers(5), 0u);
  bus->publish(event(4, 7));
  EXPECT_EQ(ids(a->take()), (std::vector<std::int64_t>{4}));
  EXPECT_EQ(ids(b->take()), (std::vector<std::int64_t>{4}));
  EXPECT_TRUE(other->take().empty());
}

TEST(EventBus, DroppingTheSubscriberUnsubscribesAndStopsItsWaker) {
  auto bus = make_in_process_bus();
  int woken = 0;
  auto sub = bus->subscribe(7, [&] { ++woken; });
  auto copy = sub;
  sub.reset();
  EXPECT_EQ(bus->subscribers(7), 1u);  // the last shared_ptr counts
  copy.reset();
  EXPECT_EQ(bus->subscribers(7), 0u);
  bus->publish(event(1, 7));
  EXPECT_EQ(woken, 0);
}

TEST(EventBus, AFullQueueDropsFurtherEventsAndSaysSo) {
  auto bus = make_in_process_bus(3);
  int woken = 0;
  auto sub = bus->subscribe(7, [&] { ++woken; });
  for (int i = 1; i <= 6; ++i) bus->publish(event(i, 7));
  EXPECT_TRUE(sub->overflowed());
  EXPECT_EQ(ids(sub->take()), (std::vector<std::int64_t>{1, 2, 3}));
  EXPECT_EQ(woken, 4);  // three pushes and the overflow; nothing after it
  bus->publish(event(7, 7));
  EXPECT_TRUE(sub->take().empty());  // an overflowed stream ends; it takes nothing more
  EXPECT_TRUE(sub->overflowed());

  auto other = bus->subscribe(7, {});  // the reconnect starts a fresh queue
  bus->publish(event(8, 7));
  EXPECT_FALSE(other->overflowed());
  EXPECT_EQ(ids(other->take()), (std::vector<std::int64_t>{8}));
}

TEST(EventBus, AWakerMayUseTheBus) {
  auto bus = make_in_process_bus();
  std::shared_ptr<Subscriber> late;
  std::size_t seen = 0;
  auto sub = bus->subscribe(7, [&] {
    seen = bus->subscribers(7);
    if (!late) late = bus->subscribe(8, {});
    bus->publish(event(100, 8));
  });
  bus->publish(event(1, 7));  // deadlocks if the waker ran under the bus lock
  EXPECT_EQ(seen, 1u);
  ASSERT_TRUE(late);
  EXPECT_EQ(ids(late->take()), (std::vector<std::int64_t>{100}));
}

TEST(EventBus, SubscribersMayOutliveTheBus) {
  auto bus = make_in_process_bus();
  auto sub = bus->subscribe(7, {});
  bus->publish(event(1, 7));
  bus.reset();
  EXPECT_EQ(ids(sub->take()), (std::vector<std::int64_t>{1}));
  sub.reset();  // unsubscribes from the bus's state, which it keeps alive
}

// Publishers on several threads while streams come and go: the one subscriber
// that stays sees every event exactly once, each publisher's in its order.
TEST(EventBus, ConcurrentPublishersAndSubscribersLoseAndDoubleNothing) {
  constexpr int kPublishers = 4;
  constexpr int kPerPublisher = 2000;
  auto bus = make_in_process_bus(kPublishers * kPerPublisher);
  std::atomic<int> woken{0};
  auto steady = bus->subscribe(7, [&] { ++woken; });

  std::atomic<bool> done{false};
  std::vector<std::thread> churn;
  for (int t = 0; t < 3; ++t) {
    churn.emplace_back([&] {
      while (!done) {
        auto wakes = std::make_shared<std::atomic<int>>(0);
        auto s = bus->subscribe(7, [wakes] { ++*wakes; });  // called maybe after `s` is gone
        (void)s->take();
        (void)bus->subscribers(7);
      }
    });
  }
  std::vector<std::thread> publishers;
  for (int p = 0; p < kPublishers; ++p) {
    publishers.emplace_back([&, p] {
      for (int i = 0; i < kPerPublisher; ++i) {
        bus->publish(event(std::int64_t{p} * 1'000'000 + i, i % 2 == 0 ? 7 : 8));
      }
    });
  }
  std::vector<Event> got;
  while (got.size() < kPublishers * kPerPublisher / 2) {
    auto batch = steady->take();
    got.insert(got.end(), batch.begin(), batch.end());
    std::this_thread::yield();
  }
  for (auto& t : publishers) t.join();
  done = true;
  for (auto& t : churn) t.join();

  EXPECT_TRUE(steady->take().empty());
  EXPECT_FALSE(steady->overflowed());
  EXPECT_EQ(woken.load(), kPublishers * kPerPublisher / 2);
  std::map<int, std::int64_t> last;  // publisher -> last id seen
  for (const auto& e : got) {
    EXPECT_EQ(e.session, 7);
    const int p = static_cast<int>(e.id / 1'000'000);
    if (last.count(p))
      EXPECT_EQ(e.id, last[p] + 2);  // its next even event, none lost or doubled
    else
      EXPECT_EQ(e.id % 1'000'000, 0);
    last[p] = e.id;
  }
  EXPECT_EQ(last.size(), static_cast<std::size_t>(kPublishers));
  EXPECT_EQ(bus->subscribers(7), 1u);  // every churned subscriber left
}

}  // namespace
}  // namespace solipraxis::live
