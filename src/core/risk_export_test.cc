#include "core/risk_export.h"

#include <gtest/gtest.h>

#include <sstream>

namespace solipraxis::core {
namespace {

// Keys as labels, so the test sees which key each place uses.
std::string keys(std::string_view key) { return "{" + std::string(key) + "}"; }

Risk risk(std::int64_t id, Level likelihood, Level impact) {
  Risk r;
  r.id = RiskId(id);
  r.tool = ToolId(7);
  r.description = "Beschreibung " + std::to_string(id);
  r.likelihood = likelihood;
  r.impact = impact;
  return r;
}

RiskNames names() {
  return RiskNames{[](PersonaId id) { return id.value == 1 ? "Erika, 78" : "Samir | 19"; },
                   [](UserId) { return std::string("Ada"); }};
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

TEST(RiskMatrix, RisksLandInTheirCell) {
  std::vector<Risk> rs = {risk(1, Level::kHigh, Level::kLow), risk(2, Level::kLow, Level::kHigh),
                          risk(3, Level::kHigh, Level::kLow)};
  const auto cells = place_risks(rs);
  EXPECT_EQ(cells[2][0], (std::vector<std::size_t>{0, 2}));
  EXPECT_EQ(cells[0][2], (std::vector<std::size_t>{1}));
  EXPECT_TRUE(cells[1][1].empty());
}

TEST(RiskMatrix, MarkdownShowsTheMatrixAsATableHighLikelihoodFirst) {
  Risk non_user = risk(4, Level::kHigh, Level::kHigh);
  non_user.personas = {PersonaId(1)};
  non_user.affected = Affected::kNonUsers;
  non_user.due = *Date::parse("2027-01-15");
  non_user.owner = UserId(3);
  Risk user = risk(5, Level::kLow, Level::kMedium);
  user.personas = {PersonaId(2)};
  user.group = "Azubis";
  user.mitigation = "Schulung <b>jetzt</b>";
  user.state = RiskState::kMitigated;
  const std::string md = risk_matrix_markdown("Chat|bot", {non_user, user}, names(), keys, "de");
  const auto ls = lines(md);
  ASSERT_GE(ls.size(), 7u);
  EXPECT_EQ(ls[0], "# {risks.matrix.title}: Chat\\|bot");
  EXPECT_EQ(ls[2], "| {risks.matrix.corner} | {risks.level.low} | {risks.level.medium} | "
                   "{risks.level.high} |");
  EXPECT_EQ(ls[3], "| --- | --- | --- | --- |");
  EXPECT_EQ(ls[4], "| **{risks.level.high}** | – | – | R4: Erika, 78 ({risks.affected.non_users}) |");
  EXPECT_EQ(ls[5], "| **{risks.level.medium}** | – | – | – |");
  EXPECT_EQ(ls[6], "| **{risks.level.low}** | – | R5: Samir \\| 19, Azubis "
                   "({risks.affected.users}) | – |")
      << "a '|' in a name cannot split the cell";
  EXPECT_NE(md.find("- {risks.field.due}: 15.01.2027"), std::string::npos);
  EXPECT_NE(md.find("- {risks.field.owner}: Ada"), std::string::npos);
  EXPECT_NE(md.find("Schulung \\<b\\>jetzt\\</b\\>"), std::string::npos) << "no raw HTML";
  EXPECT_NE(md.find("- {risks.field.state}: {risks.state.mitigated}"), std::string::npos);
  EXPECT_NE(md.find("- {risks.field.mitigation}: {risks.matrix.no_mitigation}"), std::string::npos);
}

TEST(RiskMatrix, AnEmptyMatrixSaysSo) {
  EXPECT_EQ(risk_matrix_markdown("Tool", {}, names(), keys, "en"),
            "# {risks.matrix.title}: Tool\n\n{risks.matrix.empty}\n");
}

TEST(RiskExport, JsonCarriesTheApiFields) {
  Risk r = risk(9, Level::kMedium, Level::kHigh);
  r.personas = {PersonaId(1), PersonaId(2)};
  EXPECT_EQ(risk_json(r),
            "{\"id\":9,\"tool_id\":7,\"description\":\"Beschreibung 9\",\"personas\":[1,2],"
            "\"group\":\"\",\"affected\":\"users\",\"likelihood\":\"medium\",\"impact\":\"high\","
            "\"mitigation\":\"\",\"owner\":null,\"due\":null,\"state\":\"open\","
            "\"unmitigated_high\":true,\"version\":0,\"created_at\":0,\"updated_at\":0}");
  Persona p;
  p.id = PersonaId(1);
  p.name = "Erika";
  p.use = Use::kCannot;
  p.languages = {"de"};
  const std::string j = persona_json(p);
  EXPECT_NE(j.find("\"use\":\"cannot\",\"non_user\":true"), std::string::npos) << j;
  EXPECT_NE(j.find("\"age\":null"), std::string::npos);
  EXPECT_NE(j.find("\"languages\":[\"de\"]"), std::string::npos);
}

TEST(RiskExport, TheSheetHasOneRowPerRiskWithADateCell) {
  Risk r = risk(4, Level::kHigh, Level::kHigh);
  r.personas = {PersonaId(1)};
  r.due = *Date::parse("2027-01-15");
  const Sheet s = risk_sheet({r, risk(5, Level::kLow, Level::kLow)},
                             [](ToolId) { return std::string("Chatbot"); }, names(), keys);
  EXPECT_EQ(s.name, "{risks.export.sheet}");
  ASSERT_EQ(s.headers.size(), 11u);
  ASSERT_EQ(s.rows.size(), 2u);
  EXPECT_EQ(s.rows[0][1].text, "Chatbot");
  EXPECT_EQ(s.rows[0][3].text, "Erika, 78");
  ASSERT_TRUE(s.rows[0][9].date.has_value());
  EXPECT_EQ(s.rows[0][9].date->str(), "2027-01-15");
  EXPECT_EQ(s.rows[1][9].text, "");
  for (const auto& row : s.rows) EXPECT_EQ(row.size(), s.headers.size());
}

}  // namespace
}  // namespace solipraxis::core
