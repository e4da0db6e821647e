// The Praxis pages and the catalog API, through WebApp::handle in process (real templates,
// messages and catalog data; a throwaway SQLite store).
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "test_database.h"
#include "catalog/load.h"
#include "core/clock.h"
#include "store/store.h"
#include "web/app.h"
#include "web/http.h"

namespace solipraxis {
namespace {

namespace fs = std::filesystem;

class CatalogWeb : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(fs::temp_directory_path() /
                        ("solipraxis-catalog-web-" + std::to_string(::getpid())));
    fs::create_directories(*dir_);
    clock_ = new core::FakeClock();
    auto store = store::open_store(testing::test_store_config(dir_->string()), *clock_);
    ASSERT_TRUE(store.has_value()) << store.error().detail;
    store_ = std::move(store).value().release();
    auto set = catalog::load_catalog_dir(std::string(SOLIPRAXIS_SOURCE_DIR) + "/data/catalog");
    ASSERT_TRUE(set.has_value()) << set.error().detail;
    set_ = new catalog::CatalogSet(std::move(set).value());
    auto app = web::WebApp::create(std::string(SOLIPRAXIS_SOURCE_DIR) + "/web", *store_, *clock_);
    ASSERT_TRUE(app.has_value()) << app.error().detail;
    app_ = std::move(app).value().release();
    app_->services().catalog = set_;
  }
  static void TearDownTestSuite() {
    delete app_;
    delete set_;
    delete store_;
    delete clock_;
    std::error_code ec;
    fs::remove_all(*dir_, ec);
    delete dir_;
  }

  static web::Response get(const std::string& target, const std::string& lang = "de") {
    web::Request req;
    req.method = "GET";
    req.target = target;
    size_t q = target.find('?');
    req.path = target.substr(0, q);
    if (q != std::string::npos) req.query = *web::parse_urlencoded(target.substr(q + 1));
    req.headers.set("Accept-Language", lang);
    req.remote_addr = "127.0.0.1";
    web::Response res = app_->handle(req);
    // For looking at the pages: CATALOG_WEB_DUMP=/some/dir writes every body there.
    if (const char* d = std::getenv("CATALOG_WEB_DUMP")) {
      std::string name = target + "." + lang;
      for (char& ch : name)
        if (ch == '/' || ch == '?' || ch == '&') ch = '_';
      std::ofstream(fs::path(d) / name) << res.body;
    }
    return res;
  }

  static inline fs::path* dir_ = nullptr;
  static inline core::FakeClock* clock_ = nullptr;
  static inline store::Store* store_ = nullptr;
  static inline catalog::CatalogSet* set_ = nullptr;
  static inline web::WebApp* app_ = nullptr;
};

size_t count(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t pos = s.find(what); pos != std::string::npos; pos = s.find(what, pos + 1)) ++n;
  return n;
}

// Well-formed enough for our templates: no inline script or style, one h1, lang set.
void expect_clean_html(const web::Response& r) {
  EXPECT_EQ(r.headers.value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(r.body.find("<script"), std::string::npos);
  EXPECT_EQ(r.body.find("<style"), std::string::npos);
  EXPECT_EQ(r.body.find(" style="), std::string::npos);
  EXPECT_EQ(count(r.body, "<h1"), 1u);
  EXPECT_NE(r.headers.value("Content-Security-Policy").find("default-src"), std::string::npos);
  // every id is unique
  std::regex id_re(" id=\"([^\"]+)\"");
  std::set<std::string> ids;
  for (auto it = std::sregex_iterator(r.body.begin(), r.body.end(), id_re);
       it != std::sregex_iterator(); ++it)
    EXPECT_TRUE(ids.insert((*it)[1]).second) << "duplicate id " << (*it)[1];
}

TEST_F(CatalogWeb, OverviewShowsFourPhasesPublicly) {
  auto r = get("/praxis");
  ASSERT_EQ(r.status, 200) << r.body;
  expect_clean_html(r);
  for (const char* s : {"Entwicklung", "Auswahl", "Einsatz", "Evaluation",
                        "Welche Anwendung wird ausgewählt und wie läuft das ab?",
                        "href=\"/praxis/phase/4\"", "13 Fragen", "Katalogversion 2", "D64"})
    EXPECT_NE(r.body.find(s), std::string::npos) << s;
}

TEST_F(CatalogWeb, PhasePageListsQuestionsApproachesResourcesBoxes) {
  auto r = get("/praxis/phase/3");
  ASSERT_EQ(r.status, 200);
  expect_clean_html(r);
  EXPECT_EQ(count(r.body, "<li id=\"q.deployment."), 12u);
  EXPECT_EQ(count(r.body, "<ol class=\"praxis-questions\">"), 2u);  // the two lists
  EXPECT_EQ(count(r.body, "<dt id=\"a.deployment."), 4u);
  EXPECT_EQ(count(r.body, "<tr id=\"r.deployment."), 13u);
  EXPECT_NE(r.body.find("id=\"box.solidary-prompts\""), std::string::npos);
  EXPECT_NE(r.body.find("id=\"box.ki-fuer-ein-gutes-altern\""), std::string::npos);
  EXPECT_NE(r.body.find("<caption>"), std::string::npos);
  EXPECT_NE(r.body.find("<th scope=\"row\"><a href=\"https://www.nist.gov/"), std::string::npos);
  EXPECT_NE(r.body.find("rel=\"prev\" href=\"/praxis/phase/2\""), std::string::npos);
  // a quotation with typographic quotes comes out escaped once, not twice
  EXPECT_NE(r.body.find("„KI für ein gutes Altern“"), std::string::npos);

  auto one = get("/praxis/phase/1");
  EXPECT_EQ(count(one.body, "<li id=\"q.development."), 9u);
  auto four = get("/praxis/phase/4");
  EXPECT_EQ(count(four.body, "<li id=\"q.evaluation."), 12u);
  EXPECT_NE(four.body.find("keine Ressourcen"), std::string::npos);
}

TEST_F(CatalogWeb, EnglishPages) {
  auto r = get("/praxis/phase/2", "en");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("<html lang=\"en\">"), std::string::npos);
  EXPECT_NE(r.body.find("What problem does the tool solve?"), std::string::npos);
  EXPECT_NE(r.body.find("Reflection questions"), std::string::npos);
}

