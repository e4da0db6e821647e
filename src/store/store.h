// The Store: every persistent read and write of solipraxis goes through this
// interface, grouped by aggregate. Two engines implement it (sqlite/, postgres/);
// one contract test suite (tests/store/) holds both to the same behaviour.
//
// Guarantees every engine keeps:
// - Every org-owned call takes a core::OrgId first. OrgId has no implicit
//   conversion, so cross-tenant access cannot be written by accident; rows of
//   another org are "not found", never returned.
// - Every change to org data writes an audit_log row in the same transaction.
// - Queries are parameterised. Expected failures are Result errors (not_found,
//   conflict, invalid_input, unavailable); exceptions never leave the Store.
// - Timestamps come from the injected core::Clock.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.h"
#include "core/clock.h"
#include "core/ids.h"
#include "core/result.h"
#include "core/search_doc.h"
#include "core/transition.h"
#include "store/faults.h"

namespace solipraxis::store {

using core::OrgId;
using core::Result;
using core::Status;
using core::TokenId;
using core::UnixTime;
using core::UserId;

// Ordered by power: a check "role >= Role::kEditor" reads naturally.
enum class Role { kMember = 1, kEditor = 2, kOwner = 3 };
const char* role_name(Role role);  // "member", "editor", "owner"
std::optional<Role> parse_role(std::string_view name);

inline constexpr const char* kDefaultTimeZone = "Europe/Berlin";

struct Org {
  OrgId id;
  std::string slug;  // [a-z0-9-]{2,40}, used in URLs
  std::string name;
  UnixTime created_at = 0;
  std::string time_zone = kDefaultTimeZone;  // IANA id; pages show times in it
};

struct User {
  UserId id;
  std::string email;  // stored lower-cased; unique
  std::string name;
  std::string password_hash;  // argon2id string from libsodium
  std::string lang;           // "" = follow the browser, else "de" / "en"
  UnixTime created_at = 0;
};

struct Member {
  User user;
  Role role = Role::kMember;
  UnixTime since = 0;
};

// A browser sign-in. The cookie holds a random id; only its hash is stored.
struct LoginSession {
  std::string id_hash;
  UserId user_id;
  std::string csrf_token;
  UnixTime created_at = 0;
  UnixTime last_seen_at = 0;
  UnixTime expires_at = 0;  // absolute expiry; idle expiry is checked against last_seen_at
};

struct ApiToken {
  TokenId id;
  UserId user_id;
  std::string name;
  std::string token_hash;
  UnixTime created_at = 0;
  std::optional<UnixTime> last_used_at;
};

// An invitation link for one org; single use. The token is found by its hash;
// besides, the web layer keeps it sealed (encrypted with the server's link key,
// store::seal) so that owners can open the link again until it is used or
// revoked. The store clears the sealed token when the link is used.
struct Invite {
  std::int64_t id = 0;
  OrgId org_id;
  std::string token_hash;
  std::string token_sealed;  // store::seal(key, token); "" once used (or for old invites)
  std::string email;  // may be empty: anyone with the link
  Role role = Role::kMember;
  UserId created_by;
  UnixTime created_at = 0;
  UnixTime expires_at = 0;
  std::optional<UnixTime> used_at;
};

// Who makes a change, for the audit log.
struct Actor {
  std::optional<UserId> user;
  std::string via;  // "web", "api", "cli"
};

struct AuditEntry {
  std::int64_t id = 0;
  OrgId org_id;
  std::optional<UserId> actor;
  std::string via;
  std::string action;     // e.g. "member.add", "member.role"
  std::string entity;     // e.g. "membership"
  std::string entity_id;  // e.g. user id
  std::string before;     // short JSON summary, "" for creations
  std::string after;      // short JSON summary, "" for deletions
  UnixTime at = 0;
};

// Keyset pagination: `cursor` is opaque to callers; an empty `next` means the end.
struct PageRequest {
  int limit = 50;  // clamped to [1, 200]
  std::string cursor;
};
template <typename T>
struct Page {
  std::vector<T> items;
  std::string next;
};

// Which audit rows to read; an empty field matches every row. See store/audit.h
// for the kinds of objects ("tools", "members", ...) and their entities.
struct AuditFilter {
  std::vector<std::string> entities;  // rows about any of these entities, e.g. {"tool"}
  std::string entity_id;              // rows about this one object (with one entity)
};

// A term the org wants the checker to flag (rule inclusive.org-term; the web
// maps it to text::OrgTerm). Stored as given, trimmed and validated.
struct CheckerTerm {
  std::string term;                      // "Flüchtlinge"
  std::vector<std::string> suggestions;  // "Geflüchtete", at most kMaxTermSuggestions
  std::string message;                   // the org's own words; empty: the checker's standard one
  bool operator==(const CheckerTerm&) const = default;
};

// The org's settings for the solidary prompt checker (Prompt-Werkstatt): the
// saved context for composed prompts, the default gender style, the words
// the org accepts (never flagged as generic masculine for this org) and the
// terms it wants flagged.
struct CheckerSettings {
  std::string role;    // who the org is, e.g. "Beratungsstelle für Geflüchtete"
  std::string values;  // what it stands for
  std::string sector;  // its field of work
  std::string style = "colon";  // "colon", "star", "pair" or "neutral"
  std::vector<std::string> accepted_words;  // exact spellings, unique, sorted
  std::vector<CheckerTerm> org_terms;       // in the org's order; no term twice (ignoring case)
  UnixTime updated_at = 0;  // 0: never saved (defaults)
};

inline constexpr std::size_t kMaxCheckerContextChars = 1000;
inline constexpr std::size_t kMaxAcceptedWords = 500;
inline constexpr std::size_t kMaxAcceptedWordChars = 80;
inline constexpr std::size_t kMaxOrgTerms = 200;
inline constexpr std::size_t kMaxOrgTermChars = 80;      // a term and each suggestion
inline constexpr std::size_t kMaxTermSuggestions = 5;
inline constexpr std::size_t kMaxTermMessageChars = 300;

struct NewUser {
  std::string email;
  std::string name;
  std::string password_hash;
  std::string lang;
};

// --- tool register types (issue 6; the domain is in core/tool.h, core/transition.h) ---
struct ToolFilter {
  std::optional<core::Phase> phase;  // only tools in this phase
  std::optional<bool> is_public;     // only tools (not) in the public register
};

// A phase change as stored: the tool after the move and the decision recorded.
struct ToolTransition {
  core::Tool tool;
  core::Decision decision;
};

// The secret of an org's calendar feed of review dates (/p/{org}/reviews/{secret}.ics):
// calendar apps cannot sign in, so the URL itself is the credential. Only its
// hash (store::hash_token) is stored; one per org.
struct ReviewFeed {
  std::string secret_hash;
  std::optional<UserId> created_by;
  UnixTime created_at = 0;
};

// A deliberate non-use: a rejected tool and the decision that rejected it.
struct NonUseEntry {
  core::Tool tool;
  core::Decision decision;
};


// --- practice catalog in the database (issue 5) ---
// A full-text query over the catalog. Words match by prefix, case-, accent- and
// umlaut-insensitively (core/fold.h); every word must match (in title or text).
// PostgreSQL also stems (german/english); SQLite FTS5 has no German stemmer.
struct CatalogQuery {
  std::string text;
  std::string lang = "de";  // hits in this language rank before hits in the other
  int phase = 0;            // 1..4, 0 = any
  std::string kind;         // "question", "approach", ... ; "" = any
  int limit = 50;           // clamped to [1, 200]
};

struct CatalogHit {
  std::string entry_id;  // a catalog id, or an org's own entry as "own.<id>"
  bool own = false;      // the org's own entry
  double score = 0;      // larger is better; only the order is meaningful
};

inline constexpr std::string_view kOwnEntryPrefix = "own.";

// An entry an org added to its catalog. Its public id is "own.<id>".
struct OrgCatalogEntry {
  std::int64_t id = 0;
  std::string kind = "question";  // "question" or "resource"
  int phase = 1;                  // 1..4
  std::string title_de, title_en;  // resources: the name (de required); questions: unused
  std::string text_de, text_en;    // de required, en optional
  std::string url;                 // resources: "" or an http(s) URL
  UnixTime created_at = 0;
  UnixTime updated_at = 0;
  std::string entry_id() const { return std::string(kOwnEntryPrefix) + std::to_string(id); }
};

inline constexpr std::size_t kMaxCatalogTitleChars = 200;
inline constexpr std::size_t kMaxCatalogTextChars = 2000;
inline constexpr std::size_t kMaxCatalogUrlChars = 500;

// The org's order of one (phase, kind) group: entries listed here come first, by position.
struct CatalogOrderEntry {
  int phase = 0;
  std::string kind;
  std::string entry_id;
  int position = 0;
};

// Everything an org changed about the catalog.
struct OrgCatalog {
  std::vector<OrgCatalogEntry> entries;  // by id
  std::vector<std::string> hidden;       // catalog entry ids, sorted
  std::vector<CatalogOrderEntry> order;  // by phase, kind, position
};

class Store {
 public:
  virtual ~Store() = default;

