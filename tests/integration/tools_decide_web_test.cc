// The tool register's decisions over real HTTP (issue 6): every transition
// through the decide form, only allowed steps offered, the red-line gate,
// decision errors at their fields with the input kept, the non-use list, red
// lines (edit, deactivate, delete with confirmation) and the review interval.
#include <utility>

#include <gtest/gtest.h>

#include <algorithm>
#include <regex>

#include <nlohmann/json.hpp>

#include "core/html.h"
#include "core/public_register.h"
#include "register_site.h"
#include "store/store.h"
#include "store/tool_records.h"
#include "store/tools.h"

namespace solipraxis::web {
namespace {

TEST(ToolsDecideWeb, EveryTransitionWorksThroughTheDecideForm) {
  Register reg;
  const auto line = std::to_string(reg.red_line("Kein Training mit Beratungsgesprächen"));
  const auto id = reg.create({{"name", "Übersetzer"}});
  ASSERT_GT(id, 0);
  const std::vector<std::pair<std::string, core::Phase>> path = {
      {"explore", core::Phase::kSelection}, {"pilot", core::Phase::kPilot},
      {"adopt", core::Phase::kInUse},       {"evaluate", core::Phase::kEvaluation},
      {"continue", core::Phase::kInUse},    {"evaluate", core::Phase::kEvaluation},
      {"retire", core::Phase::kRetired}};
  for (const auto& [kind, to] : path) {
    auto r = reg.decide(id, step(kind, {{"red_line", line}}));
    ASSERT_EQ(r.status, 303) << kind << ": " << r.body;
    EXPECT_EQ(reg.tool(id).phase, to) << kind;
  }
  auto decisions = reg.srv.store().tools().decisions(reg.org(), core::ToolId(id)).value();
  ASSERT_EQ(decisions.size(), path.size());
  EXPECT_EQ(decisions[1].red_lines.size(), 1u) << "pilot recorded the confirmation";
  EXPECT_TRUE(decisions[0].red_lines.empty()) << "explore records none";
  // Retire from in use directly, and reject from idea, selection and pilot.
  const auto used = reg.create({{"name", "Chat"}});
  for (const char* k : {"explore", "pilot", "adopt", "retire"}) {
    ASSERT_EQ(reg.decide(used, step(k, {{"red_line", line}})).status, 303) << k;
  }
  EXPECT_EQ(reg.tool(used).phase, core::Phase::kRetired);
  for (int before = 0; before < 3; ++before) {
    const auto t = reg.create({{"name", "Kandidat " + std::to_string(before)}});
    const char* steps[] = {"explore", "pilot"};
    for (int i = 0; i < before; ++i) {
      ASSERT_EQ(reg.decide(t, step(steps[i], {{"red_line", line}})).status, 303);
    }
    ASSERT_EQ(reg.decide(t, step("reject")).status, 303);
    EXPECT_EQ(reg.tool(t).phase, core::Phase::kRejected) << "from step " << before;
  }
  // The tool page shows the whole timeline as text.
  auto page = reg.b.get("/o/acme/tools/" + std::to_string(id));
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "Nicht mehr im Einsatz"));
  EXPECT_TRUE(contains(page.body, "Kein Training mit Beratungsgesprächen"));
  EXPECT_TRUE(contains(page.body, "Auswertung → Im Einsatz"));
}

