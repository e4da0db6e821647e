// The Server-Sent Events body of a live session: the events after the browser's
// Last-Event-ID from the store, then every event the bus publishes, each once and
// in id order, framed for EventSource. Subscribing before reading the backlog is
// what makes this hold: an event committed in between is in the backlog, the
// queue or both, and the stream skips every id at or below the last one it sent.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/result.h"
#include "live/bus.h"
#include "web/http.h"

namespace solipraxis::web {

// The session's events with an id above `after_id`, oldest first (the store's read).
using EventBacklog = std::function<core::Result<std::vector<live::Event>>(std::int64_t after_id)>;

// Subscribes to `session`, then reads backlog(last_event_id) on the calling
// (handler) thread. The body sends "retry: 3000", the backlog, then queued
// events; it ends after an event of type "ended", or when the subscriber
// overflowed (the browser reconnects and reads the rest from the store). An
// error of the backlog read is returned and nothing stays subscribed.
core::Result<std::shared_ptr<StreamBody>> make_event_stream(live::EventBus& bus,
                                                            std::int64_t session,
                                                            std::int64_t last_event_id,
                                                            const EventBacklog& backlog);

// A 200 text/event-stream response around `body`, not cached and not buffered
// by proxies.
Response event_stream_response(std::shared_ptr<StreamBody> body);

// The id a reconnecting client has seen: the Last-Event-ID header, else the
// query parameter `last` (for clients that cannot set headers); 0 when neither
// is a positive decimal.
std::int64_t last_event_id(const Request& req);

// One event as an SSE frame: "id: N\nevent: TYPE\ndata: ...\n\n", one data line
// per line of the data (CR, LF or CRLF).
std::string sse_frame(const live::Event& e);

}  // namespace solipraxis::web
