// The Store and each of its aggregates, written once over the sql::Db seam;
// both engines (sqlite/, postgres/) run exactly this logic, so they cannot
// drift apart. Each public call is one read() or write() transaction; org
// changes write their audit row inside the same write(). A write that spans
// aggregates is one call of the aggregate that owns the step, in one write().
#pragma once

#include <memory>

#include "store/action_items.h"
#include "store/audit.h"
#include "store/catalog.h"
#include "store/checker.h"
#include "store/feedback.h"
#include "store/orgs.h"
#include "store/live.h"
#include "store/personas.h"
#include "store/reflections.h"
#include "store/risks.h"
#include "store/sql/db.h"
#include "store/sql/watched_db.h"
#include "store/store.h"
#include "store/tools.h"
#include "store/users.h"

namespace solipraxis::store::sql {

// What every aggregate works on: the store's Db (watched for storage faults)
// and clock. Both outlive the aggregate (SqlStore owns all three).
class SqlPart {
 public:
  SqlPart(Db& db, core::Clock& clock) : db_(&db), clock_(clock) {}

 protected:
  Db* db_;
  core::Clock& clock_;
};

class SqlUsers final : public Users, SqlPart {
 public:
  using SqlPart::SqlPart;

  Result<User> create_user(const NewUser& user) override;
  Result<User> user(UserId user) override;
  Result<User> user_by_email(std::string_view email) override;
  Result<std::vector<User>> users() override;
  Result<std::vector<ApiToken>> change_password(UserId user, std::string_view password_hash,
                                                const Actor& actor) override;
  Status set_user_lang(UserId user, std::string_view lang) override;
  Status set_user_name(UserId user, std::string_view name) override;

  Status create_session(const LoginSession& session) override;
  Result<LoginSession> session(std::string_view id_hash) override;
  Result<SessionUser> session_with_user(std::string_view id_hash) override;
  Status touch_session(std::string_view id_hash) override;
  Status delete_session(std::string_view id_hash) override;
  Status delete_sessions_of_user(UserId user) override;
  Result<int> delete_expired_sessions() override;

  Result<ApiToken> create_token(UserId user, std::string_view name,
                                std::string_view token_hash) override;
  Result<ApiToken> token_by_hash(std::string_view token_hash) override;
  Result<std::vector<ApiToken>> tokens(UserId user) override;
  Status touch_token(TokenId token) override;
  Status delete_token(UserId user, TokenId token) override;
};

class SqlOrgs final : public Orgs, SqlPart {
 public:
  using SqlPart::SqlPart;

  Result<Org> create_org(std::string_view slug, std::string_view name, const Actor& actor) override;
  Result<Org> org_by_slug(std::string_view slug) override;
  Result<Org> org(OrgId org) override;
  Result<Org> rename_org(OrgId org, std::string_view name, const Actor& actor) override;
  Result<std::vector<UserOrg>> orgs_with_roles(UserId user) override;
  Result<std::vector<Org>> orgs() override;
  Status set_org_time_zone(OrgId org, std::string_view zone, const Actor& actor) override;

  Status add_member(OrgId org, UserId user, Role role, const Actor& actor) override;
  Result<Role> member_role(OrgId org, UserId user) override;
  Status set_member_role(OrgId org, UserId user, Role role, const Actor& actor) override;
  Status remove_member(OrgId org, UserId user, const Actor& actor) override;
  Result<std::vector<Member>> members(OrgId org) override;

  Result<Invite> create_invite(OrgId org, const Invite& invite, const Actor& actor) override;
  Result<std::vector<Invite>> open_invites(OrgId org) override;
  Status revoke_invite(OrgId org, std::int64_t invite_id, const Actor& actor) override;
  Result<Invite> invite_by_token_hash(std::string_view token_hash) override;
  Status accept_invite(std::string_view token_hash, UserId user) override;
};

class SqlTools final : public Tools, SqlPart {
 public:
  using SqlPart::SqlPart;

