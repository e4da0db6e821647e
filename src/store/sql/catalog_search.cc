// SqlStore: full-text search over the practice catalog. The one place in the
// Store where the engines differ in SQL: SQLite asks its FTS5 index
// (catalog_fts, prefix terms, bm25), PostgreSQL its tsvector column (german or
// english stemming plus an unstemmed 'simple' vector, prefix terms, ts_rank).
// Both see the same folded words (core/fold.h), and hits are merged the same
// way: per entry the best language, the asked-for language counting double.
#include <algorithm>
#include <cstdlib>
#include <map>

#include "core/fold.h"
#include "store/sql/catalog_docs.h"
#include "store/sql/rows.h"
#include "store/sql/sql_store.h"

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

// SQLite FTS5: every term as a quoted prefix, its umlaut variant as an
// alternative, all terms required. Terms are folded words (letters and digits
// only, never '"'), and the whole expression is a bound parameter.
std::string fts5_match(const std::vector<core::QueryTerm>& terms) {
  std::string out;
  for (const auto& t : terms) {
    if (!out.empty()) out += " AND ";
    out += "(\"" + t.folded + "\"*";
    if (!t.variant.empty()) out += " OR \"" + t.variant + "\"*";
    out += ")";
  }
  return out;
}

// PostgreSQL: a tsquery expression over the bound terms $first, $first+1, ...
// (in the order of pg_values). Each term: its stemmed prefix OR its unstemmed
// prefix (OR the same for its umlaut variant); all terms required.
std::string pg_query(const std::vector<core::QueryTerm>& terms, const char* config,
                     std::size_t first) {
  std::string out;
  std::size_t n = first;
  for (const auto& t : terms) {
    if (!out.empty()) out += " && ";
    out += "(";
    bool any = false;
    for (const std::string* w : {&t.folded, &t.variant}) {
      if (w->empty()) continue;
      const std::string p = "$" + std::to_string(n++);
      if (any) out += " || ";
      out += "to_tsquery('" + std::string(config) + "', " + p + ") || to_tsquery('simple', " + p +
             ")";
      any = true;
    }
    out += ")";
  }
  return out;
}

std::vector<std::string> pg_values(const std::vector<core::QueryTerm>& terms) {
  std::vector<std::string> out;
  for (const auto& t : terms)
    for (const std::string* w : {&t.folded, &t.variant})
      if (!w->empty()) out.push_back("'" + *w + "':*");
  return out;
}

struct Scope {
  std::int64_t version = 0;
  std::optional<OrgId> org;  // with an org: plus its own entries, minus hidden ones
};

Result<std::vector<CatalogHit>> run_search(Db& db, const Scope& scope, const CatalogQuery& q) {
  auto terms = core::query_terms(q.text);
  if (terms.size() > kMaxTerms) terms.resize(kMaxTerms);
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
    if (terms.empty()) return {};
    Params params;
    params.reserve(4 + 2 * terms.size());  // no reallocation (and no GCC 12 false alarm)
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
      const std::size_t first = params.size() + 1;
      const std::string de = pg_query(terms, "german", first);
      const std::string en = pg_query(terms, "english", first);
      for (std::string& v : pg_values(terms)) params.emplace_back(std::move(v));
      sql = "SELECT d.entry_id, CASE WHEN d.org_id IS NULL THEN 0 ELSE 1 END, d.lang, "
            "ts_rank(d.tsv, CASE WHEN d.lang = 'de' THEN q.de ELSE q.en END), d.id "
            "FROM catalog_docs d, (SELECT " + de + " AS de, " + en + " AS en) q WHERE " + where +
            " AND ((d.lang = 'de' AND d.tsv @@ q.de) OR (d.lang = 'en' AND d.tsv @@ q.en))";
    } else {
      params.emplace_back(fts5_match(terms));
      sql = "SELECT d.entry_id, CASE WHEN d.org_id IS NULL THEN 0 ELSE 1 END, d.lang, "
            "-bm25(catalog_fts, 3.0, 1.0), d.id FROM catalog_fts "
            "JOIN catalog_docs d ON d.id = catalog_fts.rowid WHERE catalog_fts MATCH $" +
            std::to_string(params.size()) + " AND " + where;
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

Status SqlStore::index_catalog(int version, const std::vector<core::SearchDoc>& docs) {
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

Result<std::vector<CatalogHit>> SqlStore::search_catalog(int version, const CatalogQuery& query) {
  return run_search(*db_, Scope{version, std::nullopt}, query);
}

Result<std::vector<CatalogHit>> SqlStore::search_org_catalog(OrgId org, int version,
                                                             const CatalogQuery& query) {
  return run_search(*db_, Scope{version, org}, query);
}

}  // namespace solipraxis::store::sql