  // --- schema and health ---
  virtual const char* engine() const = 0;  // "sqlite" or "postgresql"
  virtual Result<int> schema_version() = 0;
  virtual Status ping() = 0;  // the store answers a trivial query
  // The storage fault of the last failed write (store/faults.h: kStoreFull,
  // kStoreReadOnly) while no write has succeeded since; "" when writes work.
  virtual std::string write_fault() const = 0;
  // Opened read-only on purpose (StoreConfig::read_only): every write is
  // refused with kStoreReadOnly.
  virtual bool read_only() const = 0;
  // Whether the store takes writes (a write that only drops expired sign-ins):
  // kUnavailable with kStoreReadOnly when it cannot be written.
  virtual Status check_writable() = 0;

  // --- orgs ---
  virtual Result<Org> create_org(std::string_view slug, std::string_view name,
                                 const Actor& actor) = 0;
  virtual Result<Org> org_by_slug(std::string_view slug) = 0;
  virtual Result<Org> org(OrgId org) = 0;
  // Changes the display name (validate_org_name); the slug never changes.
  // Audited as "org.rename" with the old and new name; the same name is a no-op.
  virtual Result<Org> rename_org(OrgId org, std::string_view name, const Actor& actor) = 0;
  virtual Result<std::vector<Org>> orgs_of_user(UserId user) = 0;
  virtual Result<std::vector<Org>> orgs() = 0;  // all orgs, by slug (CLI, admin)

