// SqlStore: an org's changes to the practice catalog: its own questions and
// resources (also written to the search index, catalog_docs, in the same
// transaction), the catalog entries it hides, and its order within a phase.
// Every change is audited in its transaction.
#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include "core/text_field.h"
#include "store/sql/catalog_docs.h"
#include "store/sql/rows.h"
#include "store/sql/sql_store.h"

namespace solipraxis::store::sql {

using core::ErrorCode;
using core::make_error;
using nlohmann::json;

namespace {

constexpr std::string_view kEntryColumns =
    "id, kind, phase, title_de, title_en, text_de, text_en, url, created_at, updated_at";
constexpr std::size_t kMaxOrderIds = 500;
constexpr std::size_t kMaxEntryIdChars = 100;

core::Error invalid(std::string key, std::string detail) {
  return make_error(ErrorCode::kInvalidInput, std::move(key), std::move(detail));
}

OrgCatalogEntry entry_from(const Row& r) {
  OrgCatalogEntry e;
  e.id = r.int64(0);
  e.kind = r.text(1);
  e.phase = static_cast<int>(r.int64(2));
  e.title_de = r.text(3);
  e.title_en = r.text(4);
  e.text_de = r.text(5);
  e.text_en = r.text(6);
  e.url = r.text(7);
  e.created_at = r.int64(8);
  e.updated_at = r.int64(9);
  return e;
}

Status check_text(std::string_view text, std::size_t max, const char* field) {
  if (!core::utf8_valid(text) || core::has_control_chars(text))
    return invalid("catalog.error.text_invalid", std::string(field) + " has invalid characters");
  if (core::utf8_length(text) > max)
    return invalid("catalog.error.too_long", std::string(field) + " is longer than " +
                                                 std::to_string(max) + " characters");
  return {};
}

bool single_line(std::string_view s) { return s.find_first_of("\r\n\t") == std::string_view::npos; }

// Trims and checks what a caller wants to store; the id and times are ignored.
Result<OrgCatalogEntry> normalized(const OrgCatalogEntry& in) {
  OrgCatalogEntry e;
  e.kind = in.kind;
  e.phase = in.phase;
  if (e.kind != "question" && e.kind != "resource")
    return invalid("catalog.error.kind", "kind must be question or resource");
  if (e.phase < 1 || e.phase > 4) return invalid("catalog.error.phase", "phase must be 1 to 4");
  e.title_de = std::string(core::trim(in.title_de));
  e.title_en = std::string(core::trim(in.title_en));
  e.text_de = std::string(core::trim(in.text_de));
  e.text_en = std::string(core::trim(in.text_en));
  e.url = std::string(core::trim(in.url));
  for (auto [text, field] : {std::pair{&e.title_de, "title_de"}, std::pair{&e.title_en, "title_en"}}) {
    if (auto st = check_text(*text, kMaxCatalogTitleChars, field); !st) return st.error();
    if (!single_line(*text)) return invalid("catalog.error.text_invalid", std::string(field) + " must be one line");
  }
  for (auto [text, field] : {std::pair{&e.text_de, "text_de"}, std::pair{&e.text_en, "text_en"}})
    if (auto st = check_text(*text, kMaxCatalogTextChars, field); !st) return st.error();
  if (e.text_de.empty()) return invalid("catalog.error.text_required", "text_de is required");
  if (e.kind == "resource") {
    if (e.title_de.empty()) return invalid("catalog.error.title_required", "title_de is required");
    if (!e.url.empty() &&
        (!(e.url.starts_with("https://") || e.url.starts_with("http://")) || e.url.size() < 11 ||
         e.url.size() > kMaxCatalogUrlChars || !single_line(e.url) ||
         e.url.find_first_of(" \"<>") != std::string::npos || !core::utf8_valid(e.url)))
      return invalid("catalog.error.url", "url must be an http:// or https:// address");
  } else {
    // Questions have no name and no link.
    e.title_de.clear();
    e.title_en.clear();
    e.url.clear();
  }
  return e;
}

std::string summary(const OrgCatalogEntry& e) {
  return json{{"kind", e.kind},         {"phase", e.phase},     {"title_de", e.title_de},
              {"title_en", e.title_en}, {"text_de", e.text_de}, {"text_en", e.text_en},
              {"url", e.url}}
      .dump();
}

std::vector<core::SearchDoc> docs_of(const OrgCatalogEntry& e) {
  std::vector<core::SearchDoc> out;
  out.push_back({e.entry_id(), e.kind, {e.phase}, "de", e.title_de, e.text_de});
  if (!e.text_en.empty() || !e.title_en.empty())
    out.push_back({e.entry_id(), e.kind, {e.phase}, "en", e.title_en, e.text_en});
  return out;
}

Status reindex(Tx& tx, OrgId org, const OrgCatalogEntry* e, std::string_view entry_id) {
  auto del = tx.exec("DELETE FROM catalog_docs WHERE org_id = $1 AND entry_id = $2",
                     {org.value, value(entry_id)});
  if (!del) return del.error();
  if (!e) return {};
  return insert_search_docs(tx, 0, org, docs_of(*e));
}

Result<OrgCatalogEntry> load_entry(Tx& tx, OrgId org, std::int64_t id) {
  auto rows = tx.query("SELECT " + std::string(kEntryColumns) +
                           " FROM catalog_org_entries WHERE org_id = $1 AND id = $2",
                       {org.value, id});
  if (!rows) return rows.error();
  if (rows->empty()) return not_found("catalog.error.not_found", "no such entry");
  return entry_from(rows->front());
}

// Catalog ids ("q.selection.07") and own ids ("own.12"): [a-z0-9.-], 1..100.
bool valid_entry_id(std::string_view id) {
  if (id.empty() || id.size() > kMaxEntryIdChars) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
  });
}