  Result<Page<core::Tool>> list_tools(OrgId org, const ToolFilter& filter,
                                      const PageRequest& page) override;
  Result<core::Tool> tool(OrgId org, core::ToolId id) override;
  Result<core::Tool> create_tool(OrgId org, const core::Tool& tool, const Actor& actor) override;
  Result<core::Tool> update_tool(OrgId org, const core::Tool& tool, std::int64_t expected_version,
                                 const Actor& actor) override;
  Result<ToolTransition> transition_tool(OrgId org, core::ToolId id,
                                         const core::TransitionRequest& request,
                                         std::optional<std::int64_t> expected_version,
                                         const Actor& actor) override;
  Result<std::vector<core::Decision>> decisions(OrgId org, core::ToolId tool) override;
  Result<core::ToolRecord> record(OrgId org, core::ToolId id) override;
  Result<std::vector<NonUseEntry>> non_use_tools(OrgId org) override;
  Result<std::vector<core::Tool>> tools_due_for_review(OrgId org, core::Date until) override;
  Result<std::vector<core::RedLine>> red_lines(OrgId org) override;
  Result<core::RedLine> create_red_line(OrgId org, std::string_view text,
                                        const Actor& actor) override;
  Result<core::RedLine> update_red_line(OrgId org, const core::RedLine& line,
                                        const Actor& actor) override;
  Status delete_red_line(OrgId org, core::RedLineId id, const Actor& actor) override;
  Result<int> review_interval_months(OrgId org) override;
  Status set_review_interval_months(OrgId org, int months, const Actor& actor) override;
  Result<ReviewFeed> review_feed(OrgId org) override;
  Result<ReviewFeed> set_review_feed(OrgId org, std::string_view secret_hash,
                                     const Actor& actor) override;
  Status delete_review_feed(OrgId org, const Actor& actor) override;
};

class SqlCatalog final : public Catalog, SqlPart {
 public:
  using SqlPart::SqlPart;

  Status index_catalog(int version, const std::vector<core::SearchDoc>& docs) override;
  Result<std::vector<CatalogHit>> search_catalog(int version, const CatalogQuery& query) override;
  Result<std::vector<CatalogHit>> search_org_catalog(OrgId org, int version,
                                                     const CatalogQuery& query) override;
  Result<OrgCatalog> org_catalog(OrgId org) override;
  Result<OrgCatalogEntry> org_catalog_entry(OrgId org, std::int64_t id) override;
  Result<OrgCatalogEntry> create_org_catalog_entry(OrgId org, const OrgCatalogEntry& entry,
                                                   const Actor& actor) override;
  Result<OrgCatalogEntry> update_org_catalog_entry(OrgId org, const OrgCatalogEntry& entry,
                                                   const Actor& actor) override;
  Status delete_org_catalog_entry(OrgId org, std::int64_t id, const Actor& actor) override;
  Status set_catalog_entry_hidden(OrgId org, std::string_view entry_id, bool hidden,
                                  const Actor& actor) override;
  Status set_catalog_order(OrgId org, int phase, std::string_view kind,
                           const std::vector<std::string>& entry_ids, const Actor& actor) override;
};

class SqlChecker final : public Checker, SqlPart {
 public:
  using SqlPart::SqlPart;

  Result<CheckerSettings> checker_settings(OrgId org) override;
  Result<CheckerSettings> set_checker_settings(OrgId org, const CheckerSettings& settings,
                                               const Actor& actor) override;
};

class SqlAudit final : public Audit, SqlPart {
 public:
  using SqlPart::SqlPart;

  using Audit::audit_log;
  Result<Page<AuditEntry>> audit_log(OrgId org, const AuditFilter& filter,
                                     const PageRequest& page) override;
};

class SqlReflections final : public Reflections, SqlPart {
 public:
  using SqlPart::SqlPart;

  Result<ReflectionRound> create_round(OrgId org, const NewRound& round,
                                       const Actor& actor) override;
  Result<ReflectionRound> round(OrgId org, std::int64_t round_id) override;
  Result<std::vector<ReflectionRound>> rounds(OrgId org, std::optional<core::ToolId> tool) override;
  Result<Reflection> start(OrgId org, std::int64_t round_id, const Author& author,
                           const Actor& actor) override;
  Result<Reflection> reflection(OrgId org, std::int64_t reflection_id,
                                const Author& author) override;
  Result<Reflection> mine(OrgId org, std::int64_t round_id, const Author& author) override;
  Result<SectionAnswers> save_section(OrgId org, std::int64_t reflection_id, const Author& author,
                                      const SectionAnswers& section,
                                      std::int64_t expected_version, const Actor& actor) override;
  Result<Reflection> finish_stage(OrgId org, std::int64_t reflection_id, const Author& author,
                                  int stage, const Actor& actor) override;
  Result<TeamView> team_view(OrgId org, std::int64_t round_id) override;
  Result<std::vector<FollowUp>> follow_ups(OrgId org) override;
};

class SqlPersonas final : public Personas, SqlPart {
 public:
  using SqlPart::SqlPart;

