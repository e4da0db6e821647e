// The facilitator's connection drops (issue 25): the session keeps its state
// in the store, and another member of the org, with the plainest role, opens
// the running session and drives it to the end (timer, reveal, clusters,
// notes, steps, action items, the end), while the room keeps working and
// follows her changes live. The first facilitator can come back to the same
// state. The audit log names who did what.
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <set>
#include <string>

#include "http_client.h"
#include "live_site.h"
#include "store/action_items.h"
#include "store/audit.h"
#include "store/paging.h"

namespace solipraxis::web {
namespace {

using testing::Connection;

class LiveTakeover : public LiveSite {
 protected:
  std::unique_ptr<Connection> facilitator_stream(const Browser& b, const std::string& url) {
    auto c = std::make_unique<Connection>(srv_.port());
    EXPECT_TRUE(c->send("GET " + url + "/events HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: solipraxis_session=" +
                        b.cookie("solipraxis_session") + "\r\n\r\n"));
    return c;
  }
  std::unique_ptr<Connection> room_stream(const Participant& p) {
    auto c = std::make_unique<Connection>(srv_.port());
    EXPECT_TRUE(c->send("GET " + p.url() + "/events HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: solipraxis_live=" +
                        p.b.cookie("solipraxis_live") + "\r\n\r\n"));
    return c;
  }
};

TEST_F(LiveTakeover, AnotherMemberTakesOverARunningSessionAndTheRoomCarriesOn) {
  const store::User ada = srv_.user("ada@example.org", "acme", store::Role::kEditor);
  const store::User bo = srv_.user("bo@example.org", "acme", store::Role::kMember);
  const store::LiveSession s = session(/*start=*/false);
  const std::string url = "/o/acme/sessions/" + std::to_string(s.id);

  // Ada starts the room; Anna joins and writes a card.
  Browser ada_b(srv_.port());
  ASSERT_EQ(ada_b.sign_in("ada@example.org").status, 303);
  ada_b.open(url);
  ASSERT_EQ(ada_b.post(url + "/step", {{"step", "0"}}).status, 303);
  Participant anna(srv_.port(), s.join_code);
  ASSERT_TRUE(anna.join("Anna"));
  ASSERT_EQ(anna.add_card("Spart Zeit bei Briefen", "good").status, 303);
  srv_.clock().advance(120);

  // Ada's screen follows the room, then her connection drops (laptop closed).
  auto ada_stream = facilitator_stream(ada_b, url);
  ASSERT_TRUE(ada_stream->read_until("event: card"));
  ada_stream.reset();

  // Anna writes on; the room does not depend on Ada.
  ASSERT_EQ(anna.add_card("Unklar, wo die Daten liegen", "hard").status, 303);
  auto anna_stream = room_stream(anna);
  ASSERT_TRUE(anna_stream->read_until("event: card"));

  // Bo, a member, finds the running session and sees where the room stands.
  Browser bo_b(srv_.port());
  ASSERT_EQ(bo_b.sign_in("bo@example.org").status, 303);
  auto list = bo_b.open("/o/acme/sessions");
  ASSERT_EQ(list.status, 200);
  EXPECT_TRUE(contains(list.body, url)) << "the running session is listed";
  auto page = bo_b.open(url);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "Noch 8 Min. 0 Sek.")) << "the timer on server time, not restarted";
  EXPECT_TRUE(contains(page.body, "noch verdeckt")) << "the room's cards, hidden as before";
  EXPECT_TRUE(contains(page.body, "Beigetreten: 1")) << "who is in the room";

  // Bo drives: timer, reveal, cluster, notes, next step, action item.
  ASSERT_EQ(bo_b.post(url + "/timer", {{"action", "pause"}}).status, 303);
  auto paused = anna_stream->read_until("\"paused\":true");
  ASSERT_TRUE(paused) << "the room sees the pause live";
  ASSERT_EQ(bo_b.post(url + "/timer", {{"action", "resume"}}).status, 303);
  ASSERT_EQ(bo_b.post(url + "/timer", {{"action", "5"}}).status, 303);
  EXPECT_TRUE(contains(bo_b.open(url).body, "Noch 13 Min. 0 Sek.")) << "extended by 5 minutes";
  ASSERT_EQ(bo_b.post(url + "/reveal", {{"step", "0"}}).status, 303);
  ASSERT_TRUE(anna_stream->read_until("\"reveal\":0"));
  EXPECT_TRUE(contains(anna.room().body, "Unklar, wo die Daten liegen"));
  const std::int64_t a = card_id(s, "Spart Zeit bei Briefen");
  const std::int64_t b = card_id(s, "Unklar, wo die Daten liegen");
  ASSERT_EQ(bo_b.post(url + "/group", {{"cluster_name", "Alltag"},
                                       {"cards", std::to_string(a)},
                                       {"cards", std::to_string(b)}})
                .status,
            303);
  ASSERT_EQ(bo_b.post(url + "/notes", {{"step", "0"}, {"notes", "Datenort klären"}}).status, 303);
  ASSERT_EQ(bo_b.post(url + "/step", {{"step", "1"}}).status, 303);
  ASSERT_TRUE(anna_stream->read_until("\"step\":1"));
  ASSERT_EQ(bo_b.post(url + "/actions", {{"text", "Datenort beim Anbieter erfragen"},
                                         {"responsible", std::to_string(ada.id.value)}})
                .status,
            303);

  // Ada comes back: the same state, and she may drive again.
  page = ada_b.open(url);
  EXPECT_TRUE(contains(page.body, "Datenort beim Anbieter erfragen"));
  EXPECT_TRUE(contains(page.body, "Gruppe: Alltag"));
  EXPECT_TRUE(contains(page.body, "Abstimmen")) << "the step Bo moved to";

  // Bo ends the session; the action item lands in the tool's record.
  ASSERT_EQ(bo_b.post(url + "/end", {{"review_date", "30.06.2026"}, {"confirm", "1"}}).status, 303);
  ASSERT_TRUE(anna_stream->read_until("event: ended"));
  auto items = srv_.store().action_items().items(acme_.id, tool_, true).value();
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items.front().text, "Datenort beim Anbieter erfragen");
  EXPECT_EQ(board(s).session.state, core::LiveState::kEnded);

  // Who did what: Ada the start, Bo every change after the take-over.
  auto log = srv_.store().audit().audit_log(acme_.id, store::PageRequest{200, ""}).value();
  std::map<std::string, std::set<std::int64_t>> by_action;
  for (const auto& e : log.items) {
    if (e.entity == "live_session" && e.actor) by_action[e.action].insert(e.actor->value);
  }
  EXPECT_EQ(by_action["live_session.timer"], std::set<std::int64_t>{bo.id.value});
  EXPECT_EQ(by_action["live_session.reveal"], std::set<std::int64_t>{bo.id.value});
  EXPECT_EQ(by_action["live_session.end"], std::set<std::int64_t>{bo.id.value});
  EXPECT_EQ(by_action["live_session.step"], (std::set<std::int64_t>{ada.id.value, bo.id.value}));
}

}  // namespace
}  // namespace solipraxis::web
