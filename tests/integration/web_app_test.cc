// The real `solipraxis serve` binary over HTTP: health, security headers,
// error pages, static files, language negotiation, limits, start-up errors and
// graceful shutdown on SIGTERM.
#include <gtest/gtest.h>

#include <signal.h>

#include <filesystem>
#include <fstream>
#include <thread>
#include <tuple>
#include <vector>

#include <nlohmann/json.hpp>

#include "http_client.h"
#include "server_process.h"

namespace solipraxis::testing {
namespace {

using namespace std::chrono_literals;

// One server for the read-only tests of this file.
class WebAppTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new ServerProcess(); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static std::uint16_t port() { return server_->port(); }
  static ServerProcess* server_;
};
ServerProcess* WebAppTest::server_ = nullptr;

void expect_security_headers(const HttpResponse& r) {
  const std::string csp = r.header("Content-Security-Policy");
  EXPECT_NE(csp.find("default-src 'self'"), std::string::npos) << csp;
  EXPECT_NE(csp.find("script-src 'self'"), std::string::npos) << csp;
  EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos) << csp;
  EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos) << csp;
  EXPECT_EQ(r.header("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(r.header("Referrer-Policy"), "same-origin");
  EXPECT_EQ(r.header("X-Frame-Options"), "DENY");
}

TEST_F(WebAppTest, HealthzSaysOk) {
  auto r = get(port(), "/healthz");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->header("Content-Type"), "application/json");
  EXPECT_EQ(nlohmann::json::parse(r->body), nlohmann::json({{"status", "ok"}}));
  expect_security_headers(*r);
}

TEST_F(WebAppTest, StartPageIsGermanByDefaultWithLayout) {
  auto r = get(port(), "/");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->header("Content-Type"), "text/html; charset=utf-8");
  expect_security_headers(*r);
  EXPECT_NE(r->body.find("<html lang=\"de\">"), std::string::npos);
  EXPECT_NE(r->body.find("Zum Inhalt springen"), std::string::npos);
  EXPECT_NE(r->body.find("<main id=\"main\""), std::string::npos);
  EXPECT_NE(r->body.find("href=\"/login\""), std::string::npos);
  EXPECT_NE(r->body.find("/lang?to&#61;en&amp;back&#61;/\""), std::string::npos) << r->body;
  // No inline script or style anywhere.
  EXPECT_EQ(r->body.find("<script>"), std::string::npos);
  EXPECT_EQ(r->body.find("<style"), std::string::npos);
  EXPECT_EQ(r->body.find(" style="), std::string::npos);
}

TEST_F(WebAppTest, AcceptLanguageEnglishGivesEnglishPage) {
  auto r = get(port(), "/", "Accept-Language: en-GB,en;q=0.9,de;q=0.5\r\n");
  ASSERT_TRUE(r);
  EXPECT_NE(r->body.find("<html lang=\"en\">"), std::string::npos);
  EXPECT_NE(r->body.find("Skip to content"), std::string::npos);
}

TEST_F(WebAppTest, LanguageCookieOverridesAcceptLanguage) {
  auto r = get(port(), "/", "Accept-Language: en\r\nCookie: lang=de\r\n");
  ASSERT_TRUE(r);
  EXPECT_NE(r->body.find("<html lang=\"de\">"), std::string::npos);
  r = get(port(), "/", "Accept-Language: de\r\nCookie: other=1; lang=en\r\n");
  ASSERT_TRUE(r);
  EXPECT_NE(r->body.find("<html lang=\"en\">"), std::string::npos);
}

TEST_F(WebAppTest, LanguageSwitchSetsCookieAndReturnsToLocalPathsOnly) {
  auto r = get(port(), "/lang?to=en&back=%2Fsome%2Fpage%3Fx%3D1");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 303);
  EXPECT_EQ(r->header("Location"), "/some/page?x=1");
  const std::string cookie = r->header("Set-Cookie");
  EXPECT_EQ(cookie.rfind("lang=en;", 0), 0u) << cookie;
  EXPECT_NE(cookie.find("SameSite=Lax"), std::string::npos);
  expect_security_headers(*r);
  for (const char* evil : {"%2F%2Fevil.example", "https%3A%2F%2Fevil.example", "%2F%5Cevil"}) {
    r = get(port(), std::string("/lang?to=en&back=") + evil);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->header("Location"), "/") << evil;
  }
  r = get(port(), "/lang?to=xx&back=%2F");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
}