Status org_exists(Tx& tx, OrgId org) {
  auto rows = tx.query("SELECT 1 FROM orgs WHERE id = $1", {org.value});
  if (!rows) return rows.error();
  if (rows->empty()) return not_found("error.org.not_found", "no such org");
  return {};
}

}  // namespace

Result<OrgCatalog> SqlCatalog::org_catalog(OrgId org) {
  return read_into<OrgCatalog>(*db_, [&](Tx& tx, OrgCatalog& out) -> Status {
    if (auto st = org_exists(tx, org); !st) return st;
    auto rows = tx.query("SELECT " + std::string(kEntryColumns) +
                             " FROM catalog_org_entries WHERE org_id = $1 ORDER BY id",
                         {org.value});
    if (!rows) return rows.error();
    for (const Row& r : *rows) out.entries.push_back(entry_from(r));
    auto hidden = tx.query(
        "SELECT entry_id FROM catalog_org_hidden WHERE org_id = $1 ORDER BY entry_id",
        {org.value});
    if (!hidden) return hidden.error();
    for (const Row& r : *hidden) out.hidden.push_back(r.text(0));
    auto order = tx.query(
        "SELECT phase, kind, entry_id, position FROM catalog_org_order WHERE org_id = $1 "
        "ORDER BY phase, kind, position",
        {org.value});
    if (!order) return order.error();
    for (const Row& r : *order)
      out.order.push_back({static_cast<int>(r.int64(0)), r.text(1), r.text(2),
                           static_cast<int>(r.int64(3))});
    return {};
  });
}

Result<OrgCatalogEntry> SqlCatalog::org_catalog_entry(OrgId org, std::int64_t id) {
  return read_into<OrgCatalogEntry>(*db_, [&](Tx& tx, OrgCatalogEntry& out) -> Status {
    auto e = load_entry(tx, org, id);
    if (!e) return e.error();
    out = std::move(*e);
    return {};
  });
}

