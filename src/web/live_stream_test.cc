#include "web/live_stream.h"

#include <gtest/gtest.h>

#include <atomic>

namespace solipraxis::web {
namespace {

using live::Event;

Event event(std::int64_t id, std::string type = "card", std::string data = "{}") {
  return Event{id, 7, std::move(type), std::move(data)};
}

std::shared_ptr<StreamBody> stream(live::EventBus& bus, std::int64_t last,
                                   std::vector<Event> backlog) {
  auto s = make_event_stream(bus, 7, last, [&](std::int64_t after) {
    std::vector<Event> out;
    for (const auto& e : backlog) {
      if (e.id > after) out.push_back(e);
    }
    return core::Result<std::vector<Event>>(out);
  });
  EXPECT_TRUE(s);
  return s ? s.value() : nullptr;
}

TEST(SseFrame, FramesIdTypeAndOneDataLinePerLine) {
  EXPECT_EQ(sse_frame(event(12, "card", R"({"a":1})")), "id: 12\nevent: card\ndata: {\"a\":1}\n\n");
  EXPECT_EQ(sse_frame(event(3, "step", "a\nb\r\nc\rd")),
            "id: 3\nevent: step\ndata: a\ndata: b\ndata: c\ndata: d\n\n");
  EXPECT_EQ(sse_frame(event(4, "board", "x\n")), "id: 4\nevent: board\ndata: x\ndata: \n\n");
  EXPECT_EQ(sse_frame(event(5, "ended", "")), "id: 5\nevent: ended\ndata: \n\n");
}

TEST(LastEventId, FromTheHeaderElseTheQueryElseZero) {
  Request req;
  EXPECT_EQ(last_event_id(req), 0);
  req.query.add("last", "41");
  EXPECT_EQ(last_event_id(req), 41);
  req.headers.set("Last-Event-ID", "42");
  EXPECT_EQ(last_event_id(req), 42);
  for (const char* bad : {"", "-3", "0", "12abc", " 12", "99999999999999999999999"}) {
    Request r;
    r.headers.set("Last-Event-ID", bad);
    r.query.add("last", bad);
    EXPECT_EQ(last_event_id(r), 0) << bad;
  }
}

TEST(EventStream, SendsRetryThenBacklogThenLiveEventsEachOnce) {
  auto bus = live::make_in_process_bus();
  auto body = stream(*bus, 1, {event(1), event(2), event(3)});
  EXPECT_EQ(bus->subscribers(7), 1u);
  std::atomic<int> woken{0};
  body->set_waker([&] { ++woken; });
  bus->publish(Event{3, 7, "card", "{}"});  // committed before the backlog read: already there
  bus->publish(Event{4, 7, "card", "{}"});
  EXPECT_EQ(woken.load(), 2);
  EXPECT_EQ(body->poll(),
            "retry: 3000\n\n" + sse_frame(event(2)) + sse_frame(event(3)) + sse_frame(event(4)));
  EXPECT_EQ(body->poll(), "");  // nothing ready: the server waits for the waker
  bus->publish(event(5, "step", "{\"step\":1}"));
  EXPECT_EQ(body->poll(), sse_frame(event(5, "step", "{\"step\":1}")));
  body.reset();
  EXPECT_EQ(bus->subscribers(7), 0u);  // the connection's end unsubscribes
}

// The store read runs after subscribing: an event committed while it runs is
// either in the backlog or published after it, and arrives once in both cases.
TEST(EventStream, AnEventCommittedDuringTheBacklogReadArrivesOnce) {
  auto bus = live::make_in_process_bus();
  std::vector<Event> store{event(1)};
  auto s = make_event_stream(*bus, 7, 0, [&](std::int64_t) {
    store.push_back(event(2));
    bus->publish(event(2));  // another handler commits and publishes before the snapshot
    const std::vector<Event> snapshot = store;
    store.push_back(event(3));
    bus->publish(event(3));  // and one after it
    return core::Result<std::vector<Event>>(snapshot);
  });
  ASSERT_TRUE(s);
  bus->publish(event(4));
  EXPECT_EQ(s.value()->poll(), "retry: 3000\n\n" + sse_frame(event(1)) + sse_frame(event(2)) +
                                   sse_frame(event(3)) + sse_frame(event(4)));
}

TEST(EventStream, EndsAfterTheEndedEvent) {
  auto bus = live::make_in_process_bus();
  auto body = stream(*bus, 0, {});
  EXPECT_EQ(body->poll(), "retry: 3000\n\n");
  bus->publish(event(8, "ended"));
  bus->publish(event(9));
  EXPECT_EQ(body->poll(), sse_frame(event(8, "ended")));
  EXPECT_EQ(body->poll(), std::nullopt);

  auto late = stream(*bus, 5, {event(6), event(8, "ended"), event(9)});  // joins after the end
  EXPECT_EQ(late->poll(), "retry: 3000\n\n" + sse_frame(event(6)) + sse_frame(event(8, "ended")));
  EXPECT_EQ(late->poll(), std::nullopt);
}

TEST(EventStream, EndsWhenItsQueueOverflowedAfterSendingWhatItHas) {
  auto bus = live::make_in_process_bus(2);
  auto body = stream(*bus, 0, {});
  for (int i = 1; i <= 5; ++i) bus->publish(event(i));
  EXPECT_EQ(body->poll(), "retry: 3000\n\n" + sse_frame(event(1)) + sse_frame(event(2)));
  EXPECT_EQ(body->poll(), std::nullopt);  // the browser reconnects after 2 and reads 3-5
}

TEST(EventStream, ABacklogErrorIsReturnedAndLeavesNoSubscriber) {
  auto bus = live::make_in_process_bus();
  auto s = make_event_stream(*bus, 7, 0, [](std::int64_t) -> core::Result<std::vector<Event>> {
    return core::make_error(core::ErrorCode::kUnavailable, "error.store.unavailable");
  });
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code, core::ErrorCode::kUnavailable);
  EXPECT_EQ(bus->subscribers(7), 0u);
}

TEST(EventStream, ResponseIsAnUncachedEventStream) {
  auto bus = live::make_in_process_bus();
  const Response res = event_stream_response(stream(*bus, 0, {}));
  EXPECT_EQ(res.status, 200);
  EXPECT_EQ(res.headers.value("Content-Type"), "text/event-stream; charset=utf-8");
  EXPECT_EQ(res.headers.value("Cache-Control"), "no-store");
  EXPECT_TRUE(res.stream);
}

}  // namespace
}  // namespace solipraxis::web
