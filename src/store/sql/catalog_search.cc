// SqlStore: full-text search over the practice catalog. The one place in the
// Store where the engines differ in SQL: SQLite asks its FTS5 indexes
// (catalog_fts_de/_en: words plus Snowball stems, bm25), PostgreSQL its tsvector
// column (german or english stems plus the unstemmed words, ts_rank). Both see
// the same folded words (core/fold.h) and get the same prefixes per query word
// (store/stem.h: the word, its umlaut variant, their stems), so they find the
// same entries. Hits are merged the same way: per entry the best language, the
// asked-for language counting double.
#include <algorithm>
#include <cstdlib>
#include <map>

#include "core/fold.h"
#include "store/sql/catalog_docs.h"
#include "store/sql/rows.h"
#include "store/sql/sql_store.h"
#include "store/stem.h"

namespace solipraxis::store::sql {

using core::ErrorCode;
using core::make_error;

namespace {

constexpr std::size_t kMaxTerms = 8;

std::int64_t phase_mask(const std::vector<int>& phases) {
  std::int64_t mask = 0;
  for (int p : phases)
    if (p >= 1 && p <= 30) mask |= std::int64_t{1} << p;
  return mask;
}

// FNV-1a over every field, so a changed catalog file re-indexes its version.
std::string fingerprint(const std::vector<core::SearchDoc>& docs) {
  std::uint64_t h = 1469598103934665603ull;
  auto mix = [&](std::string_view s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 1099511628211ull;
    }
    h ^= 0xff;
    h *= 1099511628211ull;
  };
  for (const auto& d : docs) {
    mix(d.entry_id);
    mix(d.kind);
    mix(std::to_string(phase_mask(d.phases)));
    mix(d.lang);
    mix(d.title);
    mix(d.text);
  }
  static const char* kHex = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4) out[i] = kHex[h & 0xf];
  return out + ":" + std::to_string(docs.size());
}

using Prefixes = std::vector<std::vector<std::string>>;  // per query word (store/stem.h)

// SQLite FTS5: every query word as its quoted prefixes OR-ed, all words required.
// Prefixes are folded words (letters and digits only, never '"'), and the whole
// expression is a bound parameter.
std::string fts5_match(const Prefixes& terms) {
  std::string out;
  for (const auto& prefixes : terms) {
    if (!out.empty()) out += " AND ";
    out += "(";
    for (std::size_t i = 0; i < prefixes.size(); ++i)
      out += (i ? " OR \"" : "\"") + prefixes[i] + "\"*";
    out += ")";
  }
  return out;
}

// PostgreSQL: a tsquery over the bound prefixes $first, $first+1, ... (in the
// order of pg_values): per word its prefixes OR-ed, all words required. The
// 'simple' configuration neither stems nor drops stop words: the stems are
// already among the prefixes, so both engines ask for exactly the same.
std::string pg_query(const Prefixes& terms, std::size_t first) {
  std::string out;
  std::size_t n = first;
  for (const auto& prefixes : terms) {
    if (!out.empty()) out += " && ";
    out += "(";
    for (std::size_t i = 0; i < prefixes.size(); ++i)
      out += (i ? " || " : "") + std::string("to_tsquery('simple', $") + std::to_string(n++) + ")";
    out += ")";
  }
  return out;
}

void add_pg_values(const Prefixes& terms, Params& params) {
  for (const auto& prefixes : terms)
    for (const auto& p : prefixes) params.emplace_back("'" + p + "':*");
}

struct Scope {
  std::int64_t version = 0;
  std::optional<OrgId> org;  // with an org: plus its own entries, minus hidden ones
};