TEST_F(WebAppTest, UnknownRouteIs404PageInTheRequestLanguage) {
  auto r = get(port(), "/no/such/page");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
  expect_security_headers(*r);
  EXPECT_NE(r->body.find("Diese Seite gibt es nicht."), std::string::npos);
  r = get(port(), "/no/such/page", "Accept-Language: en\r\n");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
  EXPECT_NE(r->body.find("This page does not exist."), std::string::npos);
  EXPECT_NE(r->body.find("<html lang=\"en\">"), std::string::npos);
}

TEST_F(WebAppTest, ApiErrorsUseTheJsonShape) {
  auto r = get(port(), "/api/v1/nothing", "Accept-Language: en\r\n");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
  EXPECT_EQ(r->header("Content-Type"), "application/json");
  auto j = nlohmann::json::parse(r->body);
  EXPECT_EQ(j["error"]["code"], "not_found");
  EXPECT_EQ(j["error"]["message"], "This page does not exist.");
  expect_security_headers(*r);
}

TEST_F(WebAppTest, WrongMethodIs405WithAllow) {
  auto r = request(port(), "POST", "/healthz");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 405);
  EXPECT_EQ(r->header("Allow"), "GET, HEAD");
  expect_security_headers(*r);
}

TEST_F(WebAppTest, HeadOfAPageHasNoBody) {
  Connection c(port());
  c.send("HEAD / HTTP/1.1\r\nHost: x\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
  auto head = c.read(true);
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status, 200);
  EXPECT_GT(std::stoul(head->header("Content-Length")), 100u);
  auto next = c.read();
  ASSERT_TRUE(next);
  EXPECT_EQ(next->body, R"({"status":"ok"})");
}

TEST_F(WebAppTest, StaticFileHasEtagAndAnswers304) {
  auto r = get(port(), "/static/app.css");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->header("Content-Type"), "text/css; charset=utf-8");
  EXPECT_NE(r->header("Cache-Control").find("max-age"), std::string::npos);
  const std::string etag = r->header("ETag");
  ASSERT_FALSE(etag.empty());
  std::ifstream in(source_dir() + "/web/static/app.css", std::ios::binary);
  std::string file((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(r->body, file);
  expect_security_headers(*r);

  auto again = get(port(), "/static/app.css", "If-None-Match: " + etag + "\r\n");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 304);
  EXPECT_TRUE(again->body.empty());
  EXPECT_EQ(again->header("ETag"), etag);
  expect_security_headers(*again);

  auto stale = get(port(), "/static/app.css", "If-None-Match: \"other\"\r\n");
  ASSERT_TRUE(stale);
  EXPECT_EQ(stale->status, 200);
}

TEST_F(WebAppTest, StaticFilesCannotEscapeTheirDirectory) {
  for (const char* target : {"/static/../CMakeLists.txt", "/static/%2E%2E/CMakeLists.txt",
                             "/static/..%2F..%2Fetc%2Fpasswd", "/static/", "/static/nope.css",
                             "/static//etc/passwd"}) {
    auto r = get(port(), target);
    ASSERT_TRUE(r) << target;
    EXPECT_EQ(r->status, 404) << target;
    expect_security_headers(*r);
  }
}

TEST_F(WebAppTest, ProtocolErrorsCarrySecurityHeaders) {
  Connection c(port());
  c.send("NOT HTTP AT ALL\r\n\r\n");
  auto r = c.read();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  expect_security_headers(*r);
  auto ok = get(port(), "/healthz");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200);
}

