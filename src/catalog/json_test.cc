#include "catalog/json.h"

#include <gtest/gtest.h>

#include "catalog/load.h"
#include "catalog/parse.h"

namespace solipraxis::catalog {
namespace {

const Catalog& real() {
  static const CatalogSet set = [] {
    auto s = load_catalog_dir(std::string(SOLIPRAXIS_SOURCE_DIR) + "/data/catalog");
    if (!s) ADD_FAILURE() << s.error().detail;
    return s ? std::move(s).value() : CatalogSet{};
  }();
  return set.current();
}

// catalog_json() uses the data files' schema: splitting it back into files parses to the same.
TEST(CatalogJson, RoundTripsThroughTheParser) {
  nlohmann::json all = catalog_json(real());
  EXPECT_EQ(all["version"], real().version);
  EXPECT_EQ(all["questions"].size(), 46u);
  VersionFiles files;
  nlohmann::json header{{"version", all["version"]},       {"released", all["released"]},
                        {"title", all["title"]},           {"attribution", all["attribution"]},
                        {"source", all["source"]}};
  files["catalog.json"] = header.dump();
  for (const char* k :
       {"phases", "questions", "approaches", "resources", "boxes", "principles", "methods"})
    files[std::string(k) + ".json"] = nlohmann::json{{k, all[k]}}.dump();
  auto again = parse_catalog(files, "roundtrip");
  ASSERT_TRUE(again.has_value()) << again.error().detail;
  EXPECT_EQ(catalog_json(*again), all);
}

TEST(CatalogJson, DetailAndItem) {
  nlohmann::json d = detail_json(real(), "r.development.tarot-cards-of-tech");
  EXPECT_EQ(d["kind"], "resource");
  EXPECT_EQ(d["name"]["de"], "Tarot Cards of Tech");
  EXPECT_TRUE(detail_json(real(), "nope").is_null());
  nlohmann::json i = item_json(*real().find("q.selection.01"), Lang::kEn);
  EXPECT_EQ(i["id"], "q.selection.01");
  EXPECT_EQ(i["kind"], "question");
  EXPECT_EQ(i["phase"], 2);
  EXPECT_EQ(i["text"], "What problem does the tool solve?");
  EXPECT_TRUE(item_json(*real().find("p.1"), Lang::kDe)["phase"].is_null());
}

}  // namespace
}  // namespace solipraxis::catalog
