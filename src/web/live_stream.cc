#include "web/live_stream.h"

#include <mutex>
#include <optional>
#include <string_view>
#include <utility>

#include "web/handlers/common/params.h"

namespace solipraxis::web {
namespace {

// The server's waker arrives only when the response is written, after the
// subscription; the bus calls whatever is in the slot then (perhaps nothing yet:
// the first poll takes what was queued meanwhile).
struct WakerSlot {
  std::mutex mu;
  std::function<void()> wake;

  void call() {
    std::function<void()> w;
    {
      std::lock_guard lock(mu);
      w = wake;
    }
    if (w) w();
  }
};

class EventStream final : public StreamBody {
 public:
  EventStream(std::shared_ptr<WakerSlot> slot, std::shared_ptr<live::Subscriber> subscriber,
              std::vector<live::Event> backlog, std::int64_t last_event_id)
      : slot_(std::move(slot)),
        subscriber_(std::move(subscriber)),
        backlog_(std::move(backlog)),
        last_sent_(last_event_id) {}

  // Runs on the server's network thread only.
  std::optional<std::string> poll() override {
    if (ended_) return std::nullopt;
    std::string out;
    if (!started_) {
      started_ = true;
      out = "retry: 3000\n\n";
      append(out, std::exchange(backlog_, {}));
    }
    if (!ended_) append(out, subscriber_->take());
    if (!ended_ && subscriber_->overflowed()) ended_ = true;
    if (out.empty() && ended_) return std::nullopt;
    return out;
  }

  void set_waker(std::function<void()> waker) override {
    std::lock_guard lock(slot_->mu);
    slot_->wake = std::move(waker);
  }

 private:
  void append(std::string& out, const std::vector<live::Event>& events) {
    for (const auto& e : events) {
      if (e.id <= last_sent_) continue;
      out += sse_frame(e);
      last_sent_ = e.id;
      if (e.type == "ended") {
        ended_ = true;
        return;
      }
    }
  }

  std::shared_ptr<WakerSlot> slot_;
  std::shared_ptr<live::Subscriber> subscriber_;
  std::vector<live::Event> backlog_;
  std::int64_t last_sent_;
  bool started_ = false;
  bool ended_ = false;
};

}  // namespace

core::Result<std::shared_ptr<StreamBody>> make_event_stream(live::EventBus& bus,
                                                            std::int64_t session,
                                                            std::int64_t last_event_id,
                                                            const EventBacklog& backlog) {
  auto slot = std::make_shared<WakerSlot>();
  auto subscriber = bus.subscribe(session, [slot] { slot->call(); });
  auto events = backlog(last_event_id);
  if (!events) return events.error();
  return std::shared_ptr<StreamBody>(std::make_shared<EventStream>(
      std::move(slot), std::move(subscriber), std::move(events).value(), last_event_id));
}

Response event_stream_response(std::shared_ptr<StreamBody> body) {
  Response res;
  res.headers.set("Content-Type", "text/event-stream; charset=utf-8");
  res.headers.set("Cache-Control", "no-store");
  res.headers.set("X-Accel-Buffering", "no");  // nginx: pass each event on at once
  res.stream = std::move(body);
  return res;
}

std::int64_t last_event_id(const Request& req) {
  if (auto id = handlers::parse_id(req.header("Last-Event-ID"))) return *id;
  if (auto id = handlers::parse_id(req.query.value("last"))) return *id;
  return 0;
}

std::string sse_frame(const live::Event& e) {
  std::string out = "id: " + std::to_string(e.id) + "\nevent: " + e.type + "\n";
  std::string_view rest = e.data;
  while (true) {
    const auto end = rest.find_first_of("\r\n");
    out += "data: ";
    out += rest.substr(0, end);
    out += '\n';
    if (end == std::string_view::npos) break;
    const bool crlf = rest[end] == '\r' && end + 1 < rest.size() && rest[end + 1] == '\n';
    rest.remove_prefix(end + (crlf ? 2 : 1));
  }
  out += '\n';
  return out;
}

}  // namespace solipraxis::web