TEST_F(WebAppTest, InvalidUtf8InPathOrQueryIs400) {
  for (const char* target : {"/%C3%28", "/?q=%FF", "/lang?to=en&back=%2F%E0%80"}) {
    auto r = get(port(), target);
    ASSERT_TRUE(r) << target;
    EXPECT_EQ(r->status, 400) << target;
  }
  EXPECT_EQ(get(port(), "/healthz")->status, 200);
}

TEST_F(WebAppTest, OversizedHeadersAre431) {
  auto r = get(port(), "/", "X-Big: " + std::string(17 * 1024, 'a') + "\r\n");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 431);
  expect_security_headers(*r);
}

// Requests refused before routing (bad target, oversized headers) still get
// the API's JSON error body under /api/, and the HTML page elsewhere.
TEST_F(WebAppTest, EarlyRejectionsUnderApiAreJson) {
  for (const auto& [target, headers, status] :
       std::vector<std::tuple<std::string, std::string, int>>{
           {"/api/v1/orgs/verein/tools?cursor=%00", "", 400},
           {"/api/v1/catalog?q=%FF", "", 400},
           {"/api/v1/catalog", "X-Big: " + std::string(17 * 1024, 'a') + "\r\n", 431}}) {
    auto r = get(port(), target, headers);
    ASSERT_TRUE(r) << target;
    EXPECT_EQ(r->status, status) << target;
    EXPECT_EQ(r->header("Content-Type"), "application/json") << target;
    auto j = nlohmann::json::parse(r->body, nullptr, false);
    ASSERT_FALSE(j.is_discarded()) << r->body;
    EXPECT_TRUE(j["error"]["code"].is_string()) << r->body;
    EXPECT_TRUE(j["error"]["message"].is_string()) << r->body;
  }
  auto page = get(port(), "/praxis?q=%FF");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 400);
  EXPECT_NE(page->header("Content-Type").find("text/html"), std::string::npos);
}

TEST(WebAppServe, MaxBodyIsConfigurableAndEnforcedWith413) {
  ServerProcess server({"--max-body", "2048"});
  auto r = request(server.port(), "POST", "/", "", std::string(4096, 'x'));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
  expect_security_headers(*r);
  r = request(server.port(), "POST", "/", "", std::string(2048, 'x'));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 405);  // read fully, then routed
  EXPECT_EQ(server.terminate(), 0);
}

TEST(WebAppServe, SigtermFinishesUploadInFlightThenExitsZero) {
  ServerProcess server;
  Connection c(server.port());
  const std::string body(100 * 1024, 'z');
  c.send("POST /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: " + std::to_string(body.size()) +
         "\r\n\r\n");
  c.send(body.substr(0, body.size() / 2));
  std::this_thread::sleep_for(200ms);
  server.signal(SIGTERM);
  std::this_thread::sleep_for(200ms);
  EXPECT_FALSE(server.wait_exit(0)) << "exited before the request in flight was answered";
  c.send(body.substr(body.size() / 2));
  auto r = c.read();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 405);  // the complete request was read and routed
  EXPECT_EQ(r->header("Connection"), "close");
  auto code = server.wait_exit(10000);
  ASSERT_TRUE(code);
  EXPECT_EQ(*code, 0);
}

TEST(WebAppServe, BusyPortExitsTwoWithMessage) {
  ServerProcess first;
  TempDir data;
  auto r = run_solipraxis({"serve", "--listen", "127.0.0.1:" + std::to_string(first.port()),
                           "--data-dir", data.path(), "--web-dir", source_dir() + "/web"});
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("cannot listen on 127.0.0.1:"), std::string::npos) << r.out;
}