  // --- users (not org-owned: one person can belong to several orgs) ---
  virtual Result<User> create_user(const NewUser& user) = 0;  // conflict on duplicate e-mail
  virtual Result<User> user(UserId user) = 0;
  virtual Result<User> user_by_email(std::string_view email) = 0;  // case-insensitive
  virtual Result<std::vector<User>> users() = 0;
  // A new password ends every other way into the account, in one transaction:
  // all sign-in sessions and all API tokens go (one of them may be what leaked).
  // Audited as "user.password" in each org the user belongs to, with the number
  // of revoked tokens. Returns the revoked tokens, oldest first.
  virtual Result<std::vector<ApiToken>> change_password(UserId user,
                                                        std::string_view password_hash,
                                                        const Actor& actor) = 0;
  virtual Status set_user_lang(UserId user, std::string_view lang) = 0;
  virtual Status set_user_name(UserId user, std::string_view name) = 0;  // validate_user_name

  // --- memberships (org-owned) ---
  virtual Status add_member(OrgId org, UserId user, Role role, const Actor& actor) = 0;
  virtual Result<Role> member_role(OrgId org, UserId user) = 0;  // not_found if no member
  // Refuses (conflict) to leave an org without an owner.
  virtual Status set_member_role(OrgId org, UserId user, Role role, const Actor& actor) = 0;
  virtual Status remove_member(OrgId org, UserId user, const Actor& actor) = 0;
  virtual Result<std::vector<Member>> members(OrgId org) = 0;

  // --- invitations (org-owned) ---
  virtual Result<Invite> create_invite(OrgId org, const Invite& invite, const Actor& actor) = 0;
  virtual Result<std::vector<Invite>> open_invites(OrgId org) = 0;
  virtual Status revoke_invite(OrgId org, std::int64_t invite_id, const Actor& actor) = 0;
  // Looks an invitation up by its token hash (the link names no org).
  virtual Result<Invite> invite_by_token_hash(std::string_view token_hash) = 0;
  // Marks the invite used and adds the membership, atomically. Conflict if used
  // ("error.invite.used") or expired ("error.invite.expired", checked against
  // the clock), so a link works exactly once, also under concurrent accepts.
  // not_found for an unknown or revoked link; forbidden if the invite names an
  // e-mail and `user` has another. An existing member keeps a higher role (an
  // invite can raise a role, never lower it). Audited with via "invite".
  virtual Status accept_invite(std::string_view token_hash, UserId user) = 0;

  // --- sign-in sessions ---
  // created_at / last_seen_at of 0 mean "now"; expires_at must lie in the future.
  virtual Status create_session(const LoginSession& session) = 0;
  // not_found once expires_at has passed (idle expiry is the caller's check).
  virtual Result<LoginSession> session(std::string_view id_hash) = 0;
  virtual Status touch_session(std::string_view id_hash) = 0;  // last_seen_at = now
  virtual Status delete_session(std::string_view id_hash) = 0;  // idempotent
  virtual Status delete_sessions_of_user(UserId user) = 0;
  virtual Result<int> delete_expired_sessions() = 0;