TEST_F(CatalogWeb, UnknownPhaseIs404) {
  EXPECT_EQ(get("/praxis/phase/5").status, 404);
  EXPECT_EQ(get("/praxis/phase/x").status, 404);
}

TEST_F(CatalogWeb, PrinciplesAndMethods) {
  auto p = get("/praxis/principles");
  ASSERT_EQ(p.status, 200);
  expect_clean_html(p);
  EXPECT_EQ(count(p.body, "<li id=\"p."), 8u);
  EXPECT_NE(p.body.find("Ökologische Nachhaltigkeit"), std::string::npos);
  auto m = get("/praxis/methods");
  ASSERT_EQ(m.status, 200);
  expect_clean_html(m);
  EXPECT_EQ(count(m.body, "<article class=\"praxis-method\""), 8u);
  EXPECT_NE(m.body.find("id=\"m.team-retro.focus.bias\""), std::string::npos);
  EXPECT_NE(m.body.find("<table class=\"praxis-matrix\">"), std::string::npos);
  EXPECT_NE(m.body.find("Nach mindestens 7 Tagen."), std::string::npos);
  EXPECT_NE(m.body.find("(10 bis 15 Min.)"), std::string::npos);
}

TEST_F(CatalogWeb, SearchPageHighlightsAndEscapes) {
  auto r = get("/praxis/search?q=F%C3%BCrsorge");
  ASSERT_EQ(r.status, 200);
  expect_clean_html(r);
  EXPECT_NE(r.body.find("<mark>Fürsorge</mark>"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("href=\"/praxis/phase/3#q.deployment.01\""), std::string::npos);
  // Word forms are found and marked as the index finds them (store/stem.h).
  auto forms = get("/praxis/search?q=Perspektiven");
  ASSERT_EQ(forms.status, 200);
  EXPECT_NE(forms.body.find("wessen <mark>Perspektive</mark> fehlt"), std::string::npos)
      << forms.body;
  // the query is echoed escaped, never as markup
  auto x = get("/praxis/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
  ASSERT_EQ(x.status, 200);
  EXPECT_EQ(x.body.find("<script>"), std::string::npos);
  EXPECT_NE(x.body.find("&lt;script&gt;"), std::string::npos);
  // filters
  auto t = get("/praxis/search?q=Tarot&kind=resource&phase=1");
  EXPECT_NE(t.body.find("<mark>Tarot</mark> Cards of Tech"), std::string::npos) << t.body;
  EXPECT_NE(t.body.find("<option value=\"resource\" selected>"), std::string::npos);
  EXPECT_EQ(get("/praxis/search?q=x&kind=nonsense").status, 400);
  EXPECT_EQ(get("/praxis/search?q=x&phase=9").status, 400);
  auto empty = get("/praxis/search");
  EXPECT_EQ(empty.status, 200);
  EXPECT_EQ(empty.body.find("praxis-results"), std::string::npos);
}

TEST_F(CatalogWeb, ApiCatalogWithVersion) {
  auto r = get("/api/v1/catalog");
  ASSERT_EQ(r.status, 200);
  auto j = nlohmann::json::parse(r.body);
  EXPECT_EQ(j["version"], 2);
  EXPECT_EQ(j["versions"], nlohmann::json::array({1, 2}));
  EXPECT_EQ(j["questions"].size(), 46u);
  EXPECT_EQ(j["principles"].size(), 8u);
  EXPECT_EQ(j["questions"][0]["text"]["de"],
            "Wer definiert das Problem, das wir mit KI lösen wollen und wessen Perspektive fehlt?");
  // Version 1 (the paper) stays available; only version 2 has Model Cards.
  auto v1 = get("/api/v1/catalog?version=1");
  EXPECT_EQ(v1.status, 200);
  EXPECT_EQ(nlohmann::json::parse(v1.body)["version"], 1);
  EXPECT_EQ(v1.body.find("r.selection.model-cards"), std::string::npos);
  EXPECT_NE(r.body.find("r.selection.model-cards"), std::string::npos);
  auto missing = get("/api/v1/catalog?version=99");
  EXPECT_EQ(missing.status, 404);
  EXPECT_TRUE(nlohmann::json::parse(missing.body)["error"].contains("code"));
}

TEST_F(CatalogWeb, ApiSearch) {
  auto r = get("/api/v1/catalog/search?q=Tarot");
  ASSERT_EQ(r.status, 200);
  auto j = nlohmann::json::parse(r.body);
  ASSERT_FALSE(j["items"].empty());
  EXPECT_EQ(j["items"][0]["id"], "r.development.tarot-cards-of-tech");
  EXPECT_EQ(j["items"][0]["kind"], "resource");
  EXPECT_EQ(j["items"][0]["phase"], 1);
  EXPECT_TRUE(j["next"].is_null());
  j = nlohmann::json::parse(get("/api/v1/catalog/search?q=monitored&lang=en&kind=question").body);
  ASSERT_EQ(j["items"].size(), 1u);
  EXPECT_EQ(j["items"][0]["id"], "q.deployment.10");
  j = nlohmann::json::parse(get("/api/v1/catalog/search?q=wer&phase=4&kind=question&limit=2").body);
  EXPECT_EQ(j["items"].size(), 2u);
  for (const char* bad : {"/api/v1/catalog/search?q=x&kind=foo", "/api/v1/catalog/search?q=x&phase=0",
                          "/api/v1/catalog/search?q=x&lang=fr", "/api/v1/catalog/search?q=x&limit=-1"}) {
    auto b = get(bad);
    EXPECT_EQ(b.status, 400) << bad;
    auto e = nlohmann::json::parse(b.body, nullptr, false);
    ASSERT_FALSE(e.is_discarded()) << bad;
    EXPECT_TRUE(e["error"].contains("code")) << bad;
    EXPECT_TRUE(e["error"].contains("message")) << bad;
  }
}

// The search runs in the database (here SQLite FTS5; the store contract runs the same
// searches on PostgreSQL). Model Cards is not in the paper and the page says so.
TEST_F(CatalogWeb, SearchFindsModelCardsMarkedAsAddedBySolipraxis) {
  auto r = get("/praxis/search?q=Model+Cards");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("<mark>Model</mark> <mark>Cards</mark>"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("href=\"/praxis/phase/2#r.selection.model-cards\""), std::string::npos);
  auto j = nlohmann::json::parse(get("/api/v1/catalog/search?q=model%20cards").body);
  ASSERT_FALSE(j["items"].empty());
  EXPECT_EQ(j["items"][0]["id"], "r.selection.model-cards");
  EXPECT_EQ(j["version"], 2);
  auto phase = get("/praxis/phase/2");
  EXPECT_NE(phase.body.find("nicht aus dem White Paper"), std::string::npos);
  // A question by a word in it, "ue" for "ü".
  auto q = nlohmann::json::parse(get("/api/v1/catalog/search?q=Fuersorge&kind=question").body);
  ASSERT_FALSE(q["items"].empty());
  EXPECT_EQ(q["items"][0]["id"], "q.deployment.01");
}

TEST_F(CatalogWeb, WithoutCatalogPagesAnswer503) {
  app_->services().catalog = nullptr;
  EXPECT_EQ(get("/praxis").status, 503);
  EXPECT_EQ(get("/api/v1/catalog").status, 503);
  app_->services().catalog = set_;
  EXPECT_EQ(get("/praxis").status, 200);
}

}  // namespace
}  // namespace solipraxis