TEST(WebAppServe, BadArgumentsAndBrokenDatabaseExitTwo) {
  TempDir data;
  const std::string web = source_dir() + "/web";
  auto r = run_solipraxis({"serve", "--listen", "nonsense", "--data-dir", data.path()});
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("HOST:PORT"), std::string::npos) << r.out;

  const std::string not_sqlite = data.path() + "/junk.db";
  std::ofstream(not_sqlite) << "this is not a database, just text that is long enough......";
  r = run_solipraxis({"serve", "--listen", "127.0.0.1:0", "--database", not_sqlite,
                      "--web-dir", web});
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_EQ(r.out.find("serves http"), std::string::npos) << r.out;

  r = run_solipraxis({"serve", "--listen", "127.0.0.1:0", "--data-dir", data.path(),
                      "--web-dir", data.path() + "/no-such-web-dir"});
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("--web-dir"), std::string::npos) << r.out;

  // An invalid --public-url stops before anything is served, naming the option.
  for (const char* bad : {"register.example.org", "ftp://register.example.org",
                          "https://register.example.org/?lang=de", "https://register.example.org#x",
                          "https://user:pw@register.example.org", "https://evil example.org",
                          "https://register.example.org:0"}) {
    r = run_solipraxis({"serve", "--listen", "127.0.0.1:0", "--data-dir", data.path(),
                        "--web-dir", web, "--public-url", bad});
    EXPECT_EQ(r.exit_code, 2) << bad << ": " << r.out;
    EXPECT_NE(r.out.find("solipraxis: --public-url: "), std::string::npos) << bad << ": " << r.out;
    EXPECT_EQ(r.out.find("serves http"), std::string::npos) << bad << ": " << r.out;
  }
}

// ARCHITECTURE: CLI commands work while a server runs on the same SQLite file.
// Each side writes in turn; nothing may be lost, and the CLI must not remove
// the server's write-ahead log (it did while the store re-read the file header
// on every new connection: closing that descriptor dropped the server's locks).
TEST(WebAppServe, CliAndServerWriteTheSameSqliteFileWithoutLosingData) {
  TempDir dir;
  const std::string db = dir.path() + "/verein.db";
  const std::string wal = db + "-wal";
  const auto cli = [&](std::vector<std::string> args, const std::string& input = "") {
    args.insert(args.end(), {"--database", db});
    auto r = run_solipraxis(args, input);
    EXPECT_EQ(r.exit_code, 0) << r.out;
    return r.out;
  };
  // As in the README: create the first account, then start the server.
  cli({"user", "create", "--email", "a@example.org", "--org", "verein"}, "ein-langes-passwort\n");
  ServerProcess server({"--database", db});
  const auto create_tool = [&](const std::string& token, const std::string& name) {
    auto r = request(server.port(), "POST", "/api/v1/orgs/verein/tools",
                     "Authorization: Bearer " + token + "\r\nContent-Type: application/json\r\n",
                     nlohmann::json{{"name", name}}.dump());
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 201) << r->body;
  };

  for (int i = 0; i < 3; ++i) ASSERT_EQ(get(server.port(), "/healthz")->status, 200);
  std::string token = cli({"token", "create", "--email", "a@example.org"});
  while (!token.empty() && token.back() == '\n') token.pop_back();
  token = token.substr(token.find_last_of('\n') + 1);  // printed alone on the last line
  EXPECT_TRUE(std::filesystem::exists(wal)) << "the CLI removed the running server's WAL";
  create_tool(token, "Vom Server 1");
  EXPECT_NE(cli({"tools", "list", "--org", "verein"}).find("Vom Server 1"), std::string::npos);
  EXPECT_TRUE(std::filesystem::exists(wal)) << "the CLI removed the running server's WAL";

  cli({"user", "create", "--email", "b@example.org", "--org", "zweiter-verein"},
      "noch-ein-langes-passwort\n");
  create_tool(token, "Vom Server 2");
  EXPECT_TRUE(std::filesystem::exists(wal)) << "the CLI removed the running server's WAL";
  ASSERT_EQ(server.terminate(), 0);

  const std::string tools = cli({"tools", "list", "--org", "verein"});
  EXPECT_NE(tools.find("Vom Server 1"), std::string::npos) << tools;
  EXPECT_NE(tools.find("Vom Server 2"), std::string::npos) << tools;
  EXPECT_NE(cli({"org", "list"}).find("zweiter-verein"), std::string::npos);
}

}  // namespace
}  // namespace solipraxis::testing
