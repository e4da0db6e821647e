// The risk matrix's pages over real HTTP (issue 24): a tool's matrix is a
// real table with caption and row/column headers whose cells name risks and
// personas; the form refuses bad input next to the field with the input kept
// and nothing stored; a move on the matrix needs a reason and lands in the
// history; a stale save is a conflict that keeps the input; delete asks
// first; the overview puts unmitigated high-impact risks first; the dashboard
// counts them; overdue mitigations reach the reviews page and the calendar
// feed without names; the exports show the matrix.
#include <gtest/gtest.h>

#include <regex>
#include <string>

#include "risks_site.h"
#include "store/audit.h"
#include "store/paging.h"

namespace solipraxis::web {
namespace {

using Fields = std::vector<std::pair<std::string, std::string>>;

class RisksWeb : public RisksSite {
 protected:
  Fields valid_fields() const {
    return {{"description", "Wer kein Smartphone hat, verpasst Termine"},
            {"personas", std::to_string(karl_.id.value)},
            {"group", ""},
            {"affected", "non_users"},
            {"likelihood", "high"},
            {"impact", "high"},
            {"mitigation", ""},
            {"owner", std::to_string(editor_.id.value)},
            {"due", "30.06.2026"},
            {"state", "open"}};
  }
  static std::string version_in(const std::string& html) {
    static const std::regex re(R"re(name="version" value="(\d+)")re");
    std::smatch m;
    return std::regex_search(html, m, re) ? m[1].str() : "";
  }
  std::size_t audit_rows() {
    return srv_.store().audit().audit_log(acme_.id, {}, store::PageRequest{200, ""}).value().items.size();
  }
};

TEST_F(RisksWeb, APlacedRiskShowsInTheMatrixTableWithItsPersonaAndInTheList) {
  Browser b = signed_in(editor_);
  auto blank = b.open(tool_url_ + "/risks/new");
  ASSERT_EQ(blank.status, 200);
  for (const char* choice : {"affected", "likelihood", "impact"}) {
    const std::regex chosen(std::string("name=\"") + choice + "\" value=\"[a-z_]+\" checked");
    EXPECT_FALSE(std::regex_search(blank.body, chosen)) << choice << ": nothing chosen for the person";
  }
  auto r = b.post(tool_url_ + "/risks", valid_fields());
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_TRUE(contains(r.header("Location"), "?saved=created"));
  auto page = b.open(tool_url_ + "/risks");
  ASSERT_EQ(page.status, 200);
  const std::string& html = page.body;
  EXPECT_TRUE(contains(html, "<caption id=\"risk-matrix-caption\">Vulnerabilitäts-Risiko-Matrix: Termin-Bot"));
  EXPECT_TRUE(contains(html, "<th scope=\"col\">Auswirkung: Niedrig</th>"));
  EXPECT_TRUE(contains(html, "<th scope=\"row\">Wahrscheinlichkeit: Hoch</th>"));
  // The first body row is likelihood high; its last cell (impact high) holds the risk.
  const auto row = html.find("<th scope=\"row\">Wahrscheinlichkeit: Hoch</th>");
  const auto next_row = html.find("<th scope=\"row\">Wahrscheinlichkeit: Mittel</th>");
  ASSERT_NE(row, std::string::npos);
  ASSERT_NE(next_row, std::string::npos);
  const std::string high_row = html.substr(row, next_row - row);
  const auto cell = high_row.rfind("risk-cell risk-cell-high");
  ASSERT_NE(cell, std::string::npos);
  EXPECT_TRUE(contains(high_row.substr(cell), "Karl, 78 (Nicht-Nutzende)")) << high_row;
  EXPECT_TRUE(contains(high_row.substr(cell), "Stufe: Hoch")) << "the level in words";
  // The list below: state, owner, due date.
  EXPECT_TRUE(contains(html, "Name eda@example.org"));
  EXPECT_TRUE(contains(html, "30.06.2026"));
  EXPECT_TRUE(contains(html, "Hohe Auswirkung und noch keine Gegenmaßnahme"));
  // The tool page has a risks section with the count and the link.
  auto tool = b.open(tool_url_);
  EXPECT_TRUE(contains(tool.body, "Erfasste Risiken: 1"));
  EXPECT_TRUE(contains(tool.body, "href=\"" + tool_url_ + "/risks\""));
}

TEST_F(RisksWeb, BadInputIsShownAtItsFieldWithTheInputKeptAndNothingStored) {
  Browser b = signed_in(editor_);
  b.open(tool_url_ + "/risks/new");
  const std::size_t audit_before = audit_rows();
  Fields f = valid_fields();
  f[0].second = "  ";                                       // empty description
  f[1].second = std::to_string(foreign_.id.value);          // another org's persona
  f[2].second = "Menschen, die nur Türkisch lesen";         // kept
  f[4].second = "very high";                                // not on the scale
  auto r = b.post(tool_url_ + "/risks", f);
  ASSERT_EQ(r.status, 422) << r.body;
  EXPECT_TRUE(contains(r.body, "id=\"risk-description-error\""));
  EXPECT_TRUE(contains(r.body, "Bitte beschreiben Sie, was passieren kann und wen es trifft."));
  EXPECT_TRUE(contains(r.body, "id=\"risk-likelihood-error\""));
  EXPECT_TRUE(contains(r.body, "Die Matrix kennt nur diese drei Stufen."));
  EXPECT_TRUE(contains(r.body, "id=\"risk-personas-error\""));
  EXPECT_TRUE(contains(r.body, "value=\"Menschen, die nur Türkisch lesen\"")) << "input kept";
  EXPECT_FALSE(contains(r.body, "Fremde Persona")) << "another org's persona is never offered";
  EXPECT_EQ(stored_risks(), 0u);
  EXPECT_EQ(audit_rows(), audit_before);
  // The same in English.
  Browser en = signed_in(editor_, "en");
  en.open(tool_url_ + "/risks/new");
  auto r2 = en.post(tool_url_ + "/risks", f);
  EXPECT_EQ(r2.status, 422);
  EXPECT_TRUE(contains(r2.body, "The matrix has only these three levels")) << r2.body;
}

TEST_F(RisksWeb, TheLanguageSwitchShowsTheFormAgainAsTypedAndSavesNothing) {
  Browser b = signed_in(editor_);
  auto de = b.open(tool_url_ + "/risks/new");
  EXPECT_TRUE(contains(de.body, R"(<button type="submit" form="risk-form" name="switch_lang" value="en")"));
  Fields f = valid_fields();
  f.emplace_back("switch_lang", "en");
  auto en = b.post(tool_url_ + "/risks", f);
  ASSERT_EQ(en.status, 200) << en.body;
  EXPECT_TRUE(contains(en.body, "<html lang=\"en\">"));
  EXPECT_TRUE(contains(en.body, ">Wer kein Smartphone hat, verpasst Termine</textarea>"));
  EXPECT_TRUE(contains(en.body, "Save risk"));
  EXPECT_EQ(stored_risks(), 0u);
}

TEST_F(RisksWeb, AMoveOnTheMatrixNeedsAReasonAndLandsInTheHistory) {
  const core::Risk risk = place(core::Level::kLow, core::Level::kMedium, "Falsche Übersetzung");
  Browser b = signed_in(editor_);
  auto form = b.open(risk_url(risk) + "/edit");
  ASSERT_EQ(form.status, 200);
  EXPECT_EQ(version_in(form.body), "1");
  Fields f{{"description", "Falsche Übersetzung"}, {"group", "Menschen ohne Konto"},
           {"affected", "users"}, {"likelihood", "high"}, {"impact", "medium"},
           {"state", "open"}, {"version", "1"}, {"reason", ""}};
  auto refused = b.post(risk_url(risk), f);
  ASSERT_EQ(refused.status, 422);
  EXPECT_TRUE(contains(refused.body, "id=\"risk-reason-error\""));
  EXPECT_EQ(srv_.store().risks().get(acme_.id, risk.id)->likelihood, core::Level::kLow);
  f.back().second = "Drei Beschwerden in einer Woche";
  auto saved = b.post(risk_url(risk), f);
  ASSERT_EQ(saved.status, 303) << saved.body;
  auto page = b.follow(saved);
  EXPECT_TRUE(contains(page.body, "Ihre Änderungen sind gespeichert."));
  EXPECT_TRUE(contains(page.body, "Erste Einschätzung"));
  EXPECT_TRUE(contains(page.body, "Wahrscheinlichkeit Niedrig, Auswirkung Mittel → "
                                  "Wahrscheinlichkeit Hoch, Auswirkung Mittel"));
  EXPECT_TRUE(contains(page.body, "Drei Beschwerden in einer Woche"));
  EXPECT_TRUE(contains(page.body, "Eingetragen von: Name eda@example.org"));
  EXPECT_EQ(srv_.store().risks().history(acme_.id, risk.id)->size(), 2u);
}

TEST_F(RisksWeb, AStaleSaveIsAConflictThatKeepsTheInputAndShowsWhatIsStored) {
  const core::Risk risk = place(core::Level::kLow, core::Level::kLow, "Alte Fassung");
  Browser b = signed_in(editor_);
  b.open(risk_url(risk) + "/edit");  // version 1
  core::Risk other = risk;
  other.description = "Fassung der Kollegin";
  ASSERT_TRUE(srv_.store().risks().update(acme_.id, other, "", 1, kActor));
  Fields f{{"description", "Meine Fassung"}, {"group", "Menschen ohne Konto"},
           {"affected", "users"}, {"likelihood", "low"}, {"impact", "low"},
           {"state", "open"}, {"version", "1"}};
  auto r = b.post(risk_url(risk), f);
  ASSERT_EQ(r.status, 409) << r.body;
  EXPECT_TRUE(contains(r.body, "Jemand hat dieses Risiko gespeichert, während Sie es bearbeitet haben."));
  EXPECT_TRUE(contains(r.body, ">Meine Fassung</textarea>")) << "input kept";
  EXPECT_TRUE(contains(r.body, "Fassung der Kollegin")) << "what is stored now";
  EXPECT_EQ(version_in(r.body), "2") << "the next save replaces what was shown";
  EXPECT_EQ(srv_.store().risks().get(acme_.id, risk.id)->description, "Fassung der Kollegin");
  f.back().second = "2";
  EXPECT_EQ(b.post(risk_url(risk), f).status, 303);
  EXPECT_EQ(srv_.store().risks().get(acme_.id, risk.id)->description, "Meine Fassung");
}

TEST_F(RisksWeb, DeleteAsksFirstAndOnlyEditorsMayDelete) {
  const core::Risk risk = place(core::Level::kLow, core::Level::kLow, "Wird gelöscht");
  Browser member = signed_in(member_);
  EXPECT_EQ(member.open(risk_url(risk) + "/delete").status, 403);
  EXPECT_EQ(member.open(risk_url(risk)).status, 200) << "members read";
  Browser b = signed_in(editor_);
  auto confirm = b.open(risk_url(risk) + "/delete");
  ASSERT_EQ(confirm.status, 200);
  EXPECT_TRUE(contains(confirm.body, "Wird gelöscht"));
  EXPECT_EQ(stored_risks(), 1u) << "the confirmation page deletes nothing";
  auto r = b.post(risk_url(risk) + "/delete", {});
  ASSERT_EQ(r.status, 303);
  EXPECT_TRUE(contains(b.follow(r).body, "Das Risiko ist gelöscht."));
  EXPECT_EQ(stored_risks(), 0u);
  EXPECT_EQ(b.open(risk_url(risk)).status, 404);
}

TEST_F(RisksWeb, TheOverviewPutsUnmitigatedHighImpactFirstAndTheDashboardCountsThem) {
  place(core::Level::kHigh, core::Level::kMedium, "Mittlere Sorge");
  place(core::Level::kLow, core::Level::kHigh, "Schwere Folge ohne Plan");
  place(core::Level::kHigh, core::Level::kHigh, "Schwere Folge mit Plan",
        core::RiskState::kMitigated, "Schulung für alle");
  Browser b = signed_in(member_);
  auto page = b.open("/o/acme/risks");
  ASSERT_EQ(page.status, 200);
  const auto urgent = page.body.find("Schwere Folge ohne Plan");
  const auto medium = page.body.find("Mittlere Sorge");
  const auto mitigated = page.body.find("Schwere Folge mit Plan");
  ASSERT_NE(urgent, std::string::npos);
  EXPECT_LT(urgent, medium);
  EXPECT_LT(medium, mitigated);
  auto dash = b.open("/o/acme");
  EXPECT_TRUE(contains(dash.body, "Risiken mit hoher Auswirkung ohne Gegenmaßnahme: 1."));
  EXPECT_TRUE(contains(dash.body, "href=\"/o/acme/risks\""));
}

TEST_F(RisksWeb, OverdueMitigationsReachTheReviewsPageAndTheFeedWithoutNames) {
  core::Risk r;
  r.tool = tool_.id;
  r.description = "Daten landen beim Anbieter";
  r.group = "Ratsuchende";
  r.owner = editor_.id;
  r.due = *core::Date::from_ymd(2025, 12, 1);  // the clock stands at 2026-01-01
  ASSERT_TRUE(srv_.store().risks().create(acme_.id, r, kActor));
  Browser b = signed_in(member_);
  auto reviews = b.open("/o/acme/reviews");
  ASSERT_EQ(reviews.status, 200);
  EXPECT_TRUE(contains(reviews.body, "Überfällige Gegenmaßnahmen"));
  EXPECT_TRUE(contains(reviews.body, "Daten landen beim Anbieter"));
  EXPECT_TRUE(contains(reviews.body, "(überfällig)"));
  auto ics = b.get("/o/acme/reviews.ics");
  ASSERT_EQ(ics.status, 200);
  EXPECT_TRUE(contains(ics.body, "SUMMARY:Gegenmaßnahme fällig: Termin-Bot (R"));
  EXPECT_TRUE(contains(ics.body, "DTSTART;VALUE=DATE:20251201"));
  EXPECT_FALSE(contains(ics.body, "eda@example.org"));
  EXPECT_FALSE(contains(ics.body, "Name eda"));
  auto overview = b.open("/o/acme/risks");
  EXPECT_TRUE(contains(overview.body, "(überfällig)"));
}

TEST_F(RisksWeb, ExportsShowTheMatrixAsATableAndOneRowPerRisk) {
  Browser first = signed_in(member_);
  auto none = first.get("/o/acme/risks/export.md");
  ASSERT_EQ(none.status, 200);
  EXPECT_TRUE(contains(none.body, "# Risiken aller Werkzeuge: Org acme\n\nIhre Organisation hat noch kein Risiko"));
  const core::Risk risk = place(core::Level::kMedium, core::Level::kHigh, "Ausschluss");
  Browser b = signed_in(member_);
  auto md = b.get(tool_url_ + "/risks/export.md");
  ASSERT_EQ(md.status, 200);
  EXPECT_TRUE(contains(md.header("Content-Type"), "text/markdown"));
  EXPECT_TRUE(contains(md.body, "# Vulnerabilitäts-Risiko-Matrix: Termin-Bot"));
  EXPECT_TRUE(contains(md.body, "| Wahrscheinlichkeit ↓ / Auswirkung → | Niedrig | Mittel | Hoch |"));
  EXPECT_TRUE(contains(md.body, "| **Mittel** | – | – | R" + std::to_string(risk.id.value) +
                                    ": Menschen ohne Konto (Nutzende) |"));
  auto org_md = b.get("/o/acme/risks/export.md");
  EXPECT_TRUE(contains(org_md.body, "| **Mittel** |"));
  auto csv = b.get("/o/acme/risks/export.csv?lang=en");
  ASSERT_EQ(csv.status, 200);
  EXPECT_TRUE(contains(csv.body, "Ausschluss"));
  EXPECT_TRUE(contains(csv.body, "Likelihood"));
  EXPECT_EQ(b.get("/o/acme/risks/export.csv?lang=fr").status, 400);
  auto xlsx = b.get(tool_url_ + "/risks/export.xlsx");
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
  auto json = b.get(tool_url_ + "/risks/export.json");
  ASSERT_EQ(json.status, 200);
  EXPECT_TRUE(contains(json.body, "\"description\":\"Ausschluss\""));
  // Another org's member reaches none of it.
  Browser outsider = signed_in(outsider_);
  EXPECT_EQ(outsider.get(tool_url_ + "/risks/export.md").status, 404);
  EXPECT_EQ(outsider.get(risk_url(risk)).status, 404);
}

}  // namespace
}  // namespace solipraxis::web