Result<OrgCatalogEntry> SqlCatalog::create_org_catalog_entry(OrgId org, const OrgCatalogEntry& entry,
                                                           const Actor& actor) {
  auto next = normalized(entry);
  if (!next) return next.error();
  const auto now = clock_.now();
  return write_into<OrgCatalogEntry>(*db_, [&](Tx& tx, OrgCatalogEntry& out) -> Status {
    if (auto st = lock_org(tx, org); !st) return st;
    const OrgCatalogEntry& e = *next;
    auto rows = tx.query(
        "INSERT INTO catalog_org_entries (org_id, kind, phase, title_de, title_en, text_de, "
        "text_en, url, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) "
        "RETURNING " + std::string(kEntryColumns),
        {org.value, value(e.kind), std::int64_t{e.phase}, value(e.title_de), value(e.title_en),
         value(e.text_de), value(e.text_en), value(e.url), now});
    if (!rows) return rows.error();
    out = entry_from(rows->front());
    if (auto st = reindex(tx, org, &out, out.entry_id()); !st) return st;
    return write_audit(tx, org, actor, "catalog.entry.create", "catalog_entry", out.entry_id(),
                       "", summary(out), now);
  });
}

Result<OrgCatalogEntry> SqlCatalog::update_org_catalog_entry(OrgId org, const OrgCatalogEntry& entry,
                                                           const Actor& actor) {
  auto next = normalized(entry);
  if (!next) return next.error();
  const auto now = clock_.now();
  return write_into<OrgCatalogEntry>(*db_, [&](Tx& tx, OrgCatalogEntry& out) -> Status {
    auto before = load_entry(tx, org, entry.id);
    if (!before) return before.error();
    const OrgCatalogEntry& e = *next;
    auto rows = tx.query(
        "UPDATE catalog_org_entries SET kind = $3, phase = $4, title_de = $5, title_en = $6, "
        "text_de = $7, text_en = $8, url = $9, updated_at = $10 WHERE org_id = $1 AND id = $2 "
        "RETURNING " + std::string(kEntryColumns),
        {org.value, entry.id, value(e.kind), std::int64_t{e.phase}, value(e.title_de),
         value(e.title_en), value(e.text_de), value(e.text_en), value(e.url), now});
    if (!rows) return rows.error();
    out = entry_from(rows->front());
    if (auto st = reindex(tx, org, &out, out.entry_id()); !st) return st;
    // A move to another phase or kind leaves its old place in the order.
    if (before->phase != out.phase || before->kind != out.kind) {
      auto del = tx.exec("DELETE FROM catalog_org_order WHERE org_id = $1 AND entry_id = $2",
                         {org.value, value(out.entry_id())});
      if (!del) return del.error();
    }
    return write_audit(tx, org, actor, "catalog.entry.update", "catalog_entry", out.entry_id(),
                       summary(*before), summary(out), now);
  });
}

Status SqlCatalog::delete_org_catalog_entry(OrgId org, std::int64_t id, const Actor& actor) {
  const auto now = clock_.now();
  return db_->write([&](Tx& tx) -> Status {
    auto before = load_entry(tx, org, id);
    if (!before) return before.error();
    const std::string entry_id = before->entry_id();
    auto n = tx.exec("DELETE FROM catalog_org_entries WHERE org_id = $1 AND id = $2",
                     {org.value, id});
    if (!n) return n.error();
    if (auto st = reindex(tx, org, nullptr, entry_id); !st) return st;
    auto del = tx.exec("DELETE FROM catalog_org_order WHERE org_id = $1 AND entry_id = $2",
                       {org.value, value(entry_id)});
    if (!del) return del.error();
    return write_audit(tx, org, actor, "catalog.entry.delete", "catalog_entry", entry_id,
                       summary(*before), "", now);
  });
}