TEST(ToolsDecideWeb, TheDecidePageOffersOnlyAllowedStepsAndRefusesOthers) {
  Register reg;
  const auto id = reg.create({{"name", "Idee"}});
  auto page = reg.b.open("/o/acme/tools/" + std::to_string(id) + "/decide");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, R"(value="explore")"));
  EXPECT_TRUE(contains(page.body, R"(value="reject")"));
  EXPECT_FALSE(contains(page.body, R"(value="adopt")"));
  EXPECT_TRUE(contains(page.body, "Nicht-Nutzung ist eine legitime Entscheidung"));
  // Shared only when the tool is made public: the form must not promise more.
  EXPECT_TRUE(contains(page.body, "kann im öffentlichen Register geteilt werden, wenn Sie das "
                                  "Werkzeug freigeben"));
  EXPECT_FALSE(contains(page.body, "wird geteilt"));
  auto r = reg.decide(id, step("adopt"));
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(contains(r.body, "Dieser Schritt ist aus der aktuellen Phase nicht möglich."));
  EXPECT_TRUE(contains(r.body, "Weil es so besser ist.")) << "input kept";
  EXPECT_EQ(reg.tool(id).phase, core::Phase::kIdea);
}

TEST(ToolsDecideWeb, TheRedLineGateRefusesAPilotWithAnUnconfirmedLine) {
  Register reg;
  const auto a = std::to_string(reg.red_line("Keine Gesundheitsdaten in fremde Clouds"));
  const auto b = std::to_string(reg.red_line("Kein Training mit unseren Daten"));
  const auto id = reg.create({{"name", "Diktat"}});
  ASSERT_EQ(reg.decide(id, step("explore")).status, 303);
  auto r = reg.decide(id, step("pilot", {{"red_line", a}}));
  EXPECT_EQ(r.status, 409) << r.body;
  EXPECT_TRUE(contains(r.body, "Bitte bestätigen Sie jede rote Linie"));
  EXPECT_TRUE(contains(r.body, "noch nicht bestätigt"));
  EXPECT_TRUE(contains(r.body, "value=\"" + a + "\" checked")) << "the confirmed one stays ticked";
  EXPECT_EQ(reg.tool(id).phase, core::Phase::kSelection);
  EXPECT_EQ(reg.decide(id, step("pilot", {{"red_line", a}, {"red_line", b}})).status, 303);
  EXPECT_EQ(reg.tool(id).phase, core::Phase::kPilot);
}

TEST(ToolsDecideWeb, DecisionErrorsAreShownAtTheirFieldsWithInputKept) {
  Register reg;
  const auto id = reg.create({{"name", "Bildgenerator"}});
  auto r = reg.decide(id, {{"kind", "reject"}, {"rationale", " "}, {"decided_by", "Team"},
                           {"decided_on", "2026-01-01"}, {"principle_3", "1"},
                           {"principle_3_how", ""}, {"principle_5", "1"},
                           {"principle_5_how", "<b>fett</b>"}});
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(contains(r.body, "Bitte begründen Sie die Entscheidung."));
  EXPECT_TRUE(contains(r.body, R"(id="decide-principle_3-error")"));
  EXPECT_TRUE(contains(r.body, "&lt;b&gt;fett&lt;/b&gt;")) << "kept and escaped";
  EXPECT_FALSE(contains(r.body, "<b>fett</b>"));
  EXPECT_EQ(reg.tool(id).phase, core::Phase::kIdea);
  // Text typed for a principle that is not ticked is not dropped silently:
  // the form asks to tick it or clear it, and keeps the text.
  auto unticked = reg.decide(id, step("reject", {{"principle_4_how", "Wir bleiben transparent."}}));
  EXPECT_EQ(unticked.status, 422);
  EXPECT_TRUE(contains(unticked.body, "Kreuzen Sie das Prinzip an oder löschen Sie den Text."));
  EXPECT_TRUE(contains(unticked.body, R"(id="decide-principle_4-error")"));
  EXPECT_TRUE(contains(unticked.body, R"(name="principle_4_how" rows="2" aria-invalid="true" aria-describedby="decide-principle_4-error">Wir bleiben transparent.</textarea>)"))
      << unticked.body;
  EXPECT_TRUE(contains(unticked.body, R"(id="decide-principle_4" name="principle_4" value="1" aria-invalid="true" aria-describedby="decide-principle_4-error")"));
  EXPECT_EQ(reg.tool(id).phase, core::Phase::kIdea);
  // A next review in the past for a pilot.
  ASSERT_EQ(reg.decide(id, step("explore")).status, 303);
  auto past = reg.decide(id, step("pilot", {{"next_review", "2025-12-31"}}));
  EXPECT_EQ(past.status, 422);
  EXPECT_TRUE(contains(past.body, "darf nicht in der Vergangenheit liegen"));
}

