// Contract: the practice catalog's full-text search and an org's own catalog,
// on both engines. Uses the real catalog in data/catalog (versions 1 and 2):
// search finds "Model Cards" (v2 only), "Tarot" and a question by a word in it;
// an org's own entries and hidden entries are its own business, never another
// org's; every change is audited.
#include <algorithm>

#include "catalog/load.h"
#include "catalog/search_docs.h"
#include "store/catalog.h"
#include "store/orgs.h"
#include "store/store.h"
#include "store_fixture.h"

namespace solipraxis::store::testing {
namespace {

const catalog::CatalogSet& real_catalog() {
  static const catalog::CatalogSet set = [] {
    auto s = catalog::load_catalog_dir(std::string(SOLIPRAXIS_SOURCE_DIR) + "/data/catalog");
    EXPECT_TRUE(s.has_value()) << s.error().detail;
    return s ? std::move(s).value() : catalog::CatalogSet{};
  }();
  return set;
}

std::vector<std::string> ids(const Result<std::vector<CatalogHit>>& hits) {
  std::vector<std::string> out;
  if (!hits) {
    ADD_FAILURE() << hits.error().key << " " << hits.error().detail;
    return out;
  }
  for (const CatalogHit& h : *hits) out.push_back(h.entry_id);
  return out;
}

bool has(const std::vector<std::string>& v, const std::string& id) {
  return std::find(v.begin(), v.end(), id) != v.end();
}

CatalogQuery query(std::string text, std::string lang = "de") {
  CatalogQuery q;
  q.text = std::move(text);
  q.lang = std::move(lang);
  return q;
}

class CatalogContract : public StoreContract {
 protected:
  void index_all() {
    for (int v : real_catalog().versions())
      ASSERT_OK(store_->catalog().index_catalog(v, catalog::search_docs(*real_catalog().at(v))));
  }
};

OrgCatalogEntry own_question(std::string text) {
  OrgCatalogEntry e;
  e.kind = "question";
  e.phase = 2;
  e.text_de = std::move(text);
  return e;
}

TEST_P(CatalogContract, SearchFindsModelCardsTarotAndQuestionsByAWord) {
  index_all();
  auto mc = ids(store_->catalog().search_catalog(2, query("Model Cards")));
  ASSERT_FALSE(mc.empty());
  EXPECT_EQ(mc.front(), "r.selection.model-cards");
  // Version 1 is the paper, which has no Model Cards.
  EXPECT_FALSE(has(ids(store_->catalog().search_catalog(1, query("Model Cards"))), "r.selection.model-cards"));

  auto tarot = ids(store_->catalog().search_catalog(2, query("Tarot")));
  ASSERT_FALSE(tarot.empty());
  EXPECT_EQ(tarot.front(), "r.development.tarot-cards-of-tech");
  EXPECT_EQ(ids(store_->catalog().search_catalog(2, query("tarot", "en"))).front(),
            "r.development.tarot-cards-of-tech");

  // A question by a word in it: umlauts, "ue" spelling and case do not matter.
  for (const char* word : {"Fürsorge", "fursorge", "Fuersorge", "FÜRSORGE"})
    EXPECT_TRUE(has(ids(store_->catalog().search_catalog(2, query(word))), "q.deployment.01")) << word;
  // Prefixes match, every word must match.
  EXPECT_TRUE(has(ids(store_->catalog().search_catalog(2, query("Perspekt"))), "q.development.01"));
  EXPECT_TRUE(has(ids(store_->catalog().search_catalog(2, query("wer Problem Perspektive"))),
                  "q.development.01"));
  EXPECT_TRUE(ids(store_->catalog().search_catalog(2, query("Perspektive Tarot"))).empty());
  EXPECT_FALSE(ids(store_->catalog().search_catalog(2, query("diskrim"))).empty());
  // Both engines stem German and English (catalog_stem_contract_test.cc has the word forms).
  EXPECT_TRUE(has(ids(store_->catalog().search_catalog(2, query("Perspektiven"))), "q.development.01"));
  EXPECT_TRUE(has(ids(store_->catalog().search_catalog(2, query("perspectives", "en"))), "q.development.01"));
  // English text is found too.
  EXPECT_TRUE(has(ids(store_->catalog().search_catalog(2, query("perspective", "en"))), "q.development.01"));
  // A query without words, or with nothing matching, finds nothing.
  EXPECT_TRUE(ids(store_->catalog().search_catalog(2, query("  ,; "))).empty());
  EXPECT_TRUE(ids(store_->catalog().search_catalog(2, query("xylophonquartett"))).empty());
  // Quotes and FTS/tsquery syntax in the query are plain text, never an error.
  for (const char* odd : {"\"Tarot", "Tarot*", "a:b & !c", "(Tarot OR)", "NEAR(x y)", "' OR 1=1 --"})
    EXPECT_TRUE(store_->catalog().search_catalog(2, query(odd)).has_value()) << odd;
}

TEST_P(CatalogContract, SearchFiltersByPhaseAndKindAndLimits) {
  index_all();
  CatalogQuery q = query("KI");
  q.phase = 2;
  q.kind = "question";
  auto hits = ids(store_->catalog().search_catalog(2, q));
  ASSERT_FALSE(hits.empty());
  for (const auto& id : hits) EXPECT_TRUE(id.starts_with("q.selection.")) << id;
  q.limit = 2;
  EXPECT_EQ(ids(store_->catalog().search_catalog(2, q)).size(), 2u);
  CatalogQuery r = query("Tarot");
  r.kind = "question";
  EXPECT_TRUE(ids(store_->catalog().search_catalog(2, r)).empty());
  r.kind = "resource";
  r.phase = 1;
  EXPECT_EQ(ids(store_->catalog().search_catalog(2, r)).front(), "r.development.tarot-cards-of-tech");
  r.phase = 3;
  EXPECT_TRUE(ids(store_->catalog().search_catalog(2, r)).empty());
}

TEST_P(CatalogContract, IndexingIsIdempotentAndVersionsAreSeparate) {
  EXPECT_ERR(store_->catalog().search_catalog(2, query("Tarot")), kNotFound);
  index_all();
  const auto docs = count_raw("SELECT COUNT(*) FROM catalog_docs");
  EXPECT_GT(docs, 400);  // two versions, two languages
  index_all();  // as every server start does
  EXPECT_EQ(count_raw("SELECT COUNT(*) FROM catalog_docs"), docs);
  // A changed catalog replaces its version's text, and only that version's.
  std::vector<core::SearchDoc> tiny{{"q.x.01", "question", {1}, "de", "", "Zauberwort"}};
  ASSERT_OK(store_->catalog().index_catalog(1, tiny));
  EXPECT_EQ(ids(store_->catalog().search_catalog(1, query("Zauberwort"))),
            std::vector<std::string>{"q.x.01"});
  EXPECT_TRUE(ids(store_->catalog().search_catalog(1, query("Tarot"))).empty());
  EXPECT_FALSE(ids(store_->catalog().search_catalog(2, query("Tarot"))).empty());
  EXPECT_ERR(store_->catalog().index_catalog(0, tiny), kInvalidInput);
}

TEST_P(CatalogContract, OwnEntriesAreInvisibleToOtherOrgs) {
  index_all();
  clock_.set(1'800'000'000);
  Org a = make_org("verein-a");
  Org b = make_org("verein-b");
  auto made = store_->catalog().create_org_catalog_entry(
      a.id, own_question("  Wie hören wir den Quartiersrat der Nachbarschaft an?  "), actor_);
  ASSERT_OK(made);
  EXPECT_EQ(made->text_de, "Wie hören wir den Quartiersrat der Nachbarschaft an?");
  EXPECT_EQ(made->entry_id(), "own." + std::to_string(made->id));
  EXPECT_EQ(made->created_at, 1'800'000'000);

  auto in_a = store_->catalog().search_org_catalog(a.id, 2, query("Quartiersrat"));
  ASSERT_OK(in_a);
  ASSERT_EQ(in_a->size(), 1u);
  EXPECT_TRUE(in_a->front().own);
  EXPECT_EQ(in_a->front().entry_id, made->entry_id());
  // The org search still has the whole base catalog.
  EXPECT_TRUE(has(ids(store_->catalog().search_org_catalog(a.id, 2, query("Tarot"))),
                  "r.development.tarot-cards-of-tech"));

  // Org B and the public search never see it.
  EXPECT_TRUE(ids(store_->catalog().search_org_catalog(b.id, 2, query("Quartiersrat"))).empty());
  EXPECT_TRUE(ids(store_->catalog().search_catalog(2, query("Quartiersrat"))).empty());
  auto cat_b = store_->catalog().org_catalog(b.id);
  ASSERT_OK(cat_b);
  EXPECT_TRUE(cat_b->entries.empty());
  EXPECT_ERR(store_->catalog().org_catalog_entry(b.id, made->id), kNotFound);
  OrgCatalogEntry steal = *made;
  steal.text_de = "übernommen";
  EXPECT_ERR(store_->catalog().update_org_catalog_entry(b.id, steal, actor_), kNotFound);
  EXPECT_ERR(store_->catalog().delete_org_catalog_entry(b.id, made->id, actor_), kNotFound);
  EXPECT_EQ(store_->catalog().org_catalog_entry(a.id, made->id)->text_de, made->text_de);

  // Update: searchable under the new words only; English optional.
  OrgCatalogEntry next = *made;
  next.text_de = "Wen fragen wir im Stadtteilbeirat?";
  next.text_en = "Whom do we ask in the district council?";
  auto updated = store_->catalog().update_org_catalog_entry(a.id, next, actor_);
  ASSERT_OK(updated);
  EXPECT_TRUE(ids(store_->catalog().search_org_catalog(a.id, 2, query("Quartiersrat"))).empty());
  EXPECT_EQ(ids(store_->catalog().search_org_catalog(a.id, 2, query("Stadtteilbeirat"))).size(), 1u);
  EXPECT_EQ(ids(store_->catalog().search_org_catalog(a.id, 2, query("district", "en"))).size(), 1u);

  ASSERT_OK(store_->catalog().delete_org_catalog_entry(a.id, made->id, actor_));
  EXPECT_TRUE(ids(store_->catalog().search_org_catalog(a.id, 2, query("Stadtteilbeirat"))).empty());
  EXPECT_ERR(store_->catalog().org_catalog_entry(a.id, made->id), kNotFound);

  std::vector<std::string> actions;
  for (const auto& e : audit(a.id))
    if (e.action.starts_with("catalog.")) actions.push_back(e.action);
  EXPECT_EQ(actions, (std::vector<std::string>{"catalog.entry.delete", "catalog.entry.update",
                                                "catalog.entry.create"}));
  for (const auto& e : audit(b.id)) EXPECT_FALSE(e.action.starts_with("catalog.")) << e.action;
}

TEST_P(CatalogContract, OwnEntriesAreValidated) {
  Org a = make_org("verein");
  auto err = [&](OrgCatalogEntry e, const char* key) {
    auto r = store_->catalog().create_org_catalog_entry(a.id, e, actor_);
    ASSERT_FALSE(r.has_value()) << key;
    EXPECT_EQ(r.error().code, core::ErrorCode::kInvalidInput);
    EXPECT_EQ(r.error().key, key);
  };
  err(own_question("   "), "catalog.error.text_required");
  OrgCatalogEntry e = own_question("Frage?");
  e.phase = 5;
  err(e, "catalog.error.phase");
  e = own_question("Frage?");
  e.kind = "box";
  err(e, "catalog.error.kind");
  e = own_question(std::string(kMaxCatalogTextChars + 1, 'x'));
  err(e, "catalog.error.too_long");
  e = own_question("Frage\x01?");
  err(e, "catalog.error.text_invalid");
  e = own_question("Ein Leitfaden");
  e.kind = "resource";
  err(e, "catalog.error.title_required");
  e.title_de = "Leitfaden";
  e.url = "javascript:alert(1)";
  err(e, "catalog.error.url");
  e.url = "https://example.org/leitfaden";
  auto ok = store_->catalog().create_org_catalog_entry(a.id, e, actor_);
  ASSERT_OK(ok);
  EXPECT_EQ(ok->url, "https://example.org/leitfaden");
  // Refused changes write no rows and no audit.
  EXPECT_EQ(count_raw("SELECT COUNT(*) FROM catalog_org_entries"), 1);
  EXPECT_EQ(count_raw("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'catalog.%'"), 1);
  EXPECT_ERR(store_->catalog().create_org_catalog_entry(OrgId(999999), own_question("x"), actor_), kNotFound);
}

TEST_P(CatalogContract, HiddenEntriesLeaveOnlyThatOrgsSearch) {
  index_all();
  Org a = make_org("verein-a");
  Org b = make_org("verein-b");
  ASSERT_OK(store_->catalog().set_catalog_entry_hidden(a.id, "q.development.01", true, actor_));
  ASSERT_OK(store_->catalog().set_catalog_entry_hidden(a.id, "q.development.01", true, actor_));  // no-op
  EXPECT_FALSE(has(ids(store_->catalog().search_org_catalog(a.id, 2, query("Perspektive"))),
                   "q.development.01"));
  EXPECT_TRUE(has(ids(store_->catalog().search_org_catalog(b.id, 2, query("Perspektive"))),
                  "q.development.01"));
  EXPECT_TRUE(has(ids(store_->catalog().search_catalog(2, query("Perspektive"))), "q.development.01"));
  EXPECT_EQ(store_->catalog().org_catalog(a.id)->hidden, std::vector<std::string>{"q.development.01"});
  EXPECT_TRUE(store_->catalog().org_catalog(b.id)->hidden.empty());
  ASSERT_OK(store_->catalog().set_catalog_entry_hidden(a.id, "q.development.01", false, actor_));
  EXPECT_TRUE(has(ids(store_->catalog().search_org_catalog(a.id, 2, query("Perspektive"))),
                  "q.development.01"));
  EXPECT_EQ(count_raw("SELECT COUNT(*) FROM audit_log WHERE action IN ('catalog.hide', "
                      "'catalog.unhide')"),
            2);
  EXPECT_ERR(store_->catalog().set_catalog_entry_hidden(a.id, "own.1", true, actor_), kInvalidInput);
  EXPECT_ERR(store_->catalog().set_catalog_entry_hidden(a.id, "Q; DROP", true, actor_), kInvalidInput);
}

TEST_P(CatalogContract, OrderIsPerOrgAndGroup) {
  Org a = make_org("verein-a");
  Org b = make_org("verein-b");
  ASSERT_OK(store_->catalog().set_catalog_order(a.id, 2, "question",
                                      {"q.selection.02", "q.selection.01"}, actor_));
  ASSERT_OK(store_->catalog().set_catalog_order(a.id, 2, "question",
                                      {"q.selection.03", "q.selection.02", "q.selection.01"},
                                      actor_));
  auto c = store_->catalog().org_catalog(a.id);
  ASSERT_OK(c);
  ASSERT_EQ(c->order.size(), 3u);
  EXPECT_EQ(c->order[0].entry_id, "q.selection.03");
  EXPECT_EQ(c->order[0].phase, 2);
  EXPECT_EQ(c->order[0].kind, "question");
  EXPECT_EQ(c->order[2].entry_id, "q.selection.01");
  EXPECT_TRUE(store_->catalog().org_catalog(b.id)->order.empty());
  EXPECT_ERR(store_->catalog().set_catalog_order(a.id, 2, "question", {"q.selection.01", "q.selection.01"},
                                       actor_),
             kInvalidInput);
  EXPECT_ERR(store_->catalog().set_catalog_order(a.id, 9, "question", {}, actor_), kInvalidInput);
  EXPECT_ERR(store_->catalog().set_catalog_order(a.id, 2, "principle", {}, actor_), kInvalidInput);
  EXPECT_EQ(count_raw("SELECT COUNT(*) FROM audit_log WHERE action = 'catalog.order'"), 2);
}

INSTANTIATE_TEST_SUITE_P(sqlite, CatalogContract, ::testing::Values("sqlite"),
                         [](const auto& info) { return info.param; });
INSTANTIATE_TEST_SUITE_P(postgresql, CatalogContract, ::testing::Values("postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace solipraxis::store::testing
