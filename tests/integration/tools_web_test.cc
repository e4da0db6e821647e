// The tool register's member pages over real HTTP (issue 6), the tool record:
// validation errors next to their fields
// with the input kept, personal data's three answers, escaping, roles (members
// read, editors write), tenancy (another org's tool is 404), the list, exports.
// Decisions, red lines and the review interval: tools_decide_web_test.cc;
// save conflicts and typed dates: tools_conflict_web_test.cc.
#include <utility>

#include <gtest/gtest.h>

#include <algorithm>
#include <regex>

#include <nlohmann/json.hpp>

#include "core/html.h"
#include "core/public_register.h"
#include "register_site.h"
#include "store/common.h"
#include "store/orgs.h"
#include "store/paging.h"
#include "store/store.h"
#include "store/tool_records.h"
#include "store/tools.h"

namespace solipraxis::web {
namespace {

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
  // The name says both in one bracket; the public summary's label says "öffentlich" itself
  // (no "Kurzbeschreibung (öffentlich) (öffentlich, wenn freigegeben)").
  EXPECT_TRUE(contains(page.body, R"(<label for="tool-name">Name <span class="required">(Pflichtfeld; öffentlich, wenn freigegeben)</span></label>)"))
      << page.body;
  EXPECT_TRUE(contains(page.body, R"(<label for="tool-public_summary">Kurzbeschreibung (öffentlich)</label>)"));
  EXPECT_EQ(count + 3, core::kPublicToolFields.size());
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
  EXPECT_TRUE(store::all_tools(reg.srv.store().tools(), reg.org())->empty()) << "nothing stored";
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

int count(const std::string& text, const std::string& part) {
  int n = 0;
  for (auto pos = text.find(part); pos != std::string::npos; pos = text.find(part, pos + 1)) ++n;
  return n;
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
  auto listed = reg.srv.store().tools().list_tools(reg.org(), {}, store::PageRequest{10, ""});
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
  EXPECT_TRUE(reg.srv.store().tools().red_lines(reg.org())->empty());
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
  const auto theirs = reg.srv.store().tools().create_tool(other.id, t, store::Actor{}).value();
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
  auto still = reg.srv.store().tools().tool(other.id, theirs.id).value();
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
    ASSERT_TRUE(reg.srv.store().tools().create_tool(reg.org(), t, store::Actor{}));
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
  EXPECT_TRUE(csv.body.starts_with("\xEF\xBB\xBFNr.;Name;")) << "BOM, ';' and German for Excel";
  EXPECT_TRUE(contains(csv.body, ";Idee;")) << csv.body;
  auto xlsx = reg.b.get("/o/acme/tools/export.xlsx");
  EXPECT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.header("Content-Type"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_TRUE(contains(xlsx.header("Content-Disposition"), "register-acme.xlsx"));
  EXPECT_TRUE(xlsx.body.starts_with("PK")) << "a zip container";
  EXPECT_TRUE(contains(reg.b.get("/o/acme/tools").body, "/o/acme/tools/export.xlsx"));
  auto allmd = reg.b.get("/o/acme/tools/export.md");
  EXPECT_TRUE(contains(allmd.body, "Org acme"));
}

}  // namespace
}  // namespace solipraxis::web