Result<std::vector<CatalogHit>> run_search(Db& db, const Scope& scope, const CatalogQuery& q) {
  const Prefixes de = search_prefixes(q.text, "de", kMaxTerms);
  const Prefixes en = search_prefixes(q.text, "en", kMaxTerms);
  std::vector<CatalogHit> hits;
  const bool pg = std::string_view(db.engine()) == "postgresql";
  Status st = db.read([&](Tx& tx) -> Status {
    auto indexed = tx.query("SELECT 1 FROM catalog_index WHERE catalog_version = $1",
                            {scope.version});
    if (!indexed) return indexed.error();
    if (indexed->empty()) {
      return not_found("error.catalog.not_indexed",
                       "catalog version " + std::to_string(scope.version) + " is not indexed");
    }
    if (de.empty()) return {};
    Params params;
    std::size_t prefix_count = 0;
    for (const Prefixes* t : {&de, &en})
      for (const auto& p : *t) prefix_count += p.size();
    params.reserve(6 + prefix_count);  // no reallocation (and no GCC 12 false alarm)
    params.emplace_back(scope.version);
    std::string where;
    if (scope.org) {
      params.emplace_back(scope.org->value);
      where =
          "((d.org_id IS NULL AND d.catalog_version = $1 AND d.entry_id NOT IN "
          "(SELECT entry_id FROM catalog_org_hidden WHERE org_id = $2)) OR d.org_id = $2)";
    } else {
      where = "(d.org_id IS NULL AND d.catalog_version = $1)";
    }
    if (q.phase > 0) {
      params.emplace_back(phase_mask({q.phase}));
      where += " AND (d.phase_mask & $" + std::to_string(params.size()) + ") <> 0";
    }
    if (!q.kind.empty()) {
      params.emplace_back(q.kind);
      where += " AND d.kind = $" + std::to_string(params.size());
    }
    std::string sql;
    if (pg) {
      const std::string de_query = pg_query(de, params.size() + 1);
      add_pg_values(de, params);
      const std::string en_query = pg_query(en, params.size() + 1);
      add_pg_values(en, params);
      sql = "SELECT d.entry_id, CASE WHEN d.org_id IS NULL THEN 0 ELSE 1 END, d.lang, "
            "ts_rank(d.tsv, CASE WHEN d.lang = 'de' THEN q.de ELSE q.en END, 1), d.id "
            "FROM catalog_docs d, (SELECT " + de_query + " AS de, " + en_query + " AS en) q "
            "WHERE " + where +
            " AND ((d.lang = 'de' AND d.tsv @@ q.de) OR (d.lang = 'en' AND d.tsv @@ q.en))";
    } else {
      // One index per language (migration 0010); each row is found by its language's stems.
      for (const auto& [table, terms] : {std::pair{"catalog_fts_de", &de}, std::pair{"catalog_fts_en", &en}}) {
        params.emplace_back(fts5_match(*terms));
        if (!sql.empty()) sql += " UNION ALL ";
        sql += std::string("SELECT d.entry_id, CASE WHEN d.org_id IS NULL THEN 0 ELSE 1 END, ") +
               "d.lang, -bm25(" + table + ", 3.0, 1.0), d.id FROM " + table +
               " JOIN catalog_docs d ON d.id = " + table + ".rowid WHERE " + table + " MATCH $" +
               std::to_string(params.size()) + " AND " + where;
      }
    }
    auto rows = tx.query(sql, params);
    if (!rows) return rows.error();
    // Per entry: the best score; the other language counts half.
    struct Best {
      CatalogHit hit;
      std::int64_t first_doc = 0;
    };
    std::map<std::pair<bool, std::string>, Best> best;
    for (const Row& r : *rows) {
      const bool own = r.int64(1) != 0;
      double score = std::strtod(r.text(3).c_str(), nullptr);
      if (r.text(2) != q.lang) score /= 2;
      auto key = std::make_pair(own, r.text(0));
      auto it = best.find(key);
      if (it == best.end()) {
        best.emplace(key, Best{CatalogHit{r.text(0), own, score}, r.int64(4)});
      } else {
        it->second.hit.score = std::max(it->second.hit.score, score);
        it->second.first_doc = std::min(it->second.first_doc, r.int64(4));
      }
    }
    std::vector<Best> all;
    for (auto& [k, b] : best) all.push_back(std::move(b));
    // Ties keep catalog order (the order in which the docs were indexed).
    std::sort(all.begin(), all.end(), [](const Best& a, const Best& b) {
      if (a.hit.score != b.hit.score) return a.hit.score > b.hit.score;
      return a.first_doc < b.first_doc;
    });
    const std::size_t limit = static_cast<std::size_t>(std::clamp(q.limit, 1, 200));
    for (auto& b : all) {
      if (hits.size() >= limit) break;
      hits.push_back(std::move(b.hit));
    }
    return {};
  });
  if (!st) return st.error();
  return hits;
}

}  // namespace

Status insert_search_docs(Tx& tx, std::int64_t version, std::optional<OrgId> org,
                          const std::vector<core::SearchDoc>& docs) {
  for (const auto& d : docs) {
    auto n = tx.exec(
        "INSERT INTO catalog_docs (catalog_version, org_id, entry_id, kind, phase_mask, lang, "
        "title, body) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        {version, org ? Value{org->value} : null_value(), value(d.entry_id), value(d.kind),
         phase_mask(d.phases), value(d.lang), value(core::fold_text(d.title)),
         value(core::fold_text(d.text))});
    if (!n) return n.error();
  }
  return {};
}

Status SqlCatalog::index_catalog(int version, const std::vector<core::SearchDoc>& docs) {
  if (version <= 0) {
    return make_error(ErrorCode::kInvalidInput, "error.catalog.invalid",
                      "catalog version must be positive");
  }
  for (const auto& d : docs) {
    if (d.lang != "de" && d.lang != "en") {
      return make_error(ErrorCode::kInvalidInput, "error.catalog.invalid",
                        d.entry_id + ": language must be de or en");
    }
  }
  const std::string print = fingerprint(docs);
  const auto now = clock_.now();
  return db_->write([&](Tx& tx) -> Status {
    auto rows = tx.query("SELECT fingerprint FROM catalog_index WHERE catalog_version = $1",
                         {std::int64_t{version}});
    if (!rows) return rows.error();
    if (!rows->empty() && rows->front().text(0) == print) return {};
    auto del = tx.exec("DELETE FROM catalog_docs WHERE org_id IS NULL AND catalog_version = $1",
                       {std::int64_t{version}});
    if (!del) return del.error();
    if (auto st = insert_search_docs(tx, version, std::nullopt, docs); !st) return st;
    auto up = rows->empty()
                  ? tx.exec("INSERT INTO catalog_index (catalog_version, fingerprint, indexed_at) "
                            "VALUES ($1, $2, $3)",
                            {std::int64_t{version}, value(print), now})
                  : tx.exec("UPDATE catalog_index SET fingerprint = $2, indexed_at = $3 "
                            "WHERE catalog_version = $1",
                            {std::int64_t{version}, value(print), now});
    if (!up) return up.error();
    return {};
  });
}

Result<std::vector<CatalogHit>> SqlCatalog::search_catalog(int version, const CatalogQuery& query) {
  return run_search(*db_, Scope{version, std::nullopt}, query);
}

Result<std::vector<CatalogHit>> SqlCatalog::search_org_catalog(OrgId org, int version,
                                                             const CatalogQuery& query) {
  return run_search(*db_, Scope{version, org}, query);
}

}  // namespace solipraxis::store::sql
