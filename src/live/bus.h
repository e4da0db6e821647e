// The live event bus: carries a session's events (a card added, the step moved on,
// the session ended) from the handler that committed them to every open SSE
// stream of that session. Thread-safe; an event reaches each subscriber of its
// session at most once, in publish order; nothing is stored here (the store's
// live_events table is the record a reconnecting browser reads from).
//
// Publish each session's events in increasing id order (commit and publish under
// the session's lock): a stream skips an id at or below one it already sent, as
// a browser's Last-Event-ID would on reconnect.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace solipraxis::live {

struct Event {
  std::int64_t id = 0;       // live_events.id: global and increasing
  std::int64_t session = 0;  // the live session it belongs to
  std::string type;          // "card", "card-removed", "board", "step", "ended"
  std::string data;          // JSON text
};

// One SSE connection's queue; destroying the last shared_ptr unsubscribes.
class Subscriber {
 public:
  virtual ~Subscriber() = default;
  // The queued events, oldest first; empties the queue.
  virtual std::vector<Event> take() = 0;
  // True when the queue hit its bound and dropped events (the stream then ends,
  // the browser reconnects with Last-Event-ID and reads them from the store).
  virtual bool overflowed() const = 0;
};

class EventBus {
 public:
  virtual ~EventBus() = default;
  // Thread-safe; pushes to every subscriber of e.session, then calls its waker
  // (outside the bus's lock: a waker may publish or subscribe itself).
  virtual void publish(const Event& e) = 0;
  // Events published after this call. `wake` is called from the publishing
  // thread after each push, possibly once more just after the subscriber was
  // destroyed, so it must not reach into the connection it belongs to without a
  // weak reference; it may be empty.
  virtual std::shared_ptr<Subscriber> subscribe(std::int64_t session,
                                                std::function<void()> wake) = 0;
  // Subscribers of `session` now (the facilitator's "N connected").
  virtual std::size_t subscribers(std::int64_t session) const = 0;
};

// A bus inside this process. A subscriber holds at most `max_queue` events
// (at least 1) between two take() calls; the next one sets overflowed().
// Subscribers may outlive the bus.
std::unique_ptr<EventBus> make_in_process_bus(std::size_t max_queue = 1024);

}  // namespace solipraxis::live
