#include "core/register_sheets.h"

#include <gtest/gtest.h>

#include <map>

namespace solipraxis::core {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

ToolRecord record() {
  ToolRecord r;
  r.tool.id = ToolId(4);
  r.tool.name = "Chatbot; \"Beta\"";
  r.tool.purpose = "Fragen; Antworten";
  r.tool.hosting = Hosting::kVendorCloud;
  r.tool.phase = Phase::kRejected;
  r.tool.personal_data = DataAnswer::kUnknown;
  r.tool.next_review = Date::from_ymd(2026, 12, 7).value();
  r.tool.links = {"https://example.org/a", "https://example.org/b"};
  Decision d;
  d.kind = DecisionKind::kReject;
  d.from = Phase::kPilot;
  d.to = Phase::kRejected;
  d.rationale = "Trainiert mit unseren Beratungsgesprächen.";
  d.principles = {{2, "Ratsuchende zuerst"}, {5, "Keine Abhängigkeit"}};
  d.decided_by = "Vorstand";
  d.decided_on = Date::from_ymd(2026, 3, 1).value();
  d.red_lines = {{RedLineId(1), "Kein Training mit Beratungsgesprächen"}};
  r.decisions = {d};
  return r;
}

// A German catalog for the keys this test looks at; the rest stays English.
std::string german(std::string_view k) {
  static const std::map<std::string, std::string, std::less<>> de = {
      {"tools.export.sheet.tools", "Werkzeuge"},
      {"tools.export.sheet.decisions", "Entscheidungen"},
      {"tools.field.next_review", "Nächste Überprüfung"},
      {"tools.hosting.vendor_cloud", "Cloud des Anbieters"},
      {"tools.phase.rejected", "Bewusst nicht genutzt"},
      {"tools.export.column.rationale", "Begründung"},
  };
  const auto it = de.find(k);
  return it == de.end() ? english_label(k) : it->second;
}

std::string principle(int n) { return n == 2 ? "Gemeinwohl" : "P" + std::to_string(n); }

TEST(RegisterSheetsTest, ThreeSheetsWithLabelsInTheReadersLanguage) {
  RedLine active{RedLineId(1), OrgId(1), "Kein Training", true, Date::from_ymd(2026, 1, 2)->start_unix(), 0};
  RedLine old{RedLineId(2), OrgId(1), "Alt", false, 0, 0};
  const auto sheets = register_sheets({record()}, {active, old}, german, principle);
  ASSERT_EQ(sheets.size(), 3u);
  EXPECT_EQ(sheets[0].name, "Werkzeuge");
  EXPECT_EQ(sheets[1].name, "Entscheidungen");
  EXPECT_EQ(sheets[2].name, "Red lines");
  for (const auto& s : sheets)
    for (const auto& row : s.rows) EXPECT_EQ(row.size(), s.headers.size()) << s.name;

  const Sheet& tools = sheets[0];
  ASSERT_EQ(tools.rows.size(), 1u);
  const auto col = [&](const Sheet& s, std::string_view header) {
    for (std::size_t i = 0; i < s.headers.size(); ++i)
      if (s.headers[i] == header) return i;
    ADD_FAILURE() << "no column " << header;
    return std::size_t{0};
  };
  const auto& row = tools.rows[0];
  EXPECT_EQ(row[col(tools, "Nächste Überprüfung")].date, Date::from_ymd(2026, 12, 7).value());
  EXPECT_EQ(row[col(tools, "Hosting")].text, "Cloud des Anbieters") << "a label, not the code";
  EXPECT_EQ(row[col(tools, "Phase")].text, "Bewusst nicht genutzt");
  EXPECT_EQ(row[col(tools, "Personal data")].text, "not answered yet");
  EXPECT_EQ(row[col(tools, "Rationale of the latest decision")].text,
            "Trainiert mit unseren Beratungsgesprächen.");
  EXPECT_EQ(row[col(tools, "No.")].number, 4);

  const Sheet& decisions = sheets[1];
  ASSERT_EQ(decisions.rows.size(), 1u);
  const auto& d = decisions.rows[0];
  EXPECT_EQ(d[col(decisions, "Begründung")].text, "Trainiert mit unseren Beratungsgesprächen.");
  EXPECT_EQ(d[col(decisions, "Date")].date, Date::from_ymd(2026, 3, 1).value());
  EXPECT_EQ(d[col(decisions, "Principles")].text,
            "2 Gemeinwohl: Ratsuchende zuerst\n5 P5: Keine Abhängigkeit");
  EXPECT_EQ(d[col(decisions, "Red lines confirmed as respected")].text,
            "Kein Training mit Beratungsgesprächen");
  EXPECT_EQ(d[col(decisions, "From phase")].text, "Pilot");

  const Sheet& lines = sheets[2];
  ASSERT_EQ(lines.rows.size(), 2u);
  EXPECT_EQ(lines.rows[0][1].text, "active");
  EXPECT_EQ(lines.rows[1][1].text, "deactivated");
  EXPECT_EQ(lines.rows[0][2].date, Date::from_ymd(2026, 1, 2).value());
}

TEST(RegisterSheetsTest, GermanCsvHasBomSemicolonsAndGermanDates) {
  const auto sheets = register_sheets({record()}, {}, german, principle);
  const std::string csv = sheet_csv(sheets[0], "de");
  ASSERT_EQ(csv.substr(0, 3), kBom);
  EXPECT_EQ(csv.substr(3).rfind("No.;Name;", 0), 0u) << csv;
  EXPECT_NE(csv.find(";07.12.2026;"), std::string::npos) << csv;
  EXPECT_NE(csv.find(";Cloud des Anbieters;"), std::string::npos) << csv;
  EXPECT_EQ(csv.find("vendor_cloud"), std::string::npos) << "no internal codes";
  EXPECT_NE(csv.find("\"Chatbot; \"\"Beta\"\"\""), std::string::npos) << "';' inside is quoted";
  EXPECT_NE(csv.find("\"https://example.org/a\nhttps://example.org/b\""), std::string::npos);

  const std::string en = sheet_csv(sheets[0], "en");
  ASSERT_EQ(en.substr(0, 3), kBom);
  EXPECT_EQ(en.substr(3).rfind("No.,Name,", 0), 0u) << en;
  EXPECT_NE(en.find(",2026-12-07,"), std::string::npos) << en;
  EXPECT_NE(en.find(",Fragen; Antworten,"), std::string::npos) << "no quotes needed for ';'";
  EXPECT_NE(csv.find(";\"Fragen; Antworten\";"), std::string::npos) << csv;
}

TEST(RegisterSheetsTest, CsvDefusesFormulas) {
  ToolRecord r = record();
  r.tool.name = "=HYPERLINK(\"x\")";
  r.tool.vendor = "\t=1+1";
  r.tool.purpose = "@SUM(A1)";
  r.tool.cost = "+1";
  const std::string csv = sheet_csv(register_sheets({r}, {}, german, principle)[0], "de");
  EXPECT_NE(csv.find(";\"'=HYPERLINK(\"\"x\"\")\";"), std::string::npos) << csv;
  EXPECT_NE(csv.find(";'\t=1+1;"), std::string::npos) << csv;
  EXPECT_NE(csv.find(";'@SUM(A1);"), std::string::npos) << csv;
  EXPECT_NE(csv.find(";'+1;"), std::string::npos) << csv;
  r.tool.vendor = "\r=1+1";
  const std::string cr = sheet_csv(register_sheets({r}, {}, german, principle)[0], "de");
  EXPECT_NE(cr.find(";\"'\r=1+1\";"), std::string::npos) << cr;
}

TEST(RegisterSheetsTest, LocalDate) {
  const Date d = Date::from_ymd(2026, 2, 3).value();
  EXPECT_EQ(local_date(d, "de"), "03.02.2026");
  EXPECT_EQ(local_date(d, "en"), "2026-02-03");
}

}  // namespace
}  // namespace solipraxis::core