Status SqlCatalog::set_catalog_entry_hidden(OrgId org, std::string_view entry_id, bool hidden,
                                          const Actor& actor) {
  if (!valid_entry_id(entry_id) || entry_id.starts_with(kOwnEntryPrefix))
    return invalid("catalog.error.entry_id", "not a catalog entry id");
  const auto now = clock_.now();
  return db_->write([&](Tx& tx) -> Status {
    if (auto st = lock_org(tx, org); !st) return st;
    auto n = hidden ? tx.exec(
                          "INSERT INTO catalog_org_hidden (org_id, entry_id, created_at) "
                          "SELECT $1, $2, $3 WHERE NOT EXISTS (SELECT 1 FROM catalog_org_hidden "
                          "WHERE org_id = $1 AND entry_id = $2)",
                          {org.value, value(entry_id), now})
                    : tx.exec("DELETE FROM catalog_org_hidden WHERE org_id = $1 AND entry_id = $2",
                              {org.value, value(entry_id)});
    if (!n) return n.error();
    if (*n == 0) return {};  // already so: nothing changed, nothing to audit
    const std::string state = json{{"hidden", hidden}}.dump();
    const std::string was = json{{"hidden", !hidden}}.dump();
    return write_audit(tx, org, actor, hidden ? "catalog.hide" : "catalog.unhide",
                       "catalog_entry", entry_id, was, state, now);
  });
}

Status SqlCatalog::set_catalog_order(OrgId org, int phase, std::string_view kind,
                                   const std::vector<std::string>& entry_ids, const Actor& actor) {
  if (phase < 1 || phase > 4) return invalid("catalog.error.phase", "phase must be 1 to 4");
  if (kind != "question" && kind != "approach" && kind != "resource")
    return invalid("catalog.error.kind", "kind must be question, approach or resource");
  if (entry_ids.size() > kMaxOrderIds)
    return invalid("catalog.error.order", "at most " + std::to_string(kMaxOrderIds) + " ids");
  std::set<std::string_view> seen;
  for (const std::string& id : entry_ids) {
    if (!valid_entry_id(id)) return invalid("catalog.error.entry_id", "not a catalog entry id");
    if (!seen.insert(id).second) return invalid("catalog.error.order", "duplicate id " + id);
  }
  const auto now = clock_.now();
  return db_->write([&](Tx& tx) -> Status {
    if (auto st = lock_org(tx, org); !st) return st;
    auto old = tx.query(
        "SELECT entry_id FROM catalog_org_order WHERE org_id = $1 AND phase = $2 AND kind = $3 "
        "ORDER BY position",
        {org.value, std::int64_t{phase}, value(kind)});
    if (!old) return old.error();
    json before = json::array();
    for (const Row& r : *old) before.push_back(r.text(0));
    auto del = tx.exec(
        "DELETE FROM catalog_org_order WHERE org_id = $1 AND phase = $2 AND kind = $3",
        {org.value, std::int64_t{phase}, value(kind)});
    if (!del) return del.error();
    for (std::size_t i = 0; i < entry_ids.size(); ++i) {
      // An id can have one place only: drop it from any other group first.
      auto drop = tx.exec("DELETE FROM catalog_org_order WHERE org_id = $1 AND entry_id = $2",
                          {org.value, value(entry_ids[i])});
      if (!drop) return drop.error();
      auto n = tx.exec(
          "INSERT INTO catalog_org_order (org_id, phase, kind, entry_id, position) "
          "VALUES ($1, $2, $3, $4, $5)",
          {org.value, std::int64_t{phase}, value(kind), value(entry_ids[i]),
           static_cast<std::int64_t>(i)});
      if (!n) return n.error();
    }
    const std::string group = std::to_string(phase) + "/" + std::string(kind);
    return write_audit(tx, org, actor, "catalog.order", "catalog_order", group,
                       json{{"ids", before}}.dump(), json{{"ids", entry_ids}}.dump(), now);
  });
}

}  // namespace solipraxis::store::sql
