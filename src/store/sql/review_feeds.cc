// SqlStore: the secret of an org's review calendar feed (one row per org).
#include "store/sql/rows.h"
#include "store/sql/sql_store.h"

namespace solipraxis::store::sql {

namespace {

Result<std::optional<ReviewFeed>> load_feed(Tx& tx, OrgId org) {
  auto rows =
      tx.query("SELECT secret_hash, created_by, created_at FROM review_feeds WHERE org_id = $1",
               {org.value});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<ReviewFeed>{};
  const Row& r = rows->front();
  ReviewFeed f;
  f.secret_hash = r.text(0);
  if (!r.is_null(1)) f.created_by = UserId(r.int64(1));
  f.created_at = r.int64(2);
  return std::optional<ReviewFeed>(std::move(f));
}

}  // namespace

Result<ReviewFeed> SqlTools::review_feed(OrgId org) {
  return read_into<ReviewFeed>(*db_, [&](Tx& tx, ReviewFeed& out) -> Status {
    auto feed = load_feed(tx, org);
    if (!feed) return feed.error();
    if (!*feed) return not_found("tools.error.feed_not_found", "the org has no review feed");
    out = std::move(**feed);
    return {};
  });
}

Result<ReviewFeed> SqlTools::set_review_feed(OrgId org, std::string_view secret_hash,
                                             const Actor& actor) {
  const auto now = clock_.now();
  return write_into<ReviewFeed>(*db_, [&](Tx& tx, ReviewFeed& out) -> Status {
    if (auto st = lock_org(tx, org); !st) return st;
    auto before = load_feed(tx, org);
    if (!before) return before.error();
    auto n = tx.exec("DELETE FROM review_feeds WHERE org_id = $1", {org.value});
    if (!n) return n.error();
    n = tx.exec(
        "INSERT INTO review_feeds (org_id, secret_hash, created_by, created_at) "
        "VALUES ($1, $2, $3, $4)",
        {org.value, value(secret_hash), opt_user(actor.user), now});
    if (!n) return n.error();
    out = ReviewFeed{std::string(secret_hash), actor.user, now};
    const std::string summary = "{\"created_at\":" + std::to_string(now) + "}";
    return write_audit(
        tx, org, actor, *before ? "review_feed.rotate" : "review_feed.create", "review_feed",
        std::to_string(org.value),
        *before ? "{\"created_at\":" + std::to_string((*before)->created_at) + "}" : "", summary,
        now);
  });
}

Status SqlTools::delete_review_feed(OrgId org, const Actor& actor) {
  const auto now = clock_.now();
  return db_->write([&](Tx& tx) -> Status {
    if (auto st = lock_org(tx, org); !st) return st;
    auto before = load_feed(tx, org);
    if (!before) return before.error();
    if (!*before) return {};
    auto n = tx.exec("DELETE FROM review_feeds WHERE org_id = $1", {org.value});
    if (!n) return n.error();
    return write_audit(tx, org, actor, "review_feed.delete", "review_feed",
                       std::to_string(org.value),
                       "{\"created_at\":" + std::to_string((*before)->created_at) + "}", "", now);
  });
}

}  // namespace solipraxis::store::sql