// Every error message has an id and the controls it concerns point at it
// (aria-describedby), so a screen reader reads the message at the control.
TEST(ToolsDecideWeb, NonUseWithPrinciplesAppearsInTheNonUseListNewestFirst) {
  Register reg;
  auto empty = reg.b.get("/o/acme/non-use");
  ASSERT_EQ(empty.status, 200);
  EXPECT_TRUE(contains(empty.body, "noch kein Werkzeug bewusst abgelehnt"));
  const auto first = reg.create({{"name", "Erstes"}});
  ASSERT_EQ(reg.decide(first, step("reject")).status, 303);
  const auto second = reg.create({{"name", "Zweites"}});
  auto r = reg.decide(second, {{"kind", "reject"}, {"rationale", "Trainiert mit Eingaben."},
                               {"decided_by", "Vorstand"}, {"decided_on", "2026-01-01"},
                               {"principle_2", "1"}, {"principle_2_how", "Daten bleiben bei uns."}});
  ASSERT_EQ(r.status, 303) << r.body;
  auto page = reg.b.get("/o/acme/non-use");
  ASSERT_EQ(page.status, 200);
  EXPECT_LT(page.body.find("Zweites"), page.body.find("Erstes")) << "newest first";
  EXPECT_TRUE(contains(page.body, "Trainiert mit Eingaben."));
  EXPECT_TRUE(contains(page.body, "Daten bleiben bei uns."));
  const auto* p2 = reg.srv.app().services().catalog->current().principle("p.2");
  ASSERT_NE(p2, nullptr);
  EXPECT_TRUE(contains(page.body, "2. " + core::html_escape(p2->name.de))) << "principle named from the catalog";
}

