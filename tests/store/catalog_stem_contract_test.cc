// Contract: catalog search finds German and English word forms on both engines,
// and both engines find exactly the same entries (issue 22). A test-made corpus
// (one word form per entry) and, per query, the entries a reader expects: the
// forms of the same word, never a neighbour that only shares letters. The same
// table runs on SQLite and on PostgreSQL, so equal hits are asserted twice over.
#include <algorithm>
#include <string>

#include "store/catalog.h"
#include "store/migrations.h"
#include "store/orgs.h"
#include "store/store.h"
#include "store_fixture.h"

namespace solipraxis::store::testing {
namespace {

using Ids = std::vector<std::string>;

core::SearchDoc doc(std::string id, std::string lang, std::string title, std::string text) {
  return core::SearchDoc{std::move(id), "question", {2}, std::move(lang), std::move(title),
                         std::move(text)};
}

std::vector<core::SearchDoc> corpus() {
  return {
      doc("ueberwachung", "de", "Überwachung am Arbeitsplatz", "Keine Überwachung der Beschäftigten."),
      doc("ueberwacht", "de", "", "Der Chatbot wird von Menschen überwacht."),
      doc("ueberwachen", "de", "", "Wir überwachen die Kosten jeden Monat."),
      doc("wachdienst", "de", "", "Der Wachdienst schließt um acht."),
      doc("daten", "de", "", "Welche Daten verarbeitet das Werkzeug?"),
      doc("datenschutz", "de", "", "Datenschutz geht vor."),
      doc("beteiligung", "de", "", "Beteiligung der Betroffenen von Anfang an."),
      doc("beteiligen", "de", "", "Wir beteiligen die Ratsuchenden."),
      doc("beteiligt", "de", "", "Das Team ist beteiligt."),
      doc("entscheidung", "de", "Die Entscheidung", "Sie fällt im Vorstand."),
      doc("entscheiden", "de", "", "Wir entscheiden gemeinsam."),
      doc("entscheidet", "de", "", "Der Vorstand entscheidet."),
      doc("monitoring", "en", "", "Monitoring of staff is not allowed."),
      doc("monitored", "en", "", "The chatbot is monitored by people."),
      doc("studies", "en", "", "Two studies show the risk."),
      doc("study", "en", "", "A study of the risk."),
      doc("having", "en", "", "Having a plan helps."),
  };
}

class CatalogStemContract : public StoreContract {
 protected:
  int version_before_stems() {
    for (const auto& f : migration_files(GetParam())) {
      if (f.path.ends_with("_catalog_stems.sql")) return std::stoi(f.path.substr(f.path.rfind('/') + 1)) - 1;
    }
    ADD_FAILURE() << "no *_catalog_stems.sql migration";
    return 0;
  }
};

Ids found(Store& store, const std::string& text, const std::string& lang) {
  CatalogQuery q;
  q.text = text;
  q.lang = lang;
  auto hits = store.catalog().search_catalog(7, q);
  Ids out;
  if (!hits) {
    ADD_FAILURE() << text << ": " << hits.error().detail;
    return out;
  }
  for (const auto& h : *hits) out.push_back(h.entry_id);
  std::sort(out.begin(), out.end());
  return out;
}

TEST_P(CatalogStemContract, WordFormsFindEachOtherAlike) {
  ASSERT_OK(store_->catalog().index_catalog(7, corpus()));
  const Ids watch = {"ueberwachen", "ueberwacht", "ueberwachung"};
  const Ids take_part = {"beteiligen", "beteiligt", "beteiligung"};
  const Ids decide = {"entscheiden", "entscheidet", "entscheidung"};
  struct Case {
    const char* query;
    const char* lang;
    Ids expected;
  };
  const Case cases[] = {
      {"Überwachung", "de", watch},
      {"überwacht", "de", watch},
      {"überwachen", "de", watch},
      {"Ueberwachung", "de", watch},
      {"Wachdienst", "de", {"wachdienst"}},
      {"Daten", "de", {"daten", "datenschutz"}},
      {"Datenschutz", "de", {"datenschutz"}},
      {"Beteiligung", "de", take_part},
      {"beteiligen", "de", take_part},
      {"beteiligt", "de", take_part},
      {"Entscheidung", "de", decide},
      {"entscheiden", "de", decide},
      {"entscheidet", "de", decide},
      {"Entscheidung Vorstand", "de", {"entscheidet", "entscheidung"}},
      {"monitoring", "en", {"monitored", "monitoring"}},
      {"monitored", "en", {"monitored", "monitoring"}},
      {"studies", "en", {"studies", "study"}},
      {"study", "en", {"studies", "study"}},
      // "having" is on PostgreSQL's English stop list, so its stem "have" is not indexed.
      {"have", "en", {}},
      {"Überwachung Datenschutz", "de", {}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(found(*store_, c.query, c.lang), c.expected) << c.query << " (" << c.lang << ")";
  }
}

// An org's own entries are stemmed the same way, also after an edit.
TEST_P(CatalogStemContract, OwnEntriesAreFoundByWordForms) {
  ASSERT_OK(store_->catalog().index_catalog(7, corpus()));
  Org org = make_org("verein");
  OrgCatalogEntry e;
  e.kind = "question";
  e.phase = 2;
  e.text_de = "Wen beteiligen wir an der Überwachung?";
  auto made = store_->catalog().create_org_catalog_entry(org.id, e, actor_);
  ASSERT_OK(made);
  CatalogQuery q;
  q.text = "Beteiligung überwacht";
  q.lang = "de";
  auto hits = store_->catalog().search_org_catalog(org.id, 7, q);
  ASSERT_OK(hits);
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_TRUE(hits->front().own);
}

// Rows indexed before the stemming migration are found by word forms after it:
// the migration refills the index from catalog_docs.
TEST_P(CatalogStemContract, MigrationReindexesExistingRows) {
  recreate_at_version(version_before_stems());
  exec_raw("INSERT INTO catalog_index (catalog_version, fingerprint, indexed_at) VALUES (7, 'x', 0)");
  exec_raw("INSERT INTO catalog_docs (catalog_version, org_id, entry_id, kind, phase_mask, lang, "
           "title, body) VALUES (7, NULL, 'alt', 'question', 4, 'de', 'uberwachung', "
           "'keine uberwachung der beschaftigten')");
  auto opened = open();
  ASSERT_OK(opened);
  store_ = std::move(*opened);
  EXPECT_EQ(found(*store_, "überwacht", "de"), Ids{"alt"});
  EXPECT_EQ(found(*store_, "Beschäftigte", "de"), Ids{"alt"});
}

INSTANTIATE_TEST_SUITE_P(sqlite, CatalogStemContract, ::testing::Values("sqlite"),
                         [](const auto& info) { return info.param; });
INSTANTIATE_TEST_SUITE_P(postgresql, CatalogStemContract, ::testing::Values("postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace solipraxis::store::testing
