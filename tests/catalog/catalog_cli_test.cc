// Runs the real `solipraxis catalog ...` binary and checks output and exit codes.
#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/wait.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace {

struct Output {
  int code = -1;
  std::string out;
};

// Runs the binary with `args` (already shell-quoted); stderr is merged into out when asked.
Output run(const std::string& args, bool with_stderr = false) {
  std::string cmd = std::string("'") + SOLIPRAXIS_BIN + "' --catalog-dir '" +
                    SOLIPRAXIS_SOURCE_DIR + "/data/catalog' " + args +
                    (with_stderr ? " 2>&1" : " 2>/dev/null");
  Output r;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  int status = pclose(p);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

nlohmann::json json_of(const Output& r) {
  auto j = nlohmann::json::parse(r.out, nullptr, false);
  EXPECT_FALSE(j.is_discarded()) << r.out;
  return j;
}

TEST(CatalogCli, ListQuestionsAsJson) {
  Output r = run("catalog list --kind question --format json");
  ASSERT_EQ(r.code, 0);
  auto j = json_of(r);
  ASSERT_TRUE(j.is_array());
  EXPECT_EQ(j.size(), 46u);
  for (const auto& e : j) {
    EXPECT_TRUE(e.contains("id"));
    EXPECT_EQ(e["kind"], "question");
    EXPECT_TRUE(e["phase"].is_number_integer());
    EXPECT_FALSE(e["text"].get<std::string>().empty());
  }
}

TEST(CatalogCli, ListByPhaseAndLanguage) {
  Output r = run("catalog list --phase 2 --kind question --lang en --format json");
  ASSERT_EQ(r.code, 0);
  auto j = json_of(r);
  ASSERT_EQ(j.size(), 13u);
  EXPECT_EQ(j[0]["id"], "q.selection.01");
  EXPECT_EQ(j[0]["text"], "What problem does the tool solve?");
  // roman numerals and slugs work as phase too
  EXPECT_EQ(json_of(run("catalog list --phase III --kind question --format json")).size(), 12u);
  EXPECT_EQ(json_of(run("catalog list --phase evaluation --kind question --format json")).size(),
            12u);
  EXPECT_EQ(json_of(run("catalog list --kind principle --format json")).size(), 8u);
  EXPECT_EQ(json_of(run("catalog list --kind method --format json")).size(), 8u);
}

TEST(CatalogCli, TextListHasOneLinePerEntry) {
  Output r = run("catalog list --phase 1 --kind question");
  ASSERT_EQ(r.code, 0);
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 9);
  EXPECT_EQ(r.out.rfind("q.development.01  I  Wer definiert das Problem", 0), 0u) << r.out;
}

TEST(CatalogCli, ShowEntry) {
  Output r = run("catalog show q.selection.07");
  ASSERT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("Welche Chancen eröffnet der mögliche KI-Einsatz"), std::string::npos);
  EXPECT_NE(r.out.find("S. 16"), std::string::npos) << r.out;
  Output j = run("catalog show r.development.tarot-cards-of-tech --format json");
  ASSERT_EQ(j.code, 0);
  auto o = json_of(j);
  EXPECT_EQ(o["id"], "r.development.tarot-cards-of-tech");
  EXPECT_EQ(o["kind"], "resource");
  EXPECT_EQ(o["name"]["en"], "Tarot Cards of Tech");
  // a nested id shows its method
  Output m = run("catalog show m.team-retro.focus.bias --lang en");
  ASSERT_EQ(m.code, 0);
  EXPECT_NE(m.out.find("m.team-retro (method"), std::string::npos) << m.out;
  EXPECT_NE(m.out.find("Bias & discrimination"), std::string::npos) << m.out;
}

TEST(CatalogCli, SearchFindsTarotAndQuestions) {
  auto j = json_of(run("catalog search Tarot --format json"));
  ASSERT_FALSE(j.empty());
  EXPECT_EQ(j[0]["id"], "r.development.tarot-cards-of-tech");
  EXPECT_EQ(j[0]["kind"], "resource");
  EXPECT_EQ(j[0]["phase"], 1);
  j = json_of(run("catalog search 'überwacht' --kind question --format json"));
  ASSERT_EQ(j.size(), 1u);
  EXPECT_EQ(j[0]["id"], "q.deployment.10");
  j = json_of(run("catalog search Fuersorge --phase 3 --format json"));
  ASSERT_FALSE(j.empty());
  EXPECT_EQ(j[0]["id"], "q.deployment.01");
  Output none = run("catalog search xyzzyplugh --format json");
  EXPECT_EQ(none.code, 0);
  EXPECT_EQ(json_of(none).size(), 0u);
}

TEST(CatalogCli, BadInputExitsTwoWithOneLine) {
  for (const char* args : {"catalog show q.selection.99", "catalog list --phase 9",
                           "catalog list --kind nonsense", "catalog list --lang fr",
                           "catalog search x --format xml", "catalog search ''",
                           "catalog search '   ' --org verein"}) {
    Output r = run(args, true);
    EXPECT_EQ(r.code, 2) << args;
    EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1) << args << ": " << r.out;
    EXPECT_EQ(r.out.rfind("solipraxis catalog: ", 0), 0u) << r.out;
  }
}

TEST(CatalogCli, BrokenCatalogDirFailsWithMessage) {
  std::string cmd = std::string("'") + SOLIPRAXIS_BIN +
                    "' catalog list --catalog-dir /nonexistent/catalog 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  ASSERT_NE(p, nullptr);
  std::array<char, 1024> buf{};
  std::string out;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
  int status = pclose(p);
  EXPECT_EQ(WEXITSTATUS(status), 2);  // bad input, like serve on the same directory
  EXPECT_NE(out.find("/nonexistent/catalog"), std::string::npos) << out;
}

}  // namespace

// --org reads the org's catalog from the store: the database search, the org's list; an
// unknown org is a usage error. (Own entries, hidden ones and order: org_catalog_web_test
// and the store contract.)
TEST(CatalogCli, OrgCatalogFromTheStore) {
  char tmpl[] = "/tmp/solipraxis-catalog-cli-XXXXXX";
  ASSERT_NE(mkdtemp(tmpl), nullptr);
  const std::string dir = tmpl;
  std::ofstream(dir + "/pw") << "ein-langes-passwort\n";
  Output made = run("user create --email eda@example.org --org verein --data-dir '" + dir +
                        "' < '" + dir + "/pw'",
                    true);
  ASSERT_EQ(made.code, 0) << made.out;
  Output list = run("catalog list --org verein --phase 1 --kind question --format json --data-dir '" + dir + "'");
  ASSERT_EQ(list.code, 0) << list.out;
  auto j = json_of(list);
  ASSERT_EQ(j.size(), 9u);
  EXPECT_EQ(j[0]["id"], "q.development.01");
  Output found = run("catalog search 'Model Cards' --org verein --format json --data-dir '" + dir + "'");
  ASSERT_EQ(found.code, 0) << found.out;
  EXPECT_EQ(json_of(found)[0]["id"], "r.selection.model-cards");
  Output unknown = run("catalog list --org nirgends --data-dir '" + dir + "'", true);
  EXPECT_EQ(unknown.code, 2);
  EXPECT_NE(unknown.out.find("nirgends"), std::string::npos) << unknown.out;
  std::filesystem::remove_all(dir);
}
