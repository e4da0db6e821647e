// The room's live updates over a real server socket (issue 25): a card posted
// by one participant reaches another's open event stream at once, a hidden
// card's event carries no text, and an ended session's stream answers 204 so
// browsers stop reconnecting. The stream itself (backlog, Last-Event-ID,
// keepalive) is tested in web/live_stream_test.cc and tests/integration.
#include <gtest/gtest.h>

#include "http_client.h"
#include "live_site.h"

namespace solipraxis::web {
namespace {

using namespace std::chrono_literals;

class LiveEvents : public LiveSite {
 protected:
  // An open GET of the room's events as `p`'s browser, headers read.
  std::unique_ptr<testing::Connection> open_stream(const Participant& p, const std::string& extra = "") {
    auto c = std::make_unique<testing::Connection>(srv_.port());
    c->send("GET " + p.url() + "/events HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n"
            "Cookie: solipraxis_live=" + p.b.cookie("solipraxis_live") + "\r\n" + extra + "\r\n");
    auto head = c->read_until("\r\n\r\n", 5s);
    EXPECT_TRUE(head && contains(*head, "200") && contains(*head, "text/event-stream"))
        << (head ? *head : "no answer");
    return c;
  }
};

TEST_F(LiveEvents, ACardPostedByOneReachesAnothersOpenStream) {
  const auto s = session(true, false);
  Participant ada(srv_.port(), s.join_code), ben(srv_.port(), s.join_code);
  ASSERT_TRUE(ada.join());
  ASSERT_TRUE(ben.join());
  auto stream = open_stream(ben);
  ASSERT_EQ(ada.add_card("Live angekommen").status, 303);
  auto frame = stream->read_until("Live angekommen", 5s);
  ASSERT_TRUE(frame) << "the card's event reached the open stream";
  EXPECT_TRUE(contains(*frame, "event: card"));
}

TEST_F(LiveEvents, AHiddenCardsEventHoldsNoTextAndTheRevealTellsToReload) {
  const auto s = session();
  Participant ada(srv_.port(), s.join_code), ben(srv_.port(), s.join_code);
  ASSERT_TRUE(ada.join());
  ASSERT_TRUE(ben.join());
  auto stream = open_stream(ben);
  ASSERT_EQ(ada.add_card("Geheim bis zum Aufdecken").status, 303);
  auto frame = stream->read_until("\n\n", 5s);
  ASSERT_TRUE(frame);
  while (frame && !contains(*frame, "event: card")) frame = stream->read_until("\n\n", 5s);
  ASSERT_TRUE(frame);
  EXPECT_FALSE(contains(*frame, "Geheim")) << *frame;
  ASSERT_TRUE(srv_.store().live().reveal(acme_.id, s.id, 0, kLiveActor));
  // The store wrote the reveal; a facilitator's handler publishes it. Here the
  // next participant write shows the stream still runs and stays in order.
  ASSERT_EQ(ada.add_card("Nach dem Aufdecken").status, 303);
  EXPECT_TRUE(stream->read_until("Nach dem Aufdecken", 5s));
}

TEST_F(LiveEvents, AReconnectGetsWhatItMissedFromTheStore) {
  const auto s = session(true, false);
  Participant ada(srv_.port(), s.join_code), ben(srv_.port(), s.join_code);
  ASSERT_TRUE(ada.join());
  ASSERT_TRUE(ben.join());
  ASSERT_EQ(ada.add_card("Vor der Verbindung").status, 303);
  const std::int64_t seen = board(s).last_event;
  ASSERT_EQ(ada.add_card("Während der Pause").status, 303);
  auto stream = open_stream(ben, "Last-Event-ID: " + std::to_string(seen) + "\r\n");
  auto frame = stream->read_until("Während der Pause", 5s);
  ASSERT_TRUE(frame);
  EXPECT_FALSE(contains(*frame, "Vor der Verbindung")) << "nothing twice";
}

TEST_F(LiveEvents, AnEndedSessionsStreamEndsAtOnceAndWithoutTheCookieThereIsNone) {
  const auto s = session();
  Participant ada(srv_.port(), s.join_code);
  ASSERT_TRUE(ada.join());
  Browser stranger(srv_.port());
  EXPECT_EQ(stranger.get(ada.url() + "/events").status, 403);
  ASSERT_TRUE(srv_.store().live().end(acme_.id, s.id, std::nullopt, kLiveActor));
  EXPECT_EQ(ada.b.get(ada.url() + "/events").status, 204);
}

}  // namespace
}  // namespace solipraxis::web
