// `solipraxis tools list|show|export --org ORG`: output in every format and the
// exit codes for bad input, against a store filled through the Store API.
#include <sys/wait.h>

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "core/transition.h"
#include "store/common.h"
#include "store/orgs.h"
#include "store/store.h"
#include "store/tools.h"
#include "test_database.h"

namespace solipraxis {
namespace {

using nlohmann::json;

struct Run {
  int exit_code = -1;
  std::string out;
};

// Runs a shell command line (trusted, test-made strings).
Run run_shell(const std::string& cmd) {
  Run r;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  std::array<char, 4096> buf{};
  std::size_t n = 0;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  const int status = pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

// Runs the binary with `args`; stderr goes to /dev/null.
Run run(const std::string& args) {
  return run_shell(std::string(SOLIPRAXIS_BINARY) + " " + args + " 2>/dev/null");
}

class ToolsCli : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string templ =
        (std::filesystem::temp_directory_path() / "solipraxis-register-XXXXXX").string();
    ASSERT_NE(mkdtemp(templ.data()), nullptr);
    dir_ = templ;
    auto s = store::open_store(testing::test_store_config(dir_), clock_);
    ASSERT_TRUE(s.has_value()) << s.error().detail;
    auto& st = **s;
    const store::Actor actor{std::nullopt, "test"};
    auto org = st.orgs().create_org("verein", "Verein für Beratung", actor);
    ASSERT_TRUE(org.has_value());

    core::Tool chatbot;
    chatbot.name = "Chatbot, \"Beta\"";
    chatbot.purpose = "Fragen von Ratsuchenden vorsortieren";
    chatbot.hosting = core::Hosting::kVendorCloud;
    chatbot.is_public = true;
    chatbot.public_summary = "Sortiert Anfragen vor.";
    auto c = st.tools().create_tool(org->id, chatbot, actor);
    ASSERT_TRUE(c.has_value()) << c.error().detail;
    chatbot_ = c->id;
    core::TransitionRequest reject;
    reject.kind = core::DecisionKind::kReject;
    reject.rationale = "Trainiert mit unseren Beratungsgesprächen.";
    reject.principles = {{2, "Ratsuchende zuerst"}};
    reject.decided_by = "Vorstand";
    reject.decided_on = core::Date::today(clock_);
    auto line = st.tools().create_red_line(org->id, "Kein Training mit Beratungsgesprächen", actor);
    ASSERT_TRUE(line.has_value());
    ASSERT_TRUE(st.tools().transition_tool(org->id, chatbot_, reject, std::nullopt, actor).has_value());

    core::Tool translate;
    translate.name = "Übersetzungshilfe";
    translate.personal_data = core::DataAnswer::kNo;
    auto t = st.tools().create_tool(org->id, translate, actor);
    ASSERT_TRUE(t.has_value());
    core::TransitionRequest explore = reject;
    explore.kind = core::DecisionKind::kExplore;
    explore.rationale = "Wir schauen genauer hin.";
    ASSERT_TRUE(st.tools().transition_tool(org->id, t->id, explore, std::nullopt, actor).has_value());
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string tools(const std::string& args) { return "tools " + args + " --data-dir " + dir_; }

  core::FakeClock clock_;
  std::string dir_;
  core::ToolId chatbot_;
};

TEST_F(ToolsCli, ListAsTextJsonAndCsv) {
  auto text = run(tools("list --org verein"));
  EXPECT_EQ(text.exit_code, 0);
  EXPECT_NE(text.out.find("rejected"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("Übersetzungshilfe"), std::string::npos);

  auto j = run(tools("list --org verein --format json"));
  ASSERT_EQ(j.exit_code, 0);
  const auto parsed = json::parse(j.out);
  ASSERT_EQ(parsed["tools"].size(), 2u);
  EXPECT_EQ(parsed["tools"][0]["name"], "Chatbot, \"Beta\"");
  EXPECT_EQ(parsed["tools"][0]["decisions"][0]["rationale"],
            "Trainiert mit unseren Beratungsgesprächen.");
  EXPECT_EQ(parsed["tools"][1]["phase"], "selection");

  auto csv = run(tools("list --org verein --format csv --lang en"));
  ASSERT_EQ(csv.exit_code, 0);
  EXPECT_NE(csv.out.find(",\"Chatbot, \"\"Beta\"\"\","), std::string::npos) << csv.out;

  auto filtered = run(tools("list --org verein --phase rejected --format json"));
  ASSERT_EQ(filtered.exit_code, 0);
  EXPECT_EQ(json::parse(filtered.out)["tools"].size(), 1u);
  auto pub = run(tools("list --org verein --public --format json"));
  EXPECT_EQ(json::parse(pub.out)["tools"][0]["public"], true);
  EXPECT_EQ(json::parse(pub.out)["tools"].size(), 1u);
}

TEST_F(ToolsCli, ShowAndExport) {
  auto md = run(tools("show --org verein " + std::to_string(chatbot_.value)));
  ASSERT_EQ(md.exit_code, 0);
  EXPECT_NE(md.out.find("## Chatbot, \"Beta\""), std::string::npos) << md.out;
  EXPECT_NE(md.out.find("Trainiert mit unseren Beratungsgesprächen."), std::string::npos);
  EXPECT_NE(md.out.find("Principle 2"), std::string::npos);

  auto j = run(tools("show --org verein --format json " + std::to_string(chatbot_.value)));
  ASSERT_EQ(j.exit_code, 0);
  EXPECT_EQ(json::parse(j.out)["decisions"][0]["principles"][0]["how"], "Ratsuchende zuerst");

  auto exp = run(tools("export --org verein"));
  ASSERT_EQ(exp.exit_code, 0);
  EXPECT_EQ(json::parse(exp.out)["tools"].size(), 2u);
  auto exp_md = run(tools("export --org verein --format markdown"));
  ASSERT_EQ(exp_md.exit_code, 0);
  EXPECT_EQ(exp_md.out.rfind("# AI tool register: Verein für Beratung", 0), 0u) << exp_md.out;
}

// The chatbot's personal data was never answered, the translation tool's is "no".
TEST_F(ToolsCli, PersonalDataShowsNotAnsweredYetApartFromNo) {
  const std::string id = std::to_string(chatbot_.value);
  auto md = run(tools("show --org verein " + id));
  ASSERT_EQ(md.exit_code, 0);
  EXPECT_NE(md.out.find("- **Personal data:** not answered yet\n"), std::string::npos) << md.out;
  EXPECT_NE(md.out.find("- **Special categories of personal data:** not answered yet\n"),
            std::string::npos);
  EXPECT_EQ(json::parse(run(tools("show --org verein --format json " + id)).out)["personal_data"],
            "unknown");
  const auto exported = json::parse(run(tools("export --org verein")).out);
  EXPECT_EQ(exported["tools"][0]["personal_data"], "unknown");
  EXPECT_EQ(exported["tools"][1]["personal_data"], "no");
  auto csv = run(tools("export --org verein --format csv"));
  ASSERT_EQ(csv.exit_code, 0);
  EXPECT_NE(csv.out.find(";Cloud des Unternehmens;noch unbekannt;;noch nicht geklärt;"
                         "noch nicht geklärt;"),
            std::string::npos)
      << csv.out;
  EXPECT_NE(csv.out.find(";noch unbekannt;noch unbekannt;;nein;nein;"), std::string::npos)
      << csv.out;
  auto all_md = run(tools("export --org verein --format markdown"));
  EXPECT_NE(all_md.out.find("- **Personal data:** no\n"), std::string::npos) << all_md.out;
}

TEST_F(ToolsCli, BadInputExitsWithTwo) {
  EXPECT_EQ(run(tools("list --org gibt-es-nicht")).exit_code, 2);
  EXPECT_EQ(run(tools("list --org verein --phase fertig")).exit_code, 2);
  EXPECT_EQ(run(tools("list --org verein --format xml")).exit_code, 2);
  EXPECT_EQ(run(tools("list")).exit_code, 2);
  EXPECT_EQ(run(tools("show --org verein abc")).exit_code, 2);
  EXPECT_EQ(run(tools("show --org verein 999")).exit_code, 2);
  EXPECT_EQ(run(tools("export --org verein --format text")).exit_code, 2);
  EXPECT_EQ(run(tools("export --org verein --format csv --lang fr")).exit_code, 2);
  EXPECT_EQ(run(tools("export --org verein --format xlsx --output " + dir_ + "/no/such/dir/x.xlsx"))
                .exit_code,
            2);
}

// The CSV opens in German Excel with a double click: BOM, ';', German labels and dates.
TEST_F(ToolsCli, CsvSpeaksTheLanguageOfItsReader) {
  auto de = run(tools("export --org verein --format csv --lang de"));
  ASSERT_EQ(de.exit_code, 0);
  ASSERT_EQ(de.out.rfind("\xEF\xBB\xBFNr.;Name;", 0), 0u) << de.out;
  EXPECT_NE(de.out.find(";Nächste Überprüfung;"), std::string::npos);
  EXPECT_NE(de.out.find(";Bewusst nicht genutzt;"), std::string::npos) << "a label, not 'rejected'";
  EXPECT_NE(de.out.find(";Trainiert mit unseren Beratungsgesprächen.;"), std::string::npos);
  EXPECT_EQ(de.out.find("vendor_cloud"), std::string::npos);
  auto en = run(tools("export --org verein --format csv --lang en"));
  ASSERT_EQ(en.out.rfind("\xEF\xBB\xBFNo.,Name,", 0), 0u) << en.out;
  EXPECT_NE(en.out.find(",Not used (decided),"), std::string::npos) << en.out;
}

// Runs python3 with openpyxl on `file` and returns what it read (see read_xlsx.py).
json read_xlsx(const std::string& file) {
  const std::string script = std::string(SOLIPRAXIS_SOURCE_DIR) + "/tests/register/read_xlsx.py";
  FILE* p = popen(("/usr/bin/python3 " + script + " " + file).c_str(), "r");
  std::string out;
  std::array<char, 4096> buf{};
  std::size_t n = 0;
  while (p && (n = fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
  if (p) pclose(p);
  return json::parse(out);
}

std::size_t column(const json& sheet, const std::string& header) {
  const auto& headers = sheet["rows"][0];
  for (std::size_t i = 0; i < headers.size(); ++i)
    if (headers[i]["value"] == header) return i;
  ADD_FAILURE() << "no column " << header << " in " << headers.dump();
  return 0;
}

// The spreadsheet, as a spreadsheet program reads it: three sheets with German
// headers, real date cells, the decisions with their reasons and principles.
TEST_F(ToolsCli, XlsxHasToolsDecisionsAndRedLinesInGerman) {
  const std::string file = dir_ + "/register.xlsx";
  ASSERT_EQ(run(tools("export --org verein --format xlsx --lang de --output " + file)).exit_code, 0);
  const json book = read_xlsx(file);
  ASSERT_EQ(book["sheets"].size(), 3u) << book.dump();
  EXPECT_EQ(book["sheets"][0]["name"], "Werkzeuge");
  EXPECT_EQ(book["sheets"][1]["name"], "Entscheidungen");
  EXPECT_EQ(book["sheets"][2]["name"], "Rote Linien");

  const json& tools_sheet = book["sheets"][0];
  ASSERT_EQ(tools_sheet["rows"].size(), 3u);  // header + two tools
  const auto& chatbot = tools_sheet["rows"][1];
  EXPECT_EQ(chatbot[column(tools_sheet, "Name")]["value"], "Chatbot, \"Beta\"");
  EXPECT_EQ(chatbot[column(tools_sheet, "Phase")]["value"], "Bewusst nicht genutzt");
  EXPECT_EQ(chatbot[column(tools_sheet, "Betrieb")]["value"], "Cloud des Unternehmens");
  EXPECT_EQ(chatbot[column(tools_sheet, "Nr.")]["value"], chatbot_.value);

  const json& decisions = book["sheets"][1];
  ASSERT_EQ(decisions["rows"].size(), 3u);  // header + one decision per tool
  const auto& reject = decisions["rows"][1];
  EXPECT_EQ(reject[column(decisions, "Begründung")]["value"],
            "Trainiert mit unseren Beratungsgesprächen.");
  EXPECT_EQ(reject[column(decisions, "Entscheidung")]["value"], "Bewusst nicht nutzen");
  EXPECT_NE(reject[column(decisions, "Prinzipien")]["value"].get<std::string>().find(
                "2 "),
            std::string::npos);
  EXPECT_NE(reject[column(decisions, "Prinzipien")]["value"].get<std::string>().find(
                "Ratsuchende zuerst"),
            std::string::npos);
  const auto& date = reject[column(decisions, "Datum")];
  EXPECT_TRUE(date["is_date"].get<bool>()) << date.dump();
  EXPECT_EQ(date["value"], core::Date::today(clock_).str());
  EXPECT_EQ(date["number_format"], "dd.mm.yyyy");

  const json& lines = book["sheets"][2];
  ASSERT_EQ(lines["rows"].size(), 2u);
  EXPECT_EQ(lines["rows"][0][0]["value"], "Rote Linie");
  EXPECT_EQ(lines["rows"][1][0]["value"], "Kein Training mit Beratungsgesprächen");
  EXPECT_EQ(lines["rows"][1][1]["value"], "aktiv");
  EXPECT_TRUE(lines["rows"][1][2]["is_date"].get<bool>());
}

TEST_F(ToolsCli, XlsxInEnglishAndThroughAPipeButNeverToATerminal) {
  const std::string file = dir_ + "/piped.xlsx";
  ASSERT_EQ(run(tools("export --org verein --format xlsx --lang en > " + file)).exit_code, 0);
  const json book = read_xlsx(file);
  EXPECT_EQ(book["sheets"][1]["name"], "Decisions");
  EXPECT_EQ(book["sheets"][0]["rows"][0][1]["value"], "Name");
  // script(1) gives the command a terminal as standard output: refused, nothing written.
  auto tty = run_shell("script -qec '" + std::string(SOLIPRAXIS_BINARY) + " " +
                       tools("export --org verein --format xlsx") + "' /dev/null");
  EXPECT_EQ(tty.exit_code, 2) << tty.out;
  EXPECT_NE(tty.out.find("--output"), std::string::npos) << tty.out;
}

}  // namespace
}  // namespace solipraxis