  // --- API tokens ---
  virtual Result<ApiToken> create_token(UserId user, std::string_view name,
                                        std::string_view token_hash) = 0;
  virtual Result<ApiToken> token_by_hash(std::string_view token_hash) = 0;
  virtual Result<std::vector<ApiToken>> tokens(UserId user) = 0;
  virtual Status touch_token(TokenId token) = 0;
  virtual Status delete_token(UserId user, TokenId token) = 0;  // only the owner's own

  // --- checker settings (org-owned) ---
  // The saved settings, or the defaults (updated_at == 0) if none were saved.
  virtual Result<CheckerSettings> checker_settings(OrgId org) = 0;
  // Validates (kInvalidInput, "error.checker.*"), trims, de-duplicates and sorts
  // the accepted words, stores and audits ("checker.settings") in one transaction.
  // Org terms are trimmed and kept in order; an entry with nothing in it is
  // dropped, empty suggestions too. A refused term ("error.checker.term_invalid",
  // "term_missing", "term_duplicate": the same term twice, ignoring case) has a
  // detail starting "org_terms[i].field:" with i its 0-based index in `settings`
  // and field "term", "suggestions" or "message".
  virtual Result<CheckerSettings> set_checker_settings(OrgId org, const CheckerSettings& settings,
                                                       const Actor& actor) = 0;

  // --- audit log (org-owned, append-only) ---
  // Newest first (by id). kInvalidInput "error.page.cursor_invalid" for a cursor
  // this call did not hand out. Never returns another org's rows.
  virtual Result<Page<AuditEntry>> audit_log(OrgId org, const AuditFilter& filter,
                                             const PageRequest& page) = 0;
  Result<Page<AuditEntry>> audit_log(OrgId org, const PageRequest& page) {
    return audit_log(org, AuditFilter{}, page);
  }

  // --- tool register (org-owned). Dates are checked against Date::today(clock).
  // Lists are ordered by id (creation order); the cursor is opaque.
  virtual Result<Page<core::Tool>> list_tools(OrgId org, const ToolFilter& filter,
                                              const PageRequest& page) = 0;
  virtual Result<core::Tool> tool(OrgId org, core::ToolId id) = 0;  // "tools.error.not_found"
  // Normalises and validates (core::tool_errors); the tool starts in phase idea
  // with version 1 whatever `tool.phase` says: phases change only by decisions.
  virtual Result<core::Tool> create_tool(OrgId org, const core::Tool& tool,
                                         const Actor& actor) = 0;
  // Saves the editable fields (everything but phase, version and times) if the
  // stored version is still `expected_version`, else kConflict
  // "tools.error.stale_version" and nothing changes. Returns the saved tool
  // (version + 1). An unchanged overdue next_review stays allowed.
  virtual Result<core::Tool> update_tool(OrgId org, const core::Tool& tool,
                                         std::int64_t expected_version, const Actor& actor) = 0;
  // Plans the move with core::plan_transition (phase machine, decision fields,
  // red-line gate against the org's red lines, review default from the org's
  // interval) and writes decision, principle notes, red-line confirmations, new
  // phase, next review, version + 1 and the audit row in one transaction. With
  // `expected_version`, a stale version is kConflict "tools.error.stale_version".
  virtual Result<ToolTransition> transition_tool(OrgId org, core::ToolId id,
                                                 const core::TransitionRequest& request,
                                                 std::optional<std::int64_t> expected_version,
                                                 const Actor& actor) = 0;
  // The tool's decisions by the day they were taken (decided_on), then in the
  // order they were recorded, with principle notes and confirmations.
  virtual Result<std::vector<core::Decision>> decisions(OrgId org, core::ToolId tool) = 0;
  // Tools in phase rejected with the decision that rejected them, newest first.
  virtual Result<std::vector<NonUseEntry>> non_use_tools(OrgId org) = 0;
  // Tools in pilot, in_use or evaluation whose next review is on or before
  // `until`, earliest first (overdue ones first).
  virtual Result<std::vector<core::Tool>> tools_due_for_review(OrgId org, core::Date until) = 0;

  // Red lines: the org's exclusion criteria, by id. A line that a decision
  // confirmed keeps its meaning: deleting it or changing its text is kConflict
  // "tools.error.red_line_in_use" and changes nothing (deactivate it and write
  // a new line instead). Its `active` flag can still change.
  virtual Result<std::vector<core::RedLine>> red_lines(OrgId org) = 0;
  virtual Result<core::RedLine> create_red_line(OrgId org, std::string_view text,
                                                const Actor& actor) = 0;
  virtual Result<core::RedLine> update_red_line(OrgId org, const core::RedLine& line,
                                                const Actor& actor) = 0;  // text and active
  virtual Status delete_red_line(OrgId org, core::RedLineId id, const Actor& actor) = 0;

