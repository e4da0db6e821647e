// Engine-specific failure modes that the shared contract cannot express:
// a file that is not SQLite, an unreachable PostgreSQL, and two processes (a
// server and the CLI) writing to one SQLite file.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "store/common.h"
#include "store/orgs.h"
#include "store/store.h"
#include "store_fixture.h"

namespace solipraxis::store::testing {
namespace {

namespace fs = std::filesystem;

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class TempDir {
 public:
  TempDir() {
    std::string templ = (fs::temp_directory_path() / "solipraxis-engine-XXXXXX").string();
    path_ = mkdtemp(templ.data());
  }
  ~TempDir() { fs::remove_all(path_); }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

TEST(SqliteEngine, AFileThatIsNotADatabaseIsUnavailableAndUntouched) {
  TempDir dir;
  const fs::path file = dir.path() / "notes.db";
  const std::string content = "Protokoll der Mitgliederversammlung\n" + std::string(5000, 'x');
  std::ofstream(file, std::ios::binary) << content;
  core::FakeClock clock;
  for (bool migrate : {true, false}) {
    auto opened = open_store(StoreConfig{file.string(), "", migrate}, clock);
    ASSERT_FALSE(opened.has_value());
    EXPECT_EQ(opened.error().code, core::ErrorCode::kUnavailable);
    EXPECT_NE(opened.error().detail.find("not an SQLite database"), std::string::npos)
        << opened.error().detail;
  }
  EXPECT_EQ(read_all(file), content);
  // No journal or WAL files were created beside it.
  EXPECT_EQ(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()), 1);
}

TEST(SqliteEngine, ADirectoryIsNotADatabase) {
  TempDir dir;
  core::FakeClock clock;
  auto opened = open_store(StoreConfig{dir.path().string(), "", true}, clock);
  EXPECT_FALSE(opened.has_value());
  EXPECT_EQ(opened.error().code, core::ErrorCode::kUnavailable);
}

TEST(SqliteEngine, TheDataDirIsCreatedWithTheDefaultFile) {
  TempDir dir;
  core::FakeClock clock;
  const fs::path data = dir.path() / "a" / "b";
  auto opened = open_store(StoreConfig{"", data.string(), true}, clock);
  ASSERT_TRUE(opened.has_value()) << opened.error().detail;
  EXPECT_TRUE(fs::exists(data / "solipraxis.db"));
}

TEST(SqliteEngine, TwoStoresOnOneFileBothWrite) {
  TempDir dir;
  core::FakeClock clock;
  const std::string file = (dir.path() / "shared.db").string();
  auto server = open_store(StoreConfig{file, "", true}, clock);
  auto cli = open_store(StoreConfig{file, "", true}, clock);
  ASSERT_TRUE(server && cli);
  const Actor actor{std::nullopt, "test"};
  for (int i = 0; i < 20; ++i) {
    Store& s = (i % 2 == 0) ? **server : **cli;
    ASSERT_TRUE(s.orgs().create_org("org-" + std::to_string(i), "Org", actor).has_value());
    // Each sees the other's writes at once.
    Store& other = (i % 2 == 0) ? **cli : **server;
    ASSERT_TRUE(other.orgs().org_by_slug("org-" + std::to_string(i)).has_value());
  }
  EXPECT_EQ((*server)->orgs().orgs()->size(), 20u);
}

// A loopback port with nothing listening on it.
int closed_port() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  close(fd);
  return ntohs(addr.sin_port);
}

TEST(PostgresEngine, AnUnreachableServerIsUnavailable) {
  core::FakeClock clock;
  const std::string url = "postgresql://solipraxis:geheim@127.0.0.1:" +
                          std::to_string(closed_port()) + "/solipraxis";
  auto opened = open_store(StoreConfig{url, "", true}, clock);
  ASSERT_FALSE(opened.has_value());
  EXPECT_EQ(opened.error().code, core::ErrorCode::kUnavailable);
  EXPECT_NE(opened.error().detail.find("cannot connect to PostgreSQL"), std::string::npos);
  EXPECT_EQ(opened.error().detail.find("geheim"), std::string::npos) << "password leaked";
}

TEST(PostgresEngine, TheTestClusterIsThere) {
  // The PostgreSQL run fails (never skips) when with-pg-cluster did not start.
  ASSERT_FALSE(pg_base_url().empty())
      << "SOLIPRAXIS_TEST_PG_URL is not set; run under tests/store/with-pg-cluster";
}

}  // namespace
}  // namespace solipraxis::store::testing