  Result<std::vector<core::Persona>> list(OrgId org) override;
  Result<core::Persona> get(OrgId org, PersonaId id) override;
  Result<core::Persona> create(OrgId org, const core::Persona& persona,
                               const Actor& actor) override;
  Result<core::Persona> update(OrgId org, const core::Persona& persona,
                               std::int64_t expected_version, const Actor& actor) override;
  Status remove(OrgId org, PersonaId id, bool detach_from_risks, const Actor& actor) override;
  Result<std::vector<core::Persona>> of_tool(OrgId org, core::ToolId tool) override;
  Status attach(OrgId org, core::ToolId tool, PersonaId persona, const Actor& actor) override;
  Status detach(OrgId org, core::ToolId tool, PersonaId persona, const Actor& actor) override;
};

class SqlRisks final : public Risks, SqlPart {
 public:
  using SqlPart::SqlPart;

  Result<std::vector<core::Risk>> list(OrgId org, const RiskFilter& filter) override;
  Result<core::Risk> get(OrgId org, RiskId id) override;
  Result<core::Risk> create(OrgId org, const core::Risk& risk, const Actor& actor) override;
  Result<core::Risk> update(OrgId org, const core::Risk& risk, std::string_view reason,
                            std::int64_t expected_version, const Actor& actor) override;
  Status remove(OrgId org, RiskId id, const Actor& actor) override;
  Result<std::vector<core::Assessment>> history(OrgId org, RiskId id) override;
};

class SqlLive final : public Live, SqlPart {
 public:
  using SqlPart::SqlPart;

  Result<LiveSession> create(OrgId org, const NewLiveSession& in, const Actor& actor) override;
  Result<LiveSession> session(OrgId org, std::int64_t id) override;
  Result<std::vector<LiveSession>> sessions(OrgId org, std::optional<core::ToolId> tool) override;
  Result<LiveSession> setup(OrgId org, std::int64_t id, const LiveSetup& setup,
                            const Actor& actor) override;
  Result<LiveChange> go_to_step(OrgId org, std::int64_t id, int step, const Actor& actor) override;
  Result<LiveChange> timer(OrgId org, std::int64_t id, TimerAction action, std::int64_t seconds,
                           const Actor& actor) override;
  Result<LiveChange> reveal(OrgId org, std::int64_t id, int step, const Actor& actor) override;
  Result<LiveChange> set_notes(OrgId org, std::int64_t id, int step, const std::string& notes,
                               const Actor& actor) override;
  Result<LiveChange> group(OrgId org, std::int64_t id, std::optional<std::int64_t> cluster,
                           const std::string& name, const std::vector<std::int64_t>& cards,
                           const Actor& actor) override;
  Result<LiveChange> ungroup(OrgId org, std::int64_t id, const std::vector<std::int64_t>& cards,
                             const Actor& actor) override;
  Result<LiveChange> add_action(OrgId org, std::int64_t id, const LiveAction& action,
                                const Actor& actor) override;
  Result<LiveChange> remove_action(OrgId org, std::int64_t id, std::int64_t action,
                                   const Actor& actor) override;
  Result<LiveChange> end(OrgId org, std::int64_t id, std::optional<core::Date> review_date,
                         const Actor& actor) override;
  Result<LiveRoom> room(std::string_view code) override;
  Status join(OrgId org, std::int64_t id, const ParticipantKey& key,
              const std::string& display_name) override;
  Result<LiveChange> add_card(OrgId org, std::int64_t id, int step, const std::string& column,
                              const std::string& text, const ParticipantKey& key,
                              std::string_view nonce) override;
  Result<LiveChange> edit_card(OrgId org, std::int64_t id, std::int64_t card,
                               const std::string& text, const ParticipantKey& key) override;
  Result<LiveChange> remove_card(OrgId org, std::int64_t id, std::int64_t card,
                                 const ParticipantKey& key) override;
  Result<LiveChange> vote(OrgId org, std::int64_t id, std::int64_t card, const ParticipantKey& key,
                          bool add) override;
  Result<LiveBoard> board(OrgId org, std::int64_t id,
                          const std::optional<ParticipantKey>& key) override;
  Result<std::vector<LiveEvent>> events(OrgId org, std::int64_t id, std::int64_t after,
                                        int limit) override;
};

class SqlActionItems final : public ActionItems, SqlPart {
 public:
  using SqlPart::SqlPart;

