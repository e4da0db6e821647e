// What the live room's HTTP tests share (issue 25): org "acme" with a tool and
// a retro session made in the store (two steps, the first with two columns,
// cards hidden until revealed, three dots each), and Participant: one browser
// that joins by code and uses the room's forms as a person would.
#pragma once

#include <regex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/live.h"
#include "core/tool.h"
#include "store/live.h"
#include "store/store.h"
#include "store/tools.h"
#include "web_fixture.h"

namespace solipraxis::web {

inline const store::Actor kLiveActor{std::nullopt, "test"};

// The value of the first hidden or text field `name` in `html` ("" when none).
inline std::string field_in(const std::string& html, const std::string& name) {
  const std::regex re("name=\"" + name + "\" value=\"([^\"]*)\"");
  std::smatch m;
  return std::regex_search(html, m, re) ? m[1].str() : std::string();
}

// The column the add-card form offers first (a choice, or a hidden field for one column).
inline std::string first_column(const std::string& html) {
  static const std::regex re(R"re(id="live-add-column" name="column"><option value="([^"]*)")re");
  std::smatch m;
  return std::regex_search(html, m, re) ? m[1].str() : field_in(html, "column");
}

// One person in the room: their own browser (cookie jar), joined by code.
class Participant {
 public:
  Participant(std::uint16_t port, std::string code) : b(port), code_(std::move(code)) {}

  // Joins with `name` (may be empty) through /join/{code}; true on success.
  bool join(const std::string& name = "") {
    if (b.open(url()).status != 200) return false;
    auto r = b.post(url(), {{"name", name}});
    return r.status == 303 && !b.cookie("solipraxis_live").empty();
  }
  std::string url() const { return "/join/" + code_; }
  // The room page, keeping its form tokens.
  testing::HttpResponse room() {
    auto r = b.open(url());
    room_token_ = field_in(r.body, "room_token");
    return r;
  }
  // Posts a room form with the CSRF and room tokens of the last room page.
  testing::HttpResponse post(const std::string& path,
                             std::vector<std::pair<std::string, std::string>> fields) {
    fields.emplace_back("room_token", room_token_);
    return b.post(url() + path, std::move(fields));
  }
  // Adds a card through the add-card form of a fresh room page (its nonce and step).
  testing::HttpResponse add_card(const std::string& text, const std::string& column = "") {
    const std::string html = room().body;
    std::vector<std::pair<std::string, std::string>> fields = {
        {"text", text}, {"nonce", field_in(html, "nonce")}, {"step", field_in(html, "step")}};
    fields.emplace_back("column", column.empty() ? first_column(html) : column);
    return post("/cards", fields);
  }

  Browser b;

 private:
  std::string code_;
  std::string room_token_;
};

class LiveSite : public ::testing::Test {
 protected:
  void SetUp() override {
    acme_ = srv_.org("acme");
    core::Tool t;
    t.name = "Übersetzungs-KI";
    tool_ = srv_.store().tools().create_tool(acme_.id, t, kLiveActor).value().id;
  }

  // A session in acme: a draft, or started (running at step 0).
  store::LiveSession session(bool start = true, bool hide = true) {
    store::NewLiveSession in;
    in.method_id = "m.team-retro";
    in.catalog_version = 2;
    in.title = "Retro Übersetzungs-KI";
    in.tools = {tool_};
    in.steps = {core::LiveStep{"", "Sammeln", {"Was lief gut, was war schwierig?"},
                               {{"good", "Gut"}, {"hard", "Schwierig"}}, 600},
                core::LiveStep{"", "Abstimmen", {}, {{"c1", "Punkte"}}, 0}};
    in.hide_cards = hide;
    auto s = srv_.store().live().create(acme_.id, in, kLiveActor);
    EXPECT_TRUE(s) << (s ? "" : s.error().key);
    if (start) {
      EXPECT_TRUE(srv_.store().live().go_to_step(acme_.id, s->id, 0, kLiveActor));
    }
    return *s;
  }
  store::LiveBoard board(const store::LiveSession& s) {
    return srv_.store().live().board(acme_.id, s.id, std::nullopt).value();
  }
  // The id of the card whose text is `text` (0 when none is visible to the facilitator).
  std::int64_t card_id(const store::LiveSession& s, const std::string& text,
                       const std::optional<store::ParticipantKey>& key = std::nullopt) {
    const store::LiveBoard b = srv_.store().live().board(acme_.id, s.id, key).value();
    for (const auto& c : b.cards) {
      if (c.text == text) return c.id;
    }
    return 0;
  }
  static store::ParticipantKey key_of(const Participant& p) {
    const std::string cookie = p.b.cookie("solipraxis_live");
    return store::ParticipantKey{cookie.substr(0, cookie.find('.'))};
  }

  AuthServer srv_;
  store::Org acme_;
  core::ToolId tool_;
};

}  // namespace solipraxis::web