TEST(ToolsDecideWeb, RedLinesAreAddedEditedDeactivatedAndDeletedWithConfirmation) {
  Register reg;
  reg.b.open("/o/acme/red-lines");
  ASSERT_EQ(reg.b.post("/o/acme/red-lines", {{"text", "Keine Gesichtserkennung"}}).status, 303);
  ASSERT_EQ(reg.b.post("/o/acme/red-lines", {{"text", "Kein Training mit Chats"}}).status, 303);
  auto blank = reg.b.post("/o/acme/red-lines", {{"text", "  "}});
  EXPECT_EQ(blank.status, 400);
  EXPECT_TRUE(contains(blank.body, "Bitte beschreiben Sie die rote Linie."));
  auto lines = reg.srv.store().tools().red_lines(reg.org()).value();
  ASSERT_EQ(lines.size(), 2u);
  const std::string a = std::to_string(lines[0].id.value), b = std::to_string(lines[1].id.value);
  // A pilot confirms both; then the first cannot be deleted, only deactivated.
  const auto id = reg.create({{"name", "Kamera"}});
  ASSERT_EQ(reg.decide(id, step("explore")).status, 303);
  ASSERT_EQ(reg.decide(id, step("pilot", {{"red_line", a}, {"red_line", b}})).status, 303);
  auto confirm = reg.b.open("/o/acme/red-lines/" + a + "/delete");
  ASSERT_EQ(confirm.status, 200);
  EXPECT_TRUE(contains(confirm.body, "wirklich löschen"));
  auto refused = reg.b.post("/o/acme/red-lines/" + a + "/delete", {});
  EXPECT_EQ(refused.status, 409);
  EXPECT_TRUE(contains(refused.body, "Sie können sie deaktivieren."));
  // Nor can its text change: the decision confirmed that meaning. The refusal
  // keeps the input, says what to do instead and links to the form for a new line.
  reg.b.open("/o/acme/red-lines/" + a + "/edit");
  auto reword = reg.b.post("/o/acme/red-lines/" + a,
                           {{"text", "Gesichtserkennung nur mit Einwilligung"}});
  EXPECT_EQ(reword.status, 409);
  EXPECT_TRUE(contains(reword.body, "Sie können sie nicht löschen und ihren Text nicht ändern."));
  EXPECT_TRUE(contains(reword.body, "schreiben Sie eine neue rote Linie"));
  EXPECT_TRUE(contains(reword.body, R"(href="/o/acme/red-lines#red-lines-add")"));
  EXPECT_TRUE(contains(reword.body, "Gesichtserkennung nur mit Einwilligung")) << "input kept";
  auto unchanged = reg.srv.store().tools().red_lines(reg.org()).value();
  EXPECT_EQ(unchanged[0].text, "Keine Gesichtserkennung");
  EXPECT_TRUE(unchanged[0].active) << "a refused save changes nothing, not even the checkbox";
  // Deactivating it with its text as it is (spaces around it do not count) works.
  ASSERT_EQ(reg.b.post("/o/acme/red-lines/" + a, {{"text", "  Keine Gesichtserkennung "}}).status,
            303);
  auto after = reg.srv.store().tools().red_lines(reg.org()).value();
  EXPECT_FALSE(after[0].active);
  EXPECT_EQ(after[0].text, "Keine Gesichtserkennung");
  EXPECT_TRUE(contains(reg.b.get("/o/acme/red-lines").body, "deaktiviert"));

  // An unconfirmed line can be deleted.
  const auto c = std::to_string(reg.red_line("Ungenutzt"));
  // An unconfirmed line can be reworded.
  reg.b.open("/o/acme/red-lines/" + c + "/edit");
  EXPECT_EQ(reg.b.post("/o/acme/red-lines/" + c, {{"text", "Nie genutzt"}, {"active", "1"}}).status,
            303);
  EXPECT_EQ(reg.srv.store().tools().red_lines(reg.org())->back().text, "Nie genutzt");
  reg.b.open("/o/acme/red-lines/" + c + "/delete");
  EXPECT_EQ(reg.b.post("/o/acme/red-lines/" + c + "/delete", {}).status, 303);
  EXPECT_EQ(reg.srv.store().tools().red_lines(reg.org())->size(), 2u);
}

TEST(ToolsDecideWeb, TheReviewIntervalIsCheckedAndSetsTheDecideDefault) {
  Register reg;
  reg.b.open("/o/acme/red-lines");
  for (const char* bad : {"0", "37", "sechs", ""}) {
    auto r = reg.b.post("/o/acme/review-interval", {{"months", bad}});
    EXPECT_EQ(r.status, 400) << bad;
    EXPECT_TRUE(contains(r.body, "1 bis 36 Monate")) << bad;
  }
  EXPECT_EQ(reg.srv.store().tools().review_interval_months(reg.org()).value(), 6);
  EXPECT_EQ(reg.b.post("/o/acme/review-interval", {{"months", "12"}}).status, 303);
  EXPECT_EQ(reg.srv.store().tools().review_interval_months(reg.org()).value(), 12);
  const auto id = reg.create({{"name", "Planer"}});
  auto page = reg.b.get("/o/acme/tools/" + std::to_string(id) + "/decide");
  // The field stays empty, as its hint says ("leave empty for the default"),
  // and the hint names the interval; the store then sets today + 12 months.
  EXPECT_TRUE(contains(page.body, R"(name="next_review" value="")")) << page.body;
  EXPECT_TRUE(contains(page.body, "in Monaten: 12"));
  ASSERT_EQ(reg.decide(id, step("explore")).status, 303);
  ASSERT_EQ(reg.decide(id, step("pilot")).status, 303);
  EXPECT_EQ(reg.tool(id).next_review->str(), "2027-01-01") << "today + 12 months";
}

}  // namespace
}  // namespace solipraxis::web
