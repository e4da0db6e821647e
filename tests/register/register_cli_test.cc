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
#include "store/store.h"

namespace solipraxis {
namespace {

using nlohmann::json;

struct Run {
  int exit_code = -1;
  std::string out;
};

// Runs the binary with `args` (trusted, test-made strings); stderr goes to /dev/null.
Run run(const std::string& args) {
  Run r;
  const std::string cmd = std::string(SOLIPRAXIS_BINARY) + " " + args + " 2>/dev/null";
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  std::array<char, 4096> buf{};
  std::size_t n = 0;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  const int status = pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

class ToolsCli : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string templ =
        (std::filesystem::temp_directory_path() / "solipraxis-register-XXXXXX").string();
    ASSERT_NE(mkdtemp(templ.data()), nullptr);
    dir_ = templ;
    auto s = store::open_store(store::StoreConfig{"", dir_, true}, clock_);
    ASSERT_TRUE(s.has_value()) << s.error().detail;
    auto& st = **s;
    const store::Actor actor{std::nullopt, "test"};
    auto org = st.create_org("verein", "Verein für Beratung", actor);
    ASSERT_TRUE(org.has_value());

    core::Tool chatbot;
    chatbot.name = "Chatbot, \"Beta\"";
    chatbot.purpose = "Fragen von Ratsuchenden vorsortieren";
    chatbot.hosting = core::Hosting::kVendorCloud;
    chatbot.is_public = true;
    chatbot.public_summary = "Sortiert Anfragen vor.";
    auto c = st.create_tool(org->id, chatbot, actor);
    ASSERT_TRUE(c.has_value()) << c.error().detail;
    chatbot_ = c->id;
    core::TransitionRequest reject;
    reject.kind = core::DecisionKind::kReject;
    reject.rationale = "Trainiert mit unseren Beratungsgesprächen.";
    reject.principles = {{2, "Ratsuchende zuerst"}};
    reject.decided_by = "Vorstand";
    reject.decided_on = core::Date::today(clock_);
    ASSERT_TRUE(st.transition_tool(org->id, chatbot_, reject, std::nullopt, actor).has_value());

    core::Tool translate;
    translate.name = "Übersetzungshilfe";
    translate.personal_data = core::DataAnswer::kNo;
    auto t = st.create_tool(org->id, translate, actor);
    ASSERT_TRUE(t.has_value());
    core::TransitionRequest explore = reject;
    explore.kind = core::DecisionKind::kExplore;
    explore.rationale = "Wir schauen genauer hin.";
    ASSERT_TRUE(st.transition_tool(org->id, t->id, explore, std::nullopt, actor).has_value());
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

  auto csv = run(tools("list --org verein --format csv"));
  ASSERT_EQ(csv.exit_code, 0);
  EXPECT_NE(csv.out.find("\"Chatbot, \"\"Beta\"\"\""), std::string::npos) << csv.out;

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
  EXPECT_NE(csv.out.find(",vendor_cloud,,unknown,unknown,yes,"), std::string::npos) << csv.out;
  EXPECT_NE(csv.out.find(",,,no,no,no,"), std::string::npos) << csv.out;
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
}

}  // namespace
}  // namespace solipraxis
