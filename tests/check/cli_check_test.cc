// The `solipraxis check` command as users call it: stdin and files, text and JSON
// output, exit codes 0/1/2, invalid UTF-8 reported with its byte offset.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

namespace {

struct RunResult {
  int code = -1;
  std::string out;
};

// Runs the binary with args through /bin/sh, feeding `input` on stdin; out has
// stdout and, unless drop_stderr, stderr too.
RunResult run(const std::string& args, const std::string& input, bool drop_stderr = false) {
  const auto dir = std::filesystem::temp_directory_path();
  const auto in = dir / ("solipraxis_check_in_" + std::to_string(::getpid()));
  std::ofstream(in, std::ios::binary) << input;
  const std::string cmd = std::string(SOLIPRAXIS_BIN) + " check " + args + " < " + in.string() +
                          (drop_stderr ? " 2>/dev/null" : " 2>&1");
  RunResult r;
  FILE* p = ::popen(cmd.c_str(), "r");
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  const int status = ::pclose(p);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::filesystem::remove(in);
  return r;
}

TEST(CliCheck, AcceptanceJsonOnStdin) {
  const RunResult r = run("--lang de --format json", "Wir danken allen Unterstützern für ihre Hilfe.\n");
  EXPECT_EQ(r.code, 1);
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j.size(), 1u);
  EXPECT_EQ(j[0]["file"], "-");
  EXPECT_EQ(j[0]["rule"], "inclusive.generic-masculine");
  EXPECT_EQ(j[0]["text"], "allen Unterstützern");  // the whole noun phrase
  EXPECT_EQ(j[0]["start"], 11);
  EXPECT_EQ(j[0]["end"], 31);
  EXPECT_EQ(j[0]["line"], 1);
  EXPECT_EQ(j[0]["column"], 12);
  EXPECT_EQ(j[0]["suggestions"][0], "allen Unterstützer:innen");
  EXPECT_EQ(j[0]["suggestions"][1], "allen Unterstützerinnen und Unterstützern");
}

TEST(CliCheck, NoFindingsExitsZero) {
  const RunResult r = run("--lang de --format json", "Die Mitarbeitenden danken dem Team.\n");
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(nlohmann::json::parse(r.out).size(), 0u);
}

TEST(CliCheck, TextFormatLikeACompiler) {
  const RunResult r = run("--lang de --style star", "Hallo.\nJeder Bewohner zahlt.\n");
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.out.rfind("-:2:1: inclusive.generic-masculine: ", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("(Jede*r Bewohner*in, Jede Bewohnerin oder jeder Bewohner)"), std::string::npos)
      << r.out;
}

TEST(CliCheck, InvalidUtf8IsExitTwoWithOffset) {
  const RunResult r = run("--format json", std::string("Gut\xC3(", 5));
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("byte offset 3"), std::string::npos) << r.out;
}

TEST(CliCheck, UsageErrorsExitTwo) {
  EXPECT_EQ(run("--style fancy", "x").code, 2);
  EXPECT_EQ(run("/nonexistent/file.txt", "").code, 2);
}

TEST(CliCheck, DirectoryIsAnInputErrorNotACrash) {
  const RunResult r = run(std::filesystem::temp_directory_path().string(), "");
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_NE(r.out.find("cannot read"), std::string::npos) << r.out;
}

TEST(CliCheck, AnUnreadableFileKeepsTheOtherFilesFindings) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("solipraxis_check_good_" + std::to_string(::getpid()) + ".txt");
  std::ofstream(path) << "Jeder Bewohner zahlt.\n";
  const RunResult r =
      run("--lang de --format json " + path.string() + " /nonexistent/file.txt", "", true);
  std::filesystem::remove(path);
  EXPECT_EQ(r.code, 2);
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j.size(), 1u) << r.out;
  EXPECT_EQ(j[0]["text"], "Jeder Bewohner");
  EXPECT_EQ(j[0]["file"], path.string());
}

TEST(CliCheck, FilesEnglishAutoAndPrompt) {
  const auto path = std::filesystem::temp_directory_path() / "solipraxis_check_en.txt";
  std::ofstream(path) << "Write a post for the chairman about our summer party.\n";
  const RunResult r = run("--format json --prompt " + path.string(), "");
  std::filesystem::remove(path);
  EXPECT_EQ(r.code, 1);
  const auto j = nlohmann::json::parse(r.out);
  int gendered = 0, context = 0;
  for (const auto& f : j) {
    EXPECT_EQ(f["file"], path.string());
    if (f["rule"] == "inclusive.gendered-term") ++gendered;
    if (f["rule"].get<std::string>().rfind("context.", 0) == 0) ++context;
  }
  EXPECT_EQ(gendered, 1);
  EXPECT_EQ(context, 4);
}

TEST(CliCheck, StatsInJson) {
  const RunResult r = run("--lang de --format json --stats", "Der Hund bellt. Die Katze schläft.\n");
  EXPECT_EQ(r.code, 0);
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_NEAR(j["stats"][0]["flesch_amstad"].get<double>(), 108.75, 1e-9);
}

}  // namespace
