// The practice catalog through the real `solipraxis serve`: public Praxis pages and API over
// HTTP, and an invalid catalog stopping the server at start with file and entry named.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "http_client.h"
#include "server_process.h"

namespace solipraxis::testing {
namespace {

namespace fs = std::filesystem;

TEST(CatalogServer, PraxisPagesAndApiArePublic) {
  ServerProcess server({"--catalog-dir", source_dir() + "/data/catalog"});
  auto page = get(server.port(), "/praxis/phase/2");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("Welches Problem löst das Tool?"), std::string::npos);
  EXPECT_NE(page->header("Content-Security-Policy").find("default-src"), std::string::npos);

  auto api = get(server.port(), "/api/v1/catalog");
  ASSERT_TRUE(api);
  EXPECT_EQ(api->status, 200);
  auto j = nlohmann::json::parse(api->body);
  EXPECT_EQ(j["version"], 2);
  EXPECT_EQ(j["questions"].size(), 46u);

  auto search = get(server.port(), "/api/v1/catalog/search?q=Tarot");
  ASSERT_TRUE(search);
  EXPECT_EQ(nlohmann::json::parse(search->body)["items"][0]["id"],
            "r.development.tarot-cards-of-tech");

  // serve indexed the catalog in its database at start
  auto cards = get(server.port(), "/api/v1/catalog/search?q=Model%20Cards");
  ASSERT_TRUE(cards);
  EXPECT_EQ(nlohmann::json::parse(cards->body)["items"][0]["id"], "r.selection.model-cards");

  auto html = get(server.port(), "/praxis/search?q=tarot&kind=resource");
  ASSERT_TRUE(html);
  EXPECT_NE(html->body.find("<mark>Tarot</mark>"), std::string::npos);
}

TEST(CatalogServer, InvalidCatalogStopsTheServerNamingFileAndEntry) {
  TempDir tmp;
  const fs::path dir = fs::path(tmp.path()) / "catalog";
  fs::copy(source_dir() + "/data/catalog", dir, fs::copy_options::recursive);
  const fs::path questions = dir / "v1" / "questions.json";
  std::stringstream ss;
  ss << std::ifstream(questions).rdbuf();
  auto j = nlohmann::json::parse(ss.str());
  j["questions"][6]["text"].erase("en");  // q.development.07
  std::ofstream(questions) << j.dump(2);

  TempDir data;
  CommandResult r = run_solipraxis({"serve", "--listen", "127.0.0.1:0", "--data-dir", data.path(),
                                    "--web-dir", source_dir() + "/web", "--catalog-dir",
                                    dir.string()});
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("v1/questions.json: q.development.07: text.en is missing"),
            std::string::npos)
      << r.out;
}

}  // namespace
}  // namespace solipraxis::testing