  // The org's default months from a decision to the next review (1..36, default 6).
  virtual Result<int> review_interval_months(OrgId org) = 0;
  virtual Status set_review_interval_months(OrgId org, int months, const Actor& actor) = 0;
  // The org's time zone (an IANA id, validate_time_zone_shape; whether the id
  // exists is the caller's check against its zone database). Audited as
  // "org.time_zone" with the old and new id; the same id is a no-op.
  virtual Status set_org_time_zone(OrgId org, std::string_view zone, const Actor& actor) = 0;

  // --- practice catalog search (the base catalog is not org-owned) ---
  // Makes `docs` the searchable text of catalog `version`. Idempotent: a second
  // call with the same docs changes nothing (a fingerprint is kept per version).
  virtual Status index_catalog(int version, const std::vector<core::SearchDoc>& docs) = 0;
  // Ranked ids of the base catalog `version`. kNotFound "error.catalog.not_indexed"
  // when that version was never indexed. A query without words gives no hits.
  virtual Result<std::vector<CatalogHit>> search_catalog(int version, const CatalogQuery& query) = 0;

  // --- the org's catalog (org-owned): own entries, hidden entries, order ---
  // Like search_catalog, plus the org's own entries, minus the entries it hid.
  virtual Result<std::vector<CatalogHit>> search_org_catalog(OrgId org, int version,
                                                             const CatalogQuery& query) = 0;
  virtual Result<OrgCatalog> org_catalog(OrgId org) = 0;
  virtual Result<OrgCatalogEntry> org_catalog_entry(OrgId org, std::int64_t id) = 0;
  // Validates (kInvalidInput, "catalog.error.*"), trims, stores, indexes for
  // search and audits ("catalog.entry.create"/".update"/".delete") in one transaction.
  virtual Result<OrgCatalogEntry> create_org_catalog_entry(OrgId org, const OrgCatalogEntry& entry,
                                                           const Actor& actor) = 0;
  virtual Result<OrgCatalogEntry> update_org_catalog_entry(OrgId org, const OrgCatalogEntry& entry,
                                                           const Actor& actor) = 0;
  virtual Status delete_org_catalog_entry(OrgId org, std::int64_t id, const Actor& actor) = 0;
  // Hides (or shows again) a catalog entry for this org; idempotent, audited
  // ("catalog.hide"/"catalog.unhide") only when something changed. The Store
  // checks the id's form, not that the catalog has it (the caller does).
  virtual Status set_catalog_entry_hidden(OrgId org, std::string_view entry_id, bool hidden,
                                          const Actor& actor) = 0;
  // Replaces the org's order of one (phase, kind) group; `entry_ids` unique.
  // Audited ("catalog.order").
  virtual Status set_catalog_order(OrgId org, int phase, std::string_view kind,
                                   const std::vector<std::string>& entry_ids,
                                   const Actor& actor) = 0;

  // The org's review calendar feed; not_found "tools.error.feed_not_found" when
  // it has none. set_review_feed replaces any earlier secret (the old URL stops
  // working at once); delete is idempotent. Both audited ("review_feed.*"),
  // never with the hash itself.
  virtual Result<ReviewFeed> review_feed(OrgId org) = 0;
  virtual Result<ReviewFeed> set_review_feed(OrgId org, std::string_view secret_hash,
                                             const Actor& actor) = 0;
  virtual Status delete_review_feed(OrgId org, const Actor& actor) = 0;
};

struct StoreConfig {
  // A file path (SQLite) or a postgresql:// / postgres:// URL. Empty: <data_dir>/solipraxis.db.
  std::string database;
  std::string data_dir = "var";
  bool migrate = true;  // apply pending migrations on open
  // Read only, on purpose: SQLite opens the file read-only (works on a
  // read-only mount) and the store refuses every write. Needs migrate = false;
  // a schema older than the binary is then refused ("run solipraxis migrate").
  bool read_only = false;
  // SQLite only: the largest the file may grow, in pages (0 = no limit). Past
  // it a write fails as on a full disk (kStoreFull); tests simulate one with it.
  std::int64_t sqlite_max_pages = 0;
};

// Opens the engine the URL names and (with config.migrate) brings the schema up
// to date. Errors: unavailable (unreachable, not a database, cannot create the
// data dir) and conflict (the database is newer than this binary), each with a
// message a person can act on.
Result<std::unique_ptr<Store>> open_store(const StoreConfig& config, core::Clock& clock);

}  // namespace solipraxis::store