  Result<std::vector<ActionItem>> items(OrgId org, std::optional<core::ToolId> tool,
                                        bool open_only) override;
  Result<ActionItem> set_done(OrgId org, std::int64_t id, bool done, const Actor& actor) override;
};

class SqlFeedback final : public Feedback, SqlPart {
 public:
  using SqlPart::SqlPart;

  Result<bool> channel_open(OrgId org, core::ToolId tool) override;
  Result<std::int64_t> submit(OrgId org, core::ToolId tool, const core::FeedbackInput& in,
                              const std::string& pickup_hash) override;
  Result<FeedbackPickup> pickup(OrgId org, const std::string& pickup_hash) override;
  Status forget_contact_by_code(OrgId org, const std::string& pickup_hash) override;
  Result<Page<FeedbackItem>> items(OrgId org, const FeedbackFilter& filter) override;
  Result<FeedbackItem> item(OrgId org, std::int64_t id) override;
  Result<std::string> contact(OrgId org, std::int64_t id) override;
  Result<FeedbackItem> set_state(OrgId org, std::int64_t id, core::FeedbackState state,
                                 const Actor& actor) override;
  Result<FeedbackItem> reply(OrgId org, std::int64_t id, const std::string& text,
                             const Actor& actor) override;
  Status forget_contact(OrgId org, std::int64_t id, const Actor& actor) override;
  Result<FeedbackItem> link_risk(OrgId org, std::int64_t id, core::RiskId risk,
                                 const Actor& actor) override;
  Result<FeedbackItem> to_action_item(OrgId org, std::int64_t id, const FeedbackAction& action,
                                      const Actor& actor) override;
  Status remove(OrgId org, std::int64_t id, const Actor& actor) override;
  Result<std::vector<FeedbackChannel>> channels(OrgId org) override;
  Status set_channel(OrgId org, core::ToolId tool, bool open, const Actor& actor) override;
  Result<std::map<core::ToolId, FeedbackCounts>> counts(OrgId org) override;
  Result<bool> counts_public(OrgId org) override;
  Status set_counts_public(OrgId org, bool show, const Actor& actor) override;
};

class SqlStore final : public Store {
 public:
  // `read_only`: opened read-only on purpose; every write is refused (watched_db.h).
  SqlStore(std::unique_ptr<Db> db, core::Clock& clock, bool read_only = false)
      : SqlStore(std::make_unique<WatchedDb>(std::move(db), read_only), clock) {}

  const char* engine() const override { return db_->engine(); }
  Result<int> schema_version() override;
  Status ping() override;
  std::string write_fault() const override { return watched_->fault(); }
  bool read_only() const override { return watched_->read_only(); }
  Status check_writable() override;

  Users& users() override { return users_; }
  Orgs& orgs() override { return orgs_; }
  Tools& tools() override { return tools_; }
  Catalog& catalog() override { return catalog_; }
  Checker& checker() override { return checker_; }
  Audit& audit() override { return audit_; }
  Reflections& reflections() override { return reflections_; }
  Personas& personas() override { return personas_; }
  Risks& risks() override { return risks_; }
  Live& live() override { return live_; }
  ActionItems& action_items() override { return action_items_; }
  Feedback& feedback() override { return feedback_; }

  Db& db() { return *db_; }

 private:
  SqlStore(std::unique_ptr<WatchedDb> db, core::Clock& clock)
      : watched_(db.get()),
        db_(std::move(db)),
        clock_(clock),
        users_(*db_, clock),
        orgs_(*db_, clock),
        tools_(*db_, clock),
        catalog_(*db_, clock),
        checker_(*db_, clock),
        audit_(*db_, clock),
        reflections_(*db_, clock),
        personas_(*db_, clock),
        risks_(*db_, clock),
        live_(*db_, clock),
        action_items_(*db_, clock),
        feedback_(*db_, clock) {}

  WatchedDb* watched_;       // owned by db_
  std::unique_ptr<Db> db_;
  core::Clock& clock_;
  SqlUsers users_;
  SqlOrgs orgs_;
  SqlTools tools_;
  SqlCatalog catalog_;
  SqlChecker checker_;
  SqlAudit audit_;
  SqlReflections reflections_;
  SqlPersonas personas_;
  SqlRisks risks_;
  SqlLive live_;
  SqlActionItems action_items_;
  SqlFeedback feedback_;
};

}  // namespace solipraxis::store::sql
