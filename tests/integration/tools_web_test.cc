// The tool register's member pages over real HTTP (issue 6): every transition
// through the decide form, the red-line gate, optimistic locking with nothing
// lost, validation errors next to their fields with the input kept, escaping,
// roles (members read, editors write), tenancy (another org's tool is 404),
// non-use list, red lines and the review interval, exports.
#include <utility>

#include <gtest/gtest.h>

#include <algorithm>
#include <regex>

#include <nlohmann/json.hpp>

#include "core/html.h"
#include "core/public_register.h"
#include "store/tool_records.h"
#include "web_fixture.h"

namespace solipraxis::web {
namespace {

using Fields = std::vector<std::pair<std::string, std::string>>;

// An org "acme" with an owner signed in, a catalog for principle names.
class Register {
 public:
  Register() : b(srv.port()) {
    srv.load_catalog();
    srv.user("ada@example.org", "acme", store::Role::kOwner);
    EXPECT_EQ(b.sign_in("ada@example.org").status, 303);
  }
  core::OrgId org() { return srv.org("acme").id; }
  core::Tool tool(std::int64_t id) { return srv.store().tool(org(), core::ToolId(id)).value(); }

  // Records a tool through the form; returns its id (0 on failure).
  std::int64_t create(Fields fields) {
    b.open("/o/acme/tools/new");
    auto r = b.post("/o/acme/tools", std::move(fields));
    EXPECT_EQ(r.status, 303) << r.body;
    static const std::regex re(R"(/o/acme/tools/(\d+)\?saved=created)");
    std::smatch m;
    const std::string loc = r.header("Location");
    return std::regex_search(loc, m, re) ? std::stoll(m[1].str()) : 0;
  }
  testing::HttpResponse decide(std::int64_t id, Fields fields, bool with_version = true) {
    const std::string url = "/o/acme/tools/" + std::to_string(id) + "/decide";
    b.open(url);
    if (with_version) fields.emplace_back("version", std::to_string(tool(id).version));
    return b.post(url, std::move(fields));
  }
  std::int64_t red_line(const std::string& text) {
    return srv.store().create_red_line(org(), text, store::Actor{std::nullopt, "test"})->id.value;
  }

