// Runs the real `solipraxis` binary: migrate, user create|list, token create,
// org list. Checks exit codes (0 ok, 2 input error with ONE line on stderr),
// output, and that refused commands store nothing.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/clock.h"
#include "store/audit.h"
#include "store/common.h"
#include "store/migrations.h"
#include "store/orgs.h"
#include "store/reflections.h"
#include "store/personas.h"
#include "store/risks.h"
#include "store/secrets.h"
#include "store/store.h"
#include "store/tools.h"
#include "store/users.h"
#include "test_database.h"

namespace solipraxis {
namespace {

namespace fs = std::filesystem;

struct Outcome {
  int rc = -1;
  std::string out;
  std::string err;
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += (c == '\'') ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

class Cli : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string templ = (fs::temp_directory_path() / "solipraxis-cli-XXXXXX").string();
    ASSERT_NE(mkdtemp(templ.data()), nullptr);
    dir_ = templ;
    data_ = dir_ / "data";
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Runs solipraxis with --data-dir <tmp>/data and `input` on stdin (a file, so
  // stdin is not a terminal).
  Outcome run(const std::vector<std::string>& args, const std::string& input = "") {
    std::ofstream(dir_ / "in", std::ios::binary) << input;
    std::string cmd = quote(SOLIPRAXIS_BINARY);
    for (const auto& a : args) cmd += " " + quote(a);
    cmd += " --data-dir " + quote(data_.string());
    cmd += " <" + quote((dir_ / "in").string()) + " >" + quote((dir_ / "out").string()) + " 2>" +
           quote((dir_ / "err").string());
    const int status = std::system(cmd.c_str());
    Outcome r;
    r.rc = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = slurp(dir_ / "out");
    r.err = slurp(dir_ / "err");
    return r;
  }

  // Expects exit 2 with exactly one line on stderr that contains `needle`.
  void expect_usage_error(const Outcome& r, const std::string& needle) {
    EXPECT_EQ(r.rc, 2) << r.out << r.err;
    EXPECT_EQ(lines(r.err).size(), 1u) << r.err;
    EXPECT_NE(r.err.find(needle), std::string::npos) << r.err;
  }

  std::unique_ptr<store::Store> open() {
    auto st = store::open_store(testing::test_store_config(data_.string()), clock_);
    EXPECT_TRUE(st.has_value()) << st.error().detail;
    return st ? std::move(*st) : nullptr;
  }

  nlohmann::json json_of(const std::vector<std::string>& args) {
    Outcome r = run(args);
    EXPECT_EQ(r.rc, 0) << r.err;
    return nlohmann::json::parse(r.out, nullptr, false);
  }

  core::SystemClock clock_;
  fs::path dir_;
  fs::path data_;
};

TEST_F(Cli, MigrateCreatesTheDatabaseAndPrintsItsVersion) {
  Outcome r = run({"migrate"});
  EXPECT_EQ(r.rc, 0) << r.err;
  const std::string version = "schema version " + std::to_string(store::latest_schema_version("sqlite"));
  EXPECT_NE(r.out.find(version), std::string::npos) << r.out;
  if (!testing::on_postgres()) {
    EXPECT_TRUE(fs::exists(data_ / "solipraxis.db"));
  }
  Outcome again = run({"migrate"});
  EXPECT_EQ(again.rc, 0);
  EXPECT_EQ(again.out, r.out);
}

TEST_F(Cli, MigrateRefusesAFileThatIsNotADatabase) {
  const fs::path file = dir_ / "notes.txt";
  std::ofstream(file) << "not a database\n";
  Outcome r = run({"migrate", "--database", file.string()});
  expect_usage_error(r, "not an SQLite database");
  EXPECT_EQ(slurp(file), "not a database\n");
}

TEST_F(Cli, MigrateReportsAnUnreachablePostgres) {
  Outcome r = run({"migrate", "--database", "postgresql://u:secret@127.0.0.1:1/db"});
  expect_usage_error(r, "cannot connect to PostgreSQL");
  EXPECT_EQ(r.err.find("secret"), std::string::npos);
}

TEST_F(Cli, MigrateRefusesANewerDatabase) {
  ASSERT_EQ(run({"migrate"}).rc, 0);
  const std::string sql = "INSERT INTO schema_version VALUES (42, '0042_x.sql', 0);";
  const std::string cmd =
      testing::on_postgres()
          ? "psql -q -d " + quote(testing::test_database()) + " -c " + quote(sql)
          : "sqlite3 " + quote((data_ / "solipraxis.db").string()) + " " + quote(sql);
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  expect_usage_error(run({"migrate"}), "newer than this solipraxis");
}

TEST_F(Cli, TheFirstUserOfAnOrgIsItsOwner) {
  Outcome first = run({"user", "create", "--email", "Ada@Example.org", "--org", "mein-verein",
                   "--name", "Ada"},
                  "ein-langes-passwort\n");
  ASSERT_EQ(first.rc, 0) << first.err;
  Outcome second = run({"user", "create", "--email", "bo@example.org", "--org", "mein-verein",
                    "--role", "editor"},
                   "noch-ein-passwort\n");
  ASSERT_EQ(second.rc, 0) << second.err;
  Outcome third = run({"user", "create", "--email", "cy@example.org", "--org", "mein-verein"},
                  "drittes-passwort\n");
  ASSERT_EQ(third.rc, 0) << third.err;

  auto users = json_of({"user", "list", "--format", "json"});
  ASSERT_TRUE(users.is_array());
  ASSERT_EQ(users.size(), 3u);
  EXPECT_EQ(users[0]["email"], "ada@example.org");
  EXPECT_EQ(users[0]["name"], "Ada");
  EXPECT_EQ(users[0]["orgs"][0]["role"], "owner");
  EXPECT_EQ(users[1]["orgs"][0]["role"], "editor");
  EXPECT_EQ(users[2]["orgs"][0]["role"], "member");

  auto st = open();
  auto ada = st->users().user_by_email("ada@example.org");
  ASSERT_TRUE(ada.has_value());
  EXPECT_TRUE(store::verify_password("ein-langes-passwort", ada->password_hash));
  // The org was created and the change audited as coming from the CLI.
  auto org = st->orgs().org_by_slug("mein-verein");
  ASSERT_TRUE(org.has_value());
  auto log = st->audit().audit_log(org->id, {});
  ASSERT_TRUE(log.has_value());
  ASSERT_FALSE(log->items.empty());
  EXPECT_EQ(log->items.back().action, "org.create");
  EXPECT_EQ(log->items.back().via, "cli");

  Outcome text = run({"user", "list"});
  EXPECT_EQ(text.rc, 0);
  EXPECT_NE(text.out.find("ada@example.org\tAda\tmein-verein:owner"), std::string::npos) << text.out;
}

TEST_F(Cli, AnExistingUserJoinsAnotherOrgWithoutAPassword) {
  ASSERT_EQ(run({"user", "create", "--email", "a@example.org", "--org", "eins"},
                "ein-langes-passwort\n").rc, 0);
  Outcome join = run({"user", "create", "--email", "A@example.org", "--org", "zwei"});
  EXPECT_EQ(join.rc, 0) << join.err;
  EXPECT_NE(join.out.find("existing user"), std::string::npos);
  expect_usage_error(run({"user", "create", "--email", "a@example.org", "--org", "zwei"}),
                     "member already");
  auto st = open();
  EXPECT_TRUE(store::verify_password("ein-langes-passwort",
                                     st->users().user_by_email("a@example.org")->password_hash));
  auto orgs = json_of({"org", "list", "--format", "json"});
  ASSERT_EQ(orgs.size(), 2u);
  EXPECT_EQ(orgs[0]["slug"], "eins");
  EXPECT_EQ(orgs[1]["slug"], "zwei");
  EXPECT_EQ(orgs[1]["members"], 1);
}

TEST_F(Cli, OrgSetChangesTheNameAndTimeZoneOrNothing) {
  ASSERT_EQ(run({"user", "create", "--email", "a@example.org", "--org", "verein"},
                "ein-langes-passwort\n").rc, 0);
  EXPECT_EQ(json_of({"org", "list", "--format", "json"})[0]["time_zone"], "Europe/Berlin");
  Outcome r = run({"org", "set", "--org", "verein", "--name", "Verein e. V.", "--time-zone",
                   "Europe/Vienna"});
  ASSERT_EQ(r.rc, 0) << r.err;
  EXPECT_EQ(r.out, "verein\tVerein e. V.\tEurope/Vienna\n");
  // An unknown zone is refused with one line, and the name sent with it is not saved either.
  expect_usage_error(run({"org", "set", "--org", "verein", "--name", "Anders", "--time-zone",
                          "Europe/Atlantis"}),
                     "Europe/Berlin");
  expect_usage_error(run({"org", "set", "--org", "verein"}), "--time-zone");
  expect_usage_error(run({"org", "set", "--org", "fehlt", "--time-zone", "UTC"}), "no org");
  auto st = open();
  auto org = st->orgs().org_by_slug("verein");
  ASSERT_TRUE(org.has_value());
  EXPECT_EQ(org->name, "Verein e. V.");
  EXPECT_EQ(org->time_zone, "Europe/Vienna");
  auto log = st->audit().audit_log(org->id, {});
  ASSERT_TRUE(log.has_value());
  EXPECT_EQ(log->items.front().action, "org.time_zone") << "newest first";
  EXPECT_EQ(log->items.front().via, "cli");
}

TEST_F(Cli, BadInputIsRefusedAndStoresNothing) {
  expect_usage_error(run({"user", "create", "--email", "a@example.org", "--org", "verein"},
                         "kurz\n"),
                     "at least 10 characters");
  expect_usage_error(run({"user", "create", "--email", "a@example.org", "--org", "verein"}, ""),
                     "no password");
  expect_usage_error(run({"user", "create", "--email", "kein-at", "--org", "verein"},
                         "ein-langes-passwort\n"),
                     "e-mail");
  expect_usage_error(run({"user", "create", "--email", "a@example.org", "--org", "Verein!"},
                         "ein-langes-passwort\n"),
                     "slug");
  expect_usage_error(run({"user", "create", "--email", "a@example.org", "--org", "verein",
                          "--role", "chef"},
                         "ein-langes-passwort\n"),
                     "--role");
  expect_usage_error(run({"user", "create", "--email", "a@example.org", "--org", "verein",
                          "--org-name", std::string(101, 'x')},
                         "ein-langes-passwort\n"),
                     "longer than 100");
  EXPECT_EQ(run({"user", "create", "--org", "verein"}).rc, 2);  // --email missing
  EXPECT_EQ(run({"user", "list", "--format", "xml"}).rc, 2);
  EXPECT_EQ(json_of({"user", "list", "--format", "json"}).size(), 0u);
  EXPECT_EQ(json_of({"org", "list", "--format", "json"}).size(), 0u);
}

TEST_F(Cli, TokenCreatePrintsTheTokenAloneOnTheLastLine) {
  ASSERT_EQ(run({"user", "create", "--email", "a@example.org", "--org", "verein"},
                "ein-langes-passwort\n").rc, 0);
  Outcome r = run({"token", "create", "--email", "A@example.org", "--name", "skript"});
  ASSERT_EQ(r.rc, 0) << r.err;
  auto out = lines(r.out);
  ASSERT_FALSE(out.empty());
  const std::string token = out.back();
  EXPECT_EQ(token.size(), 43u) << token;
  auto st = open();
  auto stored = st->users().token_by_hash(store::hash_token(token));
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(stored->name, "skript");
  EXPECT_EQ(r.out.find(stored->token_hash), std::string::npos);  // the hash is never shown
  expect_usage_error(run({"token", "create", "--email", "nobody@example.org"}), "no account");
}

TEST_F(Cli, CommandsWorkWhileAServerHoldsTheDatabase) {
  auto server = open();  // like `solipraxis serve`: an open store on the same file
  ASSERT_NE(server, nullptr);
  auto org = server->orgs().create_org("verein", "Verein", store::Actor{std::nullopt, "web"});
  ASSERT_TRUE(org.has_value());
  ASSERT_TRUE(server->ping().has_value());
  Outcome r = run({"user", "create", "--email", "a@example.org", "--org", "verein"},
              "ein-langes-passwort\n");
  ASSERT_EQ(r.rc, 0) << r.err;
  EXPECT_EQ(run({"token", "create", "--email", "a@example.org"}).rc, 0);
  // The server sees the CLI's writes at once.
  auto user = server->users().user_by_email("a@example.org");
  ASSERT_TRUE(user.has_value());
  EXPECT_EQ(*server->orgs().member_role(org->id, user->id), store::Role::kOwner);
  EXPECT_EQ(server->users().tokens(user->id)->size(), 1u);
}

TEST_F(Cli, AuditListShowsTheChangeLogNewestFirstWithoutAddresses) {
  ASSERT_EQ(run({"user", "create", "--email", "ada@example.org", "--org", "verein", "--name",
                 "Ada"}, "ein-langes-passwort\n").rc, 0);
  ASSERT_EQ(run({"user", "create", "--email", "bo@example.org", "--org", "verein"},
                "noch-ein-passwort\n").rc, 0);
  ASSERT_EQ(run({"user", "create", "--email", "cy@example.org", "--org", "andere"},
                "drittes-passwort\n").rc, 0);
  {
    auto st = open();
    auto org = st->orgs().org_by_slug("verein");
    auto ada = st->users().user_by_email("ada@example.org");
    core::Tool t;
    t.name = "Übersetzungshilfe";
    ASSERT_TRUE(st->tools().create_tool(org->id, t, store::Actor{ada->id, "web"}).has_value());
  }
  // org.create, member.add (Ada), member.add (Bo), tool.create: newest first, two per page.
  auto first = json_of({"audit", "list", "--org", "verein", "--limit", "2", "--format", "json"});
  ASSERT_EQ(first["items"].size(), 2u);
  EXPECT_EQ(first["items"][0]["action"], "tool.create");
  EXPECT_EQ(first["items"][0]["actor"]["name"], "Ada");
  EXPECT_EQ(first["items"][0]["object"]["name"], "Übersetzungshilfe");
  EXPECT_EQ(first["items"][1]["action"], "member.add");
  EXPECT_EQ(first["items"][1]["actor"], nullptr);  // the command line, no person
  ASSERT_TRUE(first["next"].is_string());
  auto second = json_of({"audit", "list", "--org", "verein", "--limit", "2", "--format", "json",
                         "--cursor", first["next"].get<std::string>()});
  ASSERT_EQ(second["items"].size(), 2u);
  EXPECT_EQ(second["items"][1]["action"], "org.create");
  EXPECT_TRUE(second["next"].is_null());

  Outcome text = run({"audit", "list", "--org", "verein"});
  EXPECT_EQ(text.rc, 0) << text.err;
  EXPECT_EQ(lines(text.out).size(), 5u) << text.out;  // header + 4 entries
  EXPECT_NE(text.out.find("tool.create"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("(cli)"), std::string::npos) << text.out;
  EXPECT_EQ(text.out.find('@'), std::string::npos) << "no e-mail address: " << text.out;
  EXPECT_EQ(first.dump().find('@'), std::string::npos);

  auto tools_only = json_of({"audit", "list", "--org", "verein", "--kind", "tools",
                             "--format", "json"});
  ASSERT_EQ(tools_only["items"].size(), 1u);

  expect_usage_error(run({"audit", "list", "--org", "gibt-es-nicht"}), "no organisation");
  expect_usage_error(run({"audit", "list", "--org", "verein", "--kind", "passwords"}), "kind");
  expect_usage_error(run({"audit", "list", "--org", "verein", "--cursor", "kaputt"}), "cursor");
  EXPECT_EQ(run({"audit", "list", "--org", "verein", "--limit", "0"}).rc, 2);
  EXPECT_EQ(run({"audit", "list", "--org", "verein", "--format", "csv"}).rc, 2);
}

TEST_F(Cli, RisksListPrintsTheMatrixPerToolAndRefusesBadInput) {
  ASSERT_EQ(run({"user", "create", "--email", "ada@example.org", "--org", "verein", "--name",
                 "Ada"}, "ein-langes-passwort\n").rc, 0);
  core::ToolId tool;
  core::RiskId first;
  {
    auto st = open();
    auto org = st->orgs().org_by_slug("verein");
    auto ada = st->users().user_by_email("ada@example.org");
    const store::Actor by{ada->id, "web"};
    core::Tool t;
    t.name = "Chatbot";
    auto made = st->tools().create_tool(org->id, t, by);
    ASSERT_TRUE(made.has_value());
    tool = made->id;
    core::Persona erika;
    erika.name = "Erika, 78";
    erika.use = core::Use::kCannot;
    auto p = st->personas().create(org->id, erika, by);
    ASSERT_TRUE(p.has_value());
    core::Risk r;
    r.tool = tool;
    r.description = "Erika erreicht niemanden mehr am Telefon.";
    r.personas = {p->id};
    r.affected = core::Affected::kNonUsers;
    r.likelihood = core::Level::kHigh;
    r.impact = core::Level::kHigh;
    r.owner = ada->id;
    auto k = st->risks().create(org->id, r, by);
    ASSERT_TRUE(k.has_value());
    first = k->id;
    r.personas = {};
    r.group = "Ehrenamtliche";
    r.affected = core::Affected::kUsers;
    r.likelihood = core::Level::kLow;
    r.impact = core::Level::kMedium;
    r.owner.reset();
    ASSERT_TRUE(st->risks().create(org->id, r, by).has_value());
  }
  Outcome md = run({"risks", "list", "--org", "verein", "--format", "markdown", "--lang", "de"});
  ASSERT_EQ(md.rc, 0) << md.err;
  const auto ls = lines(md.out);
  ASSERT_GE(ls.size(), 7u) << md.out;
  EXPECT_NE(ls[0].find("Chatbot"), std::string::npos);
  EXPECT_EQ(ls[3], "| --- | --- | --- | --- |");
  EXPECT_NE(ls[4].find("R" + std::to_string(first.value) + ": Erika, 78"), std::string::npos)
      << "high likelihood is the first row, high impact its last cell: " << ls[4];
  EXPECT_NE(ls[6].find("Ehrenamtliche"), std::string::npos) << ls[6];
  EXPECT_NE(md.out.find("Ada"), std::string::npos) << "the responsible member by name";

  auto risks = json_of({"risks", "list", "--org", "verein", "--tool",
                        std::to_string(tool.value), "--format", "json"});
  ASSERT_EQ(risks["items"].size(), 2u);
  EXPECT_EQ(risks["items"][0]["id"], first.value) << "unmitigated high impact first";
  EXPECT_EQ(risks["items"][0]["affected"], "non_users");
  auto personas = json_of({"personas", "list", "--org", "verein", "--format", "json"});
  ASSERT_EQ(personas["items"].size(), 1u);
  EXPECT_EQ(personas["items"][0]["non_user"], true);
  Outcome csv = run({"risks", "list", "--org", "verein", "--format", "csv", "--lang", "en"});
  ASSERT_EQ(csv.rc, 0) << csv.err;
  EXPECT_EQ(lines(csv.out).size(), 3u) << "a header and one row per risk: " << csv.out;

  expect_usage_error(run({"risks", "list", "--org", "gibt-es-nicht"}), "no organisation");
  expect_usage_error(run({"risks", "list", "--org", "verein", "--tool", "x"}), "tool id");
  EXPECT_EQ(run({"risks", "list", "--org", "verein", "--tool", "999"}).rc, 2);
  EXPECT_EQ(run({"risks", "list", "--org", "verein", "--format", "xlsx"}).rc, 2);
  EXPECT_EQ(run({"personas", "list", "--org", "verein", "--format", "markdown"}).rc, 2);
}

TEST_F(Cli, ReflectionsListShowExportFollowTheTeamViewRules) {
  for (const char* who : {"ada", "bo", "cy"}) {
    ASSERT_EQ(run({"user", "create", "--email", std::string(who) + "@example.org", "--org", "verein",
                   "--name", std::string("Person ") + who}, "ein-langes-passwort\n").rc, 0);
  }
  std::int64_t tool = 0, named = 0, anonymous = 0;
  {
    auto st = open();
    auto org = st->orgs().org_by_slug("verein");
    auto ada = st->users().user_by_email("ada@example.org");
    const store::Actor by{ada->id, "web"};
    core::Tool t;
    t.name = "Übersetzungshilfe";
    tool = st->tools().create_tool(org->id, t, by)->id.value;
    auto& refl = st->reflections();
    const std::string use = "m.reflection-template-use";
    named = refl.create_round(org->id, {core::ToolId(tool), use, 2, false, 0}, by)->id;
    anonymous = refl.create_round(org->id, {core::ToolId(tool), use, 2, true, 0}, by)->id;
    auto answer = [&](std::int64_t round, const store::Author& a, const std::string& text) {
      auto r = refl.start(org->id, round, a, by);
      ASSERT_TRUE(r.has_value());
      ASSERT_TRUE(refl.save_section(org->id, r->id, a,
                                    {use + ".1", 1, {{use + ".1.1", text}}, 0, 0}, 0, by));
      ASSERT_TRUE(refl.finish_stage(org->id, r->id, a, 1, by));
    };
    answer(named, store::Author{ada->id, ""}, "Spart **Zeit** beim Übersetzen");
    answer(anonymous, store::Author{std::nullopt, "k1"}, "Geheim eins");
    answer(anonymous, store::Author{std::nullopt, "k2"}, "Geheim zwei");
  }
  auto list = json_of({"reflections", "list", "--org", "verein", "--format", "json"});
  ASSERT_EQ(list["items"].size(), 2u) << list;
  EXPECT_EQ(list["items"][1]["anonymous"], true);
  Outcome table = run({"reflections", "list", "--org", "verein", "--tool", std::to_string(tool)});
  EXPECT_EQ(table.rc, 0) << table.err;
  EXPECT_EQ(lines(table.out).size(), 3u) << table.out;

  Outcome shown = run({"reflections", "show", std::to_string(named), "--org", "verein"});
  ASSERT_EQ(shown.rc, 0) << shown.err;
  EXPECT_NE(shown.out.find("> Spart **Zeit** beim Übersetzen"), std::string::npos) << shown.out;
  EXPECT_NE(shown.out.find("— Person ada"), std::string::npos) << shown.out;
  auto withheld = json_of({"reflections", "show", std::to_string(anonymous), "--org", "verein",
                           "--format", "json"});
  EXPECT_EQ(withheld["withheld"], true);
  EXPECT_EQ(withheld.dump().find("Geheim"), std::string::npos) << "two answers stay hidden";

  Outcome exported = run({"reflections", "export", "--org", "verein", "--tool", std::to_string(tool),
                          "--format", "markdown"});
  ASSERT_EQ(exported.rc, 0) << exported.err;
  EXPECT_EQ(exported.out.rfind("# Reflexionen zu Übersetzungshilfe", 0), 0u) << exported.out;
  EXPECT_EQ(exported.out.find("Geheim"), std::string::npos) << exported.out;
  EXPECT_EQ(exported.out.find('@'), std::string::npos) << "no e-mail address";
  auto all = json_of({"reflections", "export", "--org", "verein", "--tool", std::to_string(tool),
                      "--format", "json"});
  ASSERT_EQ(all["rounds"].size(), 2u);
  EXPECT_EQ(all["rounds"][0]["sections"][0]["prompts"][0]["answers"][0]["author"]["name"], "Person ada");

  expect_usage_error(run({"reflections", "list", "--org", "gibt-es-nicht"}), "no organisation");
  expect_usage_error(run({"reflections", "show", "abc", "--org", "verein"}), "not a round id");
  expect_usage_error(run({"reflections", "show", "9999", "--org", "verein"}), "round");
  expect_usage_error(run({"reflections", "list", "--org", "verein", "--tool", "x"}), "not a tool id");
  expect_usage_error(run({"reflections", "export", "--org", "verein", "--tool", "9999"}), "tool");
  EXPECT_EQ(run({"reflections", "export", "--org", "verein"}).rc, 2) << "--tool is required";
}

}  // namespace
}  // namespace solipraxis
