#include "core/tool_export.h"

#include <gtest/gtest.h>

// Header-only; used by the test alone, to check that the hand-written JSON parses.
#include <nlohmann/json.hpp>

namespace solipraxis::core {
namespace {

using nlohmann::json;

ToolRecord record() {
  ToolRecord r;
  r.tool.id = ToolId(4);
  r.tool.name = "Chatbot <script>alert(1)</script>";
  r.tool.vendor = "Beispiel \"GmbH\"";
  r.tool.purpose = "Zeile 1\nZeile 2";
  r.tool.hosting = Hosting::kSelfHosted;
  r.tool.links = {"https://example.org/a"};
  r.tool.phase = Phase::kRejected;
  r.tool.version = 3;
  Decision d;
  d.id = DecisionId(9);
  d.tool_id = ToolId(4);
  d.kind = DecisionKind::kReject;
  d.from = Phase::kPilot;
  d.to = Phase::kRejected;
  d.rationale = "Trainiert mit *unseren* Daten.";
  d.principles = {{2, "Menschen zuerst"}};
  d.decided_by = "Vorstand";
  d.decided_on = *Date::parse("2026-02-01");
  d.red_lines = {{RedLineId(1), "Kein Training"}};
  r.decisions = {d};
  return r;
}

TEST(ToolExportTest, JsonParsesAndKeepsValues) {
  const auto j = json::parse(tool_record_json(record()));
  EXPECT_EQ(j["id"], 4);
  EXPECT_EQ(j["name"], "Chatbot <script>alert(1)</script>");
  EXPECT_EQ(j["vendor"], "Beispiel \"GmbH\"");
  EXPECT_EQ(j["purpose"], "Zeile 1\nZeile 2");
  EXPECT_EQ(j["hosting"], "self_hosted");
  EXPECT_TRUE(j["openness"].is_null());
  EXPECT_TRUE(j["next_review"].is_null());
  EXPECT_EQ(j["phase"], "rejected");
  EXPECT_EQ(j["public"], false);
  EXPECT_EQ(j["links"][0], "https://example.org/a");
  EXPECT_EQ(j["version"], 3);
  ASSERT_EQ(j["decisions"].size(), 1u);
  const auto& d = j["decisions"][0];
  EXPECT_EQ(d["kind"], "reject");
  EXPECT_EQ(d["from"], "pilot");
  EXPECT_EQ(d["to"], "rejected");
  EXPECT_EQ(d["decided_on"], "2026-02-01");
  EXPECT_EQ(d["principles"][0]["principle"], 2);
  EXPECT_EQ(d["principles"][0]["how"], "Menschen zuerst");
  EXPECT_EQ(d["red_lines_confirmed"][0]["text"], "Kein Training");
  const auto reg = json::parse(register_json({record(), record()}));
  EXPECT_EQ(reg["tools"].size(), 2u);
  EXPECT_EQ(json::parse(register_json({}))["tools"].size(), 0u);
}

TEST(ToolExportTest, JsonNeverContainsRawAngleBrackets) {
  const auto s = tool_json(record().tool);
  EXPECT_EQ(s.find('<'), std::string::npos);
  EXPECT_EQ(json_string(std::string("a\x01") + "b"), "\"a\\u0001b\"");
}

TEST(ToolExportTest, MarkdownEscapesUserText) {
  const auto md = tool_markdown(record());
  EXPECT_NE(md.find("## Chatbot \\<script\\>alert(1)\\</script\\>"), std::string::npos) << md;
  EXPECT_NE(md.find("Trainiert mit \\*unseren\\* Daten."), std::string::npos);
  EXPECT_NE(md.find("Not used (decided)"), std::string::npos);
  EXPECT_NE(md.find("Principle 2:** Menschen zuerst"), std::string::npos);
  EXPECT_NE(md.find("<https://example.org/a>"), std::string::npos);
  // A translation callback replaces the labels.
  const auto de = tool_markdown(record(), [](std::string_view k) {
    return k == "tools.phase.rejected" ? std::string("Bewusst nicht genutzt") : english_label(k);
  });
  EXPECT_NE(de.find("Bewusst nicht genutzt"), std::string::npos);
  EXPECT_NE(register_markdown("Verein", {}).find("No tools recorded."), std::string::npos);
}

// The three answers, each as every format writes it; "not answered" never reads as "no".
TEST(ToolExportTest, PersonalDataHasThreeAnswersInEveryFormat) {
  struct Case {
    DataAnswer personal;
    bool special;
    const char* json_value;
    const char* md_personal;
    const char* md_special;
  };
  for (const Case& c : {Case{DataAnswer::kUnknown, false, "unknown",
                             "Personal data:** not answered yet",
                             "Special categories of personal data:** not answered yet"},
                        Case{DataAnswer::kNo, false, "no", "Personal data:** no",
                             "Special categories of personal data:** no"},
                        Case{DataAnswer::kYes, true, "yes", "Personal data:** yes",
                             "Special categories of personal data:** yes"}}) {
    ToolRecord r = record();
    r.tool.personal_data = c.personal;
    r.tool.special_categories = c.special;
    const auto j = json::parse(tool_json(r.tool));
    EXPECT_EQ(j["personal_data"], c.json_value);
    EXPECT_EQ(j["special_categories"], c.special);
    const auto md = tool_markdown(r);
    EXPECT_NE(md.find(c.md_personal), std::string::npos) << md;
    EXPECT_NE(md.find(c.md_special), std::string::npos) << md;
  }
}

TEST(MarkdownEscape, AnAmpersandStaysUnlessItWouldReadAsAnEntity) {
  EXPECT_EQ(markdown_escape("Erwartungen & Ziele"), "Erwartungen & Ziele");
  EXPECT_EQ(markdown_escape("A&B"), "A&B");
  EXPECT_EQ(markdown_escape("&amp; &#38;"), "\\&amp; \\&\\#38;");
  EXPECT_EQ(markdown_escape("*fett* [x]"), "\\*fett\\* \\[x\\]");
}

}  // namespace
}  // namespace solipraxis::core