  AuthServer srv;
  Browser b;
};

Fields step(const std::string& kind, Fields extra = {}) {
  Fields f{{"kind", kind}, {"rationale", "Weil es so besser ist."}, {"decided_by", "Vorstand"},
           {"decided_on", "2026-01-01"}};
  for (auto& e : extra) f.push_back(std::move(e));
  return f;
}

TEST(ToolsWeb, EveryTransitionWorksThroughTheDecideForm) {
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
  auto decisions = reg.srv.store().decisions(reg.org(), core::ToolId(id)).value();
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

TEST(ToolsWeb, TheDecidePageOffersOnlyAllowedStepsAndRefusesOthers) {
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

TEST(ToolsWeb, TheRedLineGateRefusesAPilotWithAnUnconfirmedLine) {
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

TEST(ToolsWeb, DecisionErrorsAreShownAtTheirFieldsWithInputKept) {
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
TEST(ToolsWeb, FormErrorsAreTiedToTheirControls) {
  Register reg;
  const auto line = std::to_string(reg.red_line("Keine Gesichtserkennung"));
  const auto id = reg.create({{"name", "Kamera"}});
  ASSERT_EQ(reg.decide(id, step("explore")).status, 303);
  // No decision chosen, a too long principle text, an unconfirmed red line.
  auto r = reg.decide(id, {{"rationale", "Test"}, {"decided_by", "Team"},
                           {"decided_on", "2026-01-01"}, {"principle_2", "1"},
                           {"principle_2_how", std::string(1001, 'x')}});
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(contains(r.body, R"(<p class="field-error" id="decide-kind-error">)")) << r.body;
  EXPECT_TRUE(contains(r.body, R"(id="decide-kind-pilot" name="kind" value="pilot" aria-describedby="decide-kind-pilot-hint decide-kind-error" aria-invalid="true")"));
  EXPECT_TRUE(contains(r.body, R"(<p class="field-error" id="decide-principles-error">)"));
  EXPECT_TRUE(contains(r.body, R"(id="decide-principle_2" name="principle_2" value="1" checked aria-describedby="decide-principles-error")"));
  EXPECT_TRUE(contains(r.body, R"(name="principle_2_how" rows="2" aria-describedby="decide-principles-error")"));
  auto gate = reg.decide(id, step("pilot"));
  EXPECT_EQ(gate.status, 409);
  EXPECT_TRUE(contains(gate.body, R"(<p class="field-error" id="decide-red-lines-error">)"));
  EXPECT_TRUE(contains(gate.body, "id=\"decide-red-line-" + line + "\" name=\"red_line\" value=\"" +
                                      line + "\" aria-invalid=\"true\" aria-describedby=\"decide-red-lines-error\""))
      << gate.body;
  // The red-lines page: the add form and the review interval.
  reg.b.open("/o/acme/red-lines");
  auto blank = reg.b.post("/o/acme/red-lines", {{"text", "  "}});
  EXPECT_EQ(blank.status, 400);
  EXPECT_TRUE(contains(blank.body, R"(<p id="red-line-text-error">)"));
  EXPECT_TRUE(contains(blank.body, R"(aria-describedby="red-line-text-hint red-line-text-error" aria-invalid="true")"));
  auto months = reg.b.post("/o/acme/review-interval", {{"months", "99"}});
  EXPECT_EQ(months.status, 400);
  EXPECT_TRUE(contains(months.body, R"(<p id="review-months-error">)"));
  EXPECT_TRUE(contains(months.body, R"(aria-invalid="true" aria-describedby="review-months-error")"));
}

// Editors see which fields go public once the tool is ticked public: each such
// label says so in words, and the hint of the box lists them.
TEST(ToolsWeb, TheFormMarksEveryFieldThePublicRegisterShows) {
  Register reg;
  auto page = reg.b.open("/o/acme/tools/new");
  ASSERT_EQ(page.status, 200);
  const std::string marker = R"( <span class="public-marker">(öffentlich, wenn freigegeben)</span></label>)";
  std::size_t count = 0;
  for (auto at = page.body.find(marker); at != std::string::npos; at = page.body.find(marker, at + 1)) {
    ++count;
  }
  // Personal data is a group of radio buttons: its marker ends the legend.
  EXPECT_TRUE(contains(page.body, R"(<legend>Personenbezogene Daten <span class="public-marker">(öffentlich, wenn freigegeben)</span></legend>)"));
  EXPECT_EQ(count + 1, core::kPublicToolFields.size());
  for (const char* label : {R"(<label for="tool-contact">Ansprechperson)",
                            R"(<label for="tool-purpose">Zweck)",
                            R"(<label for="tool-target_groups">Zielgruppen)",
                            R"(<label for="tool-affected_groups">Betroffen: Gruppen)",
                            R"(<label for="tool-data_processed">Verarbeitete Daten)",
                            R"(<label for="tool-vendor">Bereitgestellt von (Unternehmen oder Projekt))",
                            R"(<label for="tool-hosting">Betrieb)"}) {
    EXPECT_TRUE(contains(page.body, label + marker)) << label;
  }
  EXPECT_TRUE(contains(page.body, R"(<label for="tool-cost">Kosten</label>)")) << "cost stays internal";
  EXPECT_TRUE(contains(page.body, "Dann sind diese Angaben öffentlich: Name, Bereitgestellt von "
                                  "(Unternehmen oder Projekt), Zweck, Zielgruppen, Betrieb"));
  EXPECT_FALSE(contains(page.body, "öffentlich: Name, Bereitgestellt von (Unternehmen oder Projekt), "
                                   "Zweck, Zielgruppen, Betrieb, Offenheit des Modells, Kosten"));
}

TEST(ToolsWeb, NonUseWithPrinciplesAppearsInTheNonUseListNewestFirst) {
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

TEST(ToolsWeb, ValidationErrorsStandAtTheirFieldsAndTheInputIsKept) {
  Register reg;
  reg.b.open("/o/acme/tools/new");
  auto r = reg.b.post("/o/acme/tools",
                      {{"name", ""},
                       {"purpose", "<script>alert(1)</script>"},
                       {"links", "https://example.org\nftp://nope"},
                       {"public", "1"},
                       {"hosting", "mars"},
                       {"next_review", "2025-01-01"}});
  EXPECT_EQ(r.status, 422);
  for (const char* field : {"name", "links", "public_summary", "hosting", "next_review"}) {
    EXPECT_TRUE(contains(r.body, std::string("id=\"tool-") + field + "-error\"")) << field;
  }
  EXPECT_TRUE(contains(r.body, "Bitte geben Sie einen Namen ein."));
  EXPECT_TRUE(contains(r.body, "Links müssen mit http:// oder https:// beginnen."));
  EXPECT_TRUE(contains(r.body, "&lt;script&gt;alert(1)&lt;&#x2F;script&gt;") ||
              contains(r.body, "&lt;script&gt;alert(1)&lt;/script&gt;")) << "input kept, escaped";
  EXPECT_FALSE(contains(r.body, "<script>alert(1)"));
  EXPECT_TRUE(contains(r.body, "ftp://nope")) << "links kept";
  EXPECT_TRUE(store::all_tools(reg.srv.store(), reg.org())->empty()) << "nothing stored";
  // A name over 100 characters.
  auto longname = reg.b.post("/o/acme/tools", {{"name", std::string(101, 'x')}});
  EXPECT_EQ(longname.status, 422);
  EXPECT_TRUE(contains(longname.body, "höchstens 100 Zeichen"));
}

TEST(ToolsWeb, HtmlInTextFieldsIsShownEscapedEverywhere) {
  Register reg;
  const auto id = reg.create({{"name", "<img src=x onerror=alert(1)>"},
                              {"risks", "<script>alert('r')</script>"}});
  ASSERT_GT(id, 0);
  for (const std::string& path : std::vector<std::string>{"/o/acme/tools", "/o/acme/tools/" + std::to_string(id),
                                 "/o/acme/tools/" + std::to_string(id) + "/edit"}) {
    auto page = reg.b.get(path);
    ASSERT_EQ(page.status, 200) << path;
    EXPECT_FALSE(contains(page.body, "<img src=x")) << path;
    EXPECT_FALSE(contains(page.body, "<script>alert")) << path;
    EXPECT_TRUE(contains(page.body, "&lt;img src")) << path;
  }
}

// The hidden base.* fields of a form page, as a browser would send them back.
Fields base_fields(const std::string& page) {
  static const std::regex re(R"re(<input type="hidden" name="(base\.[a-z_]+)" value="([^"]*)">)re");
  Fields out;
  for (auto it = std::sregex_iterator(page.begin(), page.end(), re); it != std::sregex_iterator();
       ++it) {
    out.emplace_back((*it)[1].str(), (*it)[2].str());
  }
  return out;
}

int count(const std::string& text, const std::string& part) {
  int n = 0;
  for (auto pos = text.find(part); pos != std::string::npos; pos = text.find(part, pos + 1)) ++n;
  return n;
}

TEST(ToolsWeb, TheConflictViewMarksInWordsWhatSomeoneElseChanged) {
  Register reg;
  const auto id = reg.create({{"name", "Suchhilfe"}, {"purpose", "Alt"}, {"cost", "0 Euro"},
                              {"contact", "Ada"}});
  const std::string url = "/o/acme/tools/" + std::to_string(id);
  const std::string form = reg.b.open(url + "/edit").body;
  Fields base = base_fields(form);
  ASSERT_EQ(base.size(), 20u) << "every field carries the value the form started from";
  const auto version = std::to_string(reg.tool(id).version);
  // Bea saves purpose and cost first.
  core::Tool other = reg.tool(id);
  other.purpose = "Von Bea geändert";
  other.cost = "50 Euro im Monat";
  ASSERT_TRUE(reg.srv.store().update_tool(reg.org(), other, other.version, store::Actor{}));
  // Ada changes purpose and contact, keeps cost; textareas come with CRLF.
  Fields mine = base;
  mine.insert(mine.end(), {{"version", version}, {"name", "Suchhilfe"},
                           {"purpose", "Meine\r\nEingabe"}, {"cost", "0 Euro"},
                           {"contact", "Ada Lovelace"}});
  auto r = reg.b.post(url, mine);
  ASSERT_EQ(r.status, 409);
  // Exactly Bea's fields are marked, in the list, the stored values and the form.
  EXPECT_TRUE(contains(r.body, "Diese Felder hat jemand anderes geändert"));
  EXPECT_TRUE(contains(r.body, R"(<li><a href="#tool-purpose">Zweck</a></li>)")) << r.body;
  EXPECT_TRUE(contains(r.body, R"(<li><a href="#tool-cost">Kosten</a></li>)"));
  EXPECT_TRUE(contains(r.body, R"(<dt id="tool-stored-cost">Kosten <strong class="changed-marker">geändert von jemand anderem</strong></dt>)"))
      << r.body;
  for (const char* f : {"purpose", "cost"}) {
    EXPECT_TRUE(contains(r.body, std::string(R"(<p class="changed-note" id="tool-)") + f +
                                     R"(-changed"><strong class="changed-marker">geändert von jemand anderem</strong>)"))
        << f;
    EXPECT_TRUE(contains(r.body, std::string("tool-") + f + "-changed\"")) << f;
  }
  for (const char* f : {"name", "contact", "vendor", "public"}) {
    EXPECT_FALSE(contains(r.body, std::string("id=\"tool-") + f + "-changed\"")) << f;
  }
  EXPECT_EQ(count(r.body, "geändert von jemand anderem"), 4) << "two fields, each above and in the form";
  EXPECT_TRUE(contains(r.body, R"(aria-describedby="tool-purpose-hint tool-purpose-changed")"))
      << "the marker is read with the field";
  EXPECT_TRUE(contains(r.body, "Ada Lovelace")) << "the person's input is kept";
  EXPECT_EQ(reg.tool(id).cost, "50 Euro im Monat") << "nothing overwritten";
  // The next save replaces what is stored now: its base is the stored state.
  const Fields next_base = base_fields(r.body);
  EXPECT_NE(std::find(next_base.begin(), next_base.end(),
                      std::pair<std::string, std::string>{"base.cost", "50 Euro im Monat"}),
            next_base.end());

  // A conflict through a decision alone changes no field, and says so.
  ASSERT_EQ(reg.decide(id, step("explore")).status, 303);
  mine = next_base;
  mine.insert(mine.end(), {{"version", std::to_string(reg.tool(id).version - 1)},
                           {"name", "Suchhilfe"}});
  auto decided = reg.b.post(url, mine);
  ASSERT_EQ(decided.status, 409);
  EXPECT_TRUE(contains(decided.body, "Kein Feld hat sich geändert."));
  EXPECT_FALSE(contains(decided.body, "geändert von jemand anderem"));
}

TEST(ToolsWeb, ASecondSaveOfAnOlderVersionShowsTheConflictAndLosesNothing) {
  Register reg;
  const auto id = reg.create({{"name", "Suchhilfe"}, {"purpose", "Alt"}});
  const std::string url = "/o/acme/tools/" + std::to_string(id);
  reg.b.open(url + "/edit");
  const auto version = std::to_string(reg.tool(id).version);
  // Someone else saves first.
  core::Tool other = reg.tool(id);
  other.purpose = "Von Bea geändert";
  ASSERT_TRUE(reg.srv.store().update_tool(reg.org(), other, other.version, store::Actor{}));
  auto r = reg.b.post(url, {{"version", version}, {"name", "Suchhilfe"}, {"purpose", "Meine Eingabe"}});
  EXPECT_EQ(r.status, 409);
  EXPECT_TRUE(contains(r.body, "Jemand hat das Werkzeug inzwischen geändert"));
  EXPECT_TRUE(contains(r.body, "Meine Eingabe")) << "the person's input is kept";
  EXPECT_TRUE(contains(r.body, "Von Bea geändert")) << "the stored value is shown";
  EXPECT_EQ(reg.tool(id).purpose, "Von Bea geändert") << "nothing overwritten";
  // The form now carries the current version: saving again is a knowing overwrite.
  const auto now = std::to_string(reg.tool(id).version);
  EXPECT_TRUE(contains(r.body, "name=\"version\" value=\"" + now + "\""));
  auto again = reg.b.post(url, {{"version", now}, {"name", "Suchhilfe"}, {"purpose", "Meine Eingabe"}});
  EXPECT_EQ(again.status, 303);
  EXPECT_EQ(reg.tool(id).purpose, "Meine Eingabe");
  // A decision against an older version is refused the same way.
  auto stale = reg.decide(id, step("explore", {{"version", version}}), false);
  EXPECT_EQ(stale.status, 409);
  EXPECT_TRUE(contains(stale.body, "Weil es so besser ist."));
  EXPECT_EQ(reg.tool(id).phase, core::Phase::kIdea);
}

// "Processes personal data" is three radio buttons, "not answered yet" chosen
// for a new tool; each answer is saved and shown as such, never as "nein".
TEST(ToolsWeb, PersonalDataIsYesNoOrNotAnsweredYet) {
  Register reg;
  auto form = reg.b.open("/o/acme/tools/new");
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(contains(form.body, R"(<fieldset class="choices" id="tool-personal_data-choices" aria-describedby="tool-personal_data-hint">)"))
      << form.body;
  EXPECT_TRUE(contains(form.body, R"(<legend>Personenbezogene Daten <span class="public-marker">(öffentlich, wenn freigegeben)</span></legend>)"));
  EXPECT_TRUE(contains(form.body, R"(<input type="radio" id="tool-personal_data" name="personal_data" value="yes">)"));
  EXPECT_TRUE(contains(form.body, R"(<input type="radio" id="tool-personal_data-no" name="personal_data" value="no">)"));
  EXPECT_TRUE(contains(form.body, R"(<input type="radio" id="tool-personal_data-unknown" name="personal_data" value="unknown" checked>)"));
  for (const char* label : {R"(<label for="tool-personal_data">Ja</label>)",
                            R"(<label for="tool-personal_data-no">Nein</label>)",
                            R"(<label for="tool-personal_data-unknown">Noch nicht geklärt</label>)"}) {
    EXPECT_TRUE(contains(form.body, label)) << label;
  }
  EXPECT_EQ(count(form.body, R"(name="personal_data")"), 3);

  const auto open = reg.create({{"name", "Offen"}});  // a form without the field, too
  EXPECT_EQ(reg.tool(open).personal_data, core::DataAnswer::kUnknown);
  const auto unknown = reg.create({{"name", "Ungeklärt"}, {"personal_data", "unknown"}});
  EXPECT_EQ(reg.tool(unknown).personal_data, core::DataAnswer::kUnknown);
  auto page = reg.b.get("/o/acme/tools/" + std::to_string(unknown));
  EXPECT_TRUE(contains(page.body, "<dt>Personenbezogene Daten</dt><dd>noch nicht geklärt</dd>"))
      << page.body;
  EXPECT_TRUE(contains(page.body, "<dt>Besondere Kategorien personenbezogener Daten</dt><dd>noch nicht geklärt</dd>"));
  const auto no = reg.create({{"name", "Ohne"}, {"personal_data", "no"}});
  EXPECT_EQ(reg.tool(no).personal_data, core::DataAnswer::kNo);
  EXPECT_TRUE(contains(reg.b.get("/o/acme/tools/" + std::to_string(no)).body,
                       "<dt>Personenbezogene Daten</dt><dd>nein</dd>"));
  const auto yes = reg.create({{"name", "Mit"}, {"personal_data", "yes"}});
  EXPECT_EQ(reg.tool(yes).personal_data, core::DataAnswer::kYes);
  EXPECT_TRUE(contains(reg.b.get("/o/acme/tools/" + std::to_string(yes)).body,
                       "<dt>Personenbezogene Daten</dt><dd>ja</dd>"));
  // The edit form shows the stored answer.
  auto edit = reg.b.open("/o/acme/tools/" + std::to_string(no) + "/edit");
  EXPECT_TRUE(contains(edit.body, R"(id="tool-personal_data-no" name="personal_data" value="no" checked>)"));
  EXPECT_TRUE(contains(edit.body, R"(id="tool-personal_data-unknown" name="personal_data" value="unknown">)"));
  EXPECT_TRUE(contains(edit.body, R"(<input type="hidden" name="base.personal_data" value="no">)"));
}

TEST(ToolsWeb, AWrongPersonalDataAnswerIsRefusedAtItsFieldAndStoresNothing) {
  Register reg;
  reg.b.open("/o/acme/tools/new");
  auto bad = reg.b.post("/o/acme/tools", {{"name", "Vielleicht"}, {"personal_data", "vielleicht"}});
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_TRUE(contains(bad.body, R"(<p class="field-error" id="tool-personal_data-error"><span class="visually-hidden">Fehler: </span>Bitte wählen Sie „Ja“, „Nein“ oder „Noch nicht geklärt“.</p>)"))
      << bad.body;
  EXPECT_TRUE(contains(bad.body, R"(<li><a href="#tool-personal_data">Personenbezogene Daten: Bitte wählen Sie)"));
  EXPECT_TRUE(contains(bad.body, R"(aria-describedby="tool-personal_data-hint tool-personal_data-error")"));
  EXPECT_TRUE(contains(bad.body, R"(value="Vielleicht")")) << "the input is kept";
  // Special categories with "Nein" contradict each other: refused at the box.
  auto contradiction = reg.b.post("/o/acme/tools", {{"name", "Widerspruch"},
                                                    {"personal_data", "no"},
                                                    {"special_categories", "1"}});
  EXPECT_EQ(contradiction.status, 422);
  EXPECT_TRUE(contains(contradiction.body, R"(<p class="field-error" id="tool-special_categories-error">)"))
      << contradiction.body;
  EXPECT_TRUE(contains(contradiction.body, R"(id="tool-special_categories" name="special_categories" value="1" checked aria-invalid="true" aria-describedby="tool-special_categories-hint tool-special_categories-error")"));
  EXPECT_TRUE(contains(contradiction.body, R"(id="tool-personal_data-no" name="personal_data" value="no" checked>)"))
      << "the choice is kept";
  auto listed = reg.srv.store().list_tools(reg.org(), {}, store::PageRequest{10, ""});
  ASSERT_TRUE(listed);
  EXPECT_TRUE(listed->items.empty()) << "nothing stored";
  // An existing tool keeps its answer when an edit is refused.
  const auto id = reg.create({{"name", "Bleibt"}, {"personal_data", "yes"}});
  const std::string url = "/o/acme/tools/" + std::to_string(id);
  reg.b.open(url + "/edit");
  auto refused = reg.b.post(url, {{"version", std::to_string(reg.tool(id).version)},
                                  {"name", "Bleibt"}, {"personal_data", "nein"}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_EQ(reg.tool(id).personal_data, core::DataAnswer::kYes);
  EXPECT_EQ(reg.tool(id).version, 1);
}

TEST(ToolsWeb, TheConflictViewNamesAChangedPersonalDataAnswer) {
  Register reg;
  const auto id = reg.create({{"name", "Suchhilfe"}});
  const std::string url = "/o/acme/tools/" + std::to_string(id);
  Fields mine = base_fields(reg.b.open(url + "/edit").body);
  const auto version = std::to_string(reg.tool(id).version);
  core::Tool other = reg.tool(id);
  other.personal_data = core::DataAnswer::kYes;
  ASSERT_TRUE(reg.srv.store().update_tool(reg.org(), other, other.version, store::Actor{}));
  mine.insert(mine.end(), {{"version", version}, {"name", "Suchhilfe"}, {"personal_data", "unknown"}});
  auto r = reg.b.post(url, mine);
  ASSERT_EQ(r.status, 409);
  EXPECT_TRUE(contains(r.body, R"(<li><a href="#tool-personal_data">Personenbezogene Daten</a></li>)"))
      << r.body;
  EXPECT_TRUE(contains(r.body, R"(<dt id="tool-stored-personal_data">Personenbezogene Daten <strong class="changed-marker">geändert von jemand anderem</strong></dt>
    <dd>ja</dd>)"));
  EXPECT_TRUE(contains(r.body, R"(<fieldset class="choices" id="tool-personal_data-choices" aria-describedby="tool-personal_data-hint tool-personal_data-changed">)"));
  EXPECT_EQ(reg.tool(id).personal_data, core::DataAnswer::kYes) << "nothing overwritten";
}

TEST(ToolsWeb, EveryFieldIsSavedAndShown) {
  Register reg;
  const auto id = reg.create({{"name", "Transkription"}, {"vendor", "Beispiel GmbH"},
                              {"purpose", "Protokolle"}, {"target_groups", "Team"},
                              {"hosting", "eu_cloud"}, {"openness", "open_weights"},
                              {"data_processed", "Audio"}, {"special_categories", "1"},
                              {"affected_users", "Mitarbeitende"}, {"affected_non_users", "Gäste"},
                              {"affected_groups", "Ratsuchende"}, {"cost", "50 € im Monat"},
                              {"contact", "Ada"}, {"links", "https://example.org/a\n\nhttps://example.org/b"},
                              {"next_review", "2026-06-01"}, {"public", "1"},
                              {"public_summary", "Wir transkribieren Sitzungen."},
                              {"human_oversight", "Jede Mitschrift wird gelesen."},
                              {"risks", "Fehler bei Namen."}});
  const core::Tool t = reg.tool(id);
  EXPECT_EQ(t.hosting, core::Hosting::kEuCloud);
  EXPECT_EQ(t.openness, core::Openness::kOpenWeights);
  EXPECT_EQ(t.personal_data, core::DataAnswer::kYes) << "answered by special categories";
  EXPECT_EQ(t.links.size(), 2u);
  EXPECT_TRUE(t.is_public);
  EXPECT_EQ(t.next_review->str(), "2026-06-01");
  auto page = reg.b.get("/o/acme/tools/" + std::to_string(id));
  for (const char* text : {"Beispiel GmbH", "Cloud in der EU", "Offene Gewichte", "Gäste",
                           "50 € im Monat", "https://example.org/b", "2026-06-01",
                           "Jede Mitschrift wird gelesen.", "Fehler bei Namen.", "Idee"}) {
    EXPECT_TRUE(contains(page.body, text)) << text;
  }
}

TEST(ToolsWeb, MembersReadButCannotWrite) {
  Register reg;
  const auto id = reg.create({{"name", "Lesbar"}});
  reg.srv.user("mia@example.org", "acme", store::Role::kMember);
  Browser m(reg.srv.port());
  ASSERT_EQ(m.sign_in("mia@example.org").status, 303);
  const std::string tool = "/o/acme/tools/" + std::to_string(id);
  for (const std::string& path : std::vector<std::string>{std::string("/o/acme/tools"), tool, std::string("/o/acme/non-use"),
                                 std::string("/o/acme/red-lines")}) {
    EXPECT_EQ(m.open(path).status, 200) << path;
  }
  auto list = m.get("/o/acme/tools");
  EXPECT_FALSE(contains(list.body, "/o/acme/tools/new")) << "no link members cannot use";
  for (const std::string& path : std::vector<std::string>{std::string("/o/acme/tools/new"), tool + "/edit", tool + "/decide"}) {
    auto denied = m.get(path);
    EXPECT_EQ(denied.status, 403) << path;
    // The role needed, in the members page's words.
    EXPECT_TRUE(contains(denied.body, "Rolle „Redaktion“ oder „Verwaltung“")) << path;
  }
  EXPECT_EQ(m.post("/o/acme/tools", {{"name", "Neu"}}).status, 403);
  EXPECT_EQ(m.post(tool, {{"name", "Umbenannt"}, {"version", "1"}}).status, 403);
  EXPECT_EQ(m.post(tool + "/decide", step("reject", {{"version", "1"}})).status, 403);
  EXPECT_EQ(m.post("/o/acme/red-lines", {{"text", "Neue Linie"}}).status, 403);
  EXPECT_EQ(m.post("/o/acme/review-interval", {{"months", "3"}}).status, 403);
  EXPECT_EQ(reg.tool(id).name, "Lesbar");
  EXPECT_EQ(reg.tool(id).phase, core::Phase::kIdea);
  EXPECT_TRUE(reg.srv.store().red_lines(reg.org())->empty());
  // An editor may write.
  reg.srv.user("eve@example.org", "acme", store::Role::kEditor);
  Browser e(reg.srv.port());
  ASSERT_EQ(e.sign_in("eve@example.org").status, 303);
  e.open(tool + "/edit");
  EXPECT_EQ(e.post(tool, {{"name", "Umbenannt"}, {"version", std::to_string(reg.tool(id).version)}}).status, 303);
  EXPECT_EQ(reg.tool(id).name, "Umbenannt");
}

TEST(ToolsWeb, AnotherOrgsToolIsNotFound) {
  Register reg;
  const auto other = reg.srv.org("other");
  core::Tool t;
  t.name = "Fremd";
  const auto theirs = reg.srv.store().create_tool(other.id, t, store::Actor{}).value();
  const std::string id = std::to_string(theirs.id.value);
  for (const std::string& path : std::vector<std::string>{"/o/acme/tools/" + id, "/o/acme/tools/" + id + "/edit",
                                 "/o/acme/tools/" + id + "/decide", "/o/acme/tools/" + id + "/export.md",
                                 "/o/other/tools/" + id, "/o/other/tools", "/o/acme/tools/abc",
                                 "/o/acme/red-lines/999/edit"}) {
    EXPECT_EQ(reg.b.get(path).status, 404) << path;
  }
  reg.b.open("/o/acme/tools");
  EXPECT_EQ(reg.b.post("/o/acme/tools/" + id, {{"name", "Gekapert"}, {"version", "1"}}).status, 404);
  EXPECT_EQ(reg.b.post("/o/acme/tools/" + id + "/decide", step("reject", {{"version", "1"}})).status, 404);
  auto still = reg.srv.store().tool(other.id, theirs.id).value();
  EXPECT_EQ(still.name, "Fremd");
  EXPECT_EQ(still.phase, core::Phase::kIdea);
}

TEST(ToolsWeb, ListFiltersByPhasePagesAndHasAnEmptyState) {
  Register reg;
  auto empty = reg.b.get("/o/acme/tools");
  ASSERT_EQ(empty.status, 200);
  EXPECT_TRUE(contains(empty.body, "Erster Schritt"));
  EXPECT_TRUE(contains(empty.body, "href=\"/o/acme/tools/new\""));
  for (int i = 0; i < 30; ++i) {
    core::Tool t;
    t.name = "Werkzeug " + std::to_string(i);
    ASSERT_TRUE(reg.srv.store().create_tool(reg.org(), t, store::Actor{}));
  }
  const auto rejected = reg.create({{"name", "Abgelehnt"}});
  ASSERT_EQ(reg.decide(rejected, step("reject")).status, 303);
  auto first = reg.b.get("/o/acme/tools");
  static const std::regex row("<tr>\\s*<td><a href=\"/o/acme/tools/\\d+\">");
  auto rows = [](const std::string& html) {
    return std::distance(std::sregex_iterator(html.begin(), html.end(), row), std::sregex_iterator());
  };
  EXPECT_EQ(rows(first.body), 25);
  static const std::regex next_re(R"re(href="(/o/acme/tools\?cursor[^"]+)" rel="next")re");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(first.body, m, next_re));
  std::string next = m[1].str();
  for (const auto& [entity, c] : {std::pair{"&amp;", "&"}, {"&#61;", "="}, {"&#x3D;", "="}}) {
    for (std::string::size_type at; (at = next.find(entity)) != std::string::npos;) {
      next.replace(at, std::string_view(entity).size(), c);
    }
  }
  auto second = reg.b.get(next);
  EXPECT_EQ(rows(second.body), 6);
  EXPECT_TRUE(contains(second.body, "Abgelehnt"));
  auto filtered = reg.b.get("/o/acme/tools?phase=rejected");
  EXPECT_EQ(rows(filtered.body), 1);
  EXPECT_TRUE(contains(filtered.body, "Abgelehnt"));
  auto none = reg.b.get("/o/acme/tools?phase=pilot");
  EXPECT_TRUE(contains(none.body, "In dieser Phase ist kein Werkzeug."));
  EXPECT_EQ(reg.b.get("/o/acme/tools?phase=mond").status, 400);
}

TEST(ToolsWeb, RedLinesAreAddedEditedDeactivatedAndDeletedWithConfirmation) {
  Register reg;
  reg.b.open("/o/acme/red-lines");
  ASSERT_EQ(reg.b.post("/o/acme/red-lines", {{"text", "Keine Gesichtserkennung"}}).status, 303);
  ASSERT_EQ(reg.b.post("/o/acme/red-lines", {{"text", "Kein Training mit Chats"}}).status, 303);
  auto blank = reg.b.post("/o/acme/red-lines", {{"text", "  "}});
  EXPECT_EQ(blank.status, 400);
  EXPECT_TRUE(contains(blank.body, "Bitte beschreiben Sie die rote Linie."));
  auto lines = reg.srv.store().red_lines(reg.org()).value();
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
  auto unchanged = reg.srv.store().red_lines(reg.org()).value();
  EXPECT_EQ(unchanged[0].text, "Keine Gesichtserkennung");
  EXPECT_TRUE(unchanged[0].active) << "a refused save changes nothing, not even the checkbox";
  // Deactivating it with its text as it is (spaces around it do not count) works.
  ASSERT_EQ(reg.b.post("/o/acme/red-lines/" + a, {{"text", "  Keine Gesichtserkennung "}}).status,
            303);
  auto after = reg.srv.store().red_lines(reg.org()).value();
  EXPECT_FALSE(after[0].active);
  EXPECT_EQ(after[0].text, "Keine Gesichtserkennung");
  EXPECT_TRUE(contains(reg.b.get("/o/acme/red-lines").body, "deaktiviert"));

  // An unconfirmed line can be deleted.
  const auto c = std::to_string(reg.red_line("Ungenutzt"));
  // An unconfirmed line can be reworded.
  reg.b.open("/o/acme/red-lines/" + c + "/edit");
  EXPECT_EQ(reg.b.post("/o/acme/red-lines/" + c, {{"text", "Nie genutzt"}, {"active", "1"}}).status,
            303);
  EXPECT_EQ(reg.srv.store().red_lines(reg.org())->back().text, "Nie genutzt");
  reg.b.open("/o/acme/red-lines/" + c + "/delete");
  EXPECT_EQ(reg.b.post("/o/acme/red-lines/" + c + "/delete", {}).status, 303);
  EXPECT_EQ(reg.srv.store().red_lines(reg.org())->size(), 2u);
}

TEST(ToolsWeb, TheReviewIntervalIsCheckedAndSetsTheDecideDefault) {
  Register reg;
  reg.b.open("/o/acme/red-lines");
  for (const char* bad : {"0", "37", "sechs", ""}) {
    auto r = reg.b.post("/o/acme/review-interval", {{"months", bad}});
    EXPECT_EQ(r.status, 400) << bad;
    EXPECT_TRUE(contains(r.body, "1 bis 36 Monate")) << bad;
  }
  EXPECT_EQ(reg.srv.store().review_interval_months(reg.org()).value(), 6);
  EXPECT_EQ(reg.b.post("/o/acme/review-interval", {{"months", "12"}}).status, 303);
  EXPECT_EQ(reg.srv.store().review_interval_months(reg.org()).value(), 12);
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

TEST(ToolsWeb, ExportsAreAttachmentsInTheirFormats) {
  Register reg;
  const auto id = reg.create({{"name", "Export, \"quoted\""}, {"cost", "=1+1"}});
  const std::string tool = "/o/acme/tools/" + std::to_string(id);
  auto md = reg.b.get(tool + "/export.md");
  EXPECT_EQ(md.status, 200);
  EXPECT_TRUE(md.header("Content-Type").starts_with("text/markdown"));
  EXPECT_TRUE(contains(md.header("Content-Disposition"), "attachment"));
  auto js = reg.b.get(tool + "/export.json");
  EXPECT_EQ(nlohmann::json::parse(js.body)["name"], "Export, \"quoted\"");
  EXPECT_TRUE(contains(js.header("Content-Disposition"), "attachment"));
  auto all = reg.b.get("/o/acme/tools/export.json");
  EXPECT_EQ(nlohmann::json::parse(all.body)["tools"].size(), 1u);
  auto csv = reg.b.get("/o/acme/tools/export.csv");
  EXPECT_TRUE(csv.header("Content-Type").starts_with("text/csv"));
  EXPECT_TRUE(contains(csv.header("Content-Disposition"), "register-acme.csv"));
  EXPECT_TRUE(contains(csv.body, "'=1+1")) << "no formula injection";
  auto allmd = reg.b.get("/o/acme/tools/export.md");
  EXPECT_TRUE(contains(allmd.body, "Org acme"));
}

}  // namespace
}  // namespace solipraxis::web
