// Contract: every change to org data writes one audit row in the same
// transaction; refused changes write none.
#include <nlohmann/json.hpp>

#include "store/audit.h"
#include "store/common.h"
#include "store/orgs.h"
#include "store/paging.h"
#include "store/store.h"
#include "store/users.h"
#include "store_fixture.h"

namespace solipraxis::store::testing {
namespace {

std::vector<std::string> actions(const std::vector<AuditEntry>& entries) {
  std::vector<std::string> out;
  for (auto it = entries.rbegin(); it != entries.rend(); ++it) out.push_back(it->action);
  return out;  // oldest first
}

TEST_P(StoreContract, EveryOrgChangeIsAudited) {
  clock_.set(1'800'000'000);
  User owner = make_user("owner@example.org");
  const Actor by_owner{owner.id, "web"};
  auto org = store_->orgs().create_org("verein", "Verein", by_owner);
  ASSERT_OK(org);
  User m = make_user("m@example.org");
  ASSERT_OK(store_->orgs().add_member(org->id, owner.id, Role::kOwner, by_owner));
  ASSERT_OK(store_->orgs().add_member(org->id, m.id, Role::kMember, by_owner));
  ASSERT_OK(store_->orgs().set_member_role(org->id, m.id, Role::kEditor, by_owner));
  ASSERT_OK(store_->orgs().set_member_role(org->id, m.id, Role::kEditor, by_owner));  // no change
  Invite inv;
  inv.token_hash = hash_token("i");
  inv.email = "neu@example.org";
  inv.expires_at = clock_.now() + 100;
  auto made = store_->orgs().create_invite(org->id, inv, by_owner);
  ASSERT_OK(made);
  ASSERT_OK(store_->orgs().revoke_invite(org->id, made->id, by_owner));
  inv.token_hash = hash_token("j");
  inv.email = "";
  ASSERT_OK(store_->orgs().create_invite(org->id, inv, by_owner));
  User neu = make_user("neu@example.org");
  ASSERT_OK(store_->orgs().accept_invite(hash_token("j"), neu.id));
  ASSERT_OK(store_->orgs().remove_member(org->id, m.id, by_owner));

  auto entries = audit(org->id);
  EXPECT_EQ(actions(entries),
            (std::vector<std::string>{"org.create", "member.add", "member.add", "member.role",
                                      "invite.create", "invite.revoke", "invite.create",
                                      "invite.accept", "member.add", "member.remove"}));
  for (const AuditEntry& e : entries) {
    EXPECT_EQ(e.org_id, org->id);
    EXPECT_EQ(e.at, 1'800'000'000);
    if (e.action == "invite.accept" || (e.action == "member.add" && e.entity_id == std::to_string(neu.id.value))) {
      EXPECT_EQ(e.actor, neu.id);
      EXPECT_EQ(e.via, "invite");
    } else {
      EXPECT_EQ(e.actor, owner.id) << e.action;
      EXPECT_EQ(e.via, "web");
    }
    // Summaries are JSON (or empty) and never hold secrets.
    for (const std::string* s : {&e.before, &e.after}) {
      if (!s->empty()) {
        EXPECT_TRUE(nlohmann::json::accept(*s)) << *s;
      }
      EXPECT_EQ(s->find(hash_token("i")), std::string::npos);
    }
  }
  const AuditEntry& role_change = entries.at(entries.size() - 4);
  EXPECT_EQ(role_change.action, "member.role");
  EXPECT_EQ(role_change.entity, "membership");
  EXPECT_EQ(role_change.entity_id, std::to_string(m.id.value));
  EXPECT_EQ(nlohmann::json::parse(role_change.before)["role"], "member");
  EXPECT_EQ(nlohmann::json::parse(role_change.after)["role"], "editor");
  EXPECT_EQ(nlohmann::json::parse(entries.back().after)["slug"], "verein");  // org.create
  EXPECT_TRUE(entries.back().before.empty());
  EXPECT_TRUE(entries.front().after.empty());  // member.remove
}

TEST_P(StoreContract, RefusedChangesWriteNoAuditRow) {
  Org org = make_org("verein");
  User a = make_user("a@example.org");
  ASSERT_OK(store_->orgs().add_member(org.id, a.id, Role::kOwner, actor_));
  const auto before = audit(org.id).size();
  EXPECT_FALSE(store_->orgs().set_member_role(org.id, a.id, Role::kMember, actor_).has_value());
  EXPECT_FALSE(store_->orgs().remove_member(org.id, a.id, actor_).has_value());
  EXPECT_FALSE(store_->orgs().add_member(org.id, a.id, Role::kMember, actor_).has_value());
  EXPECT_FALSE(store_->orgs().create_org("verein", "again", actor_).has_value());
  EXPECT_EQ(audit(org.id).size(), before);
  EXPECT_EQ(count_raw("SELECT COUNT(*) FROM audit_log"), static_cast<std::int64_t>(before));
}

TEST_P(StoreContract, TheAuditLogPagesNewestFirst) {
  Org org = make_org("verein");
  for (int i = 0; i < 4; ++i) {
    User u = make_user("u" + std::to_string(i) + "@example.org");
    ASSERT_OK(store_->orgs().add_member(org.id, u.id, Role::kMember, actor_));
  }
  std::vector<std::int64_t> ids;
  PageRequest req{2, ""};
  for (int pages = 0; pages < 10; ++pages) {
    auto page = store_->audit().audit_log(org.id, req);
    ASSERT_OK(page);
    EXPECT_LE(page->items.size(), 2u);
    for (const auto& e : page->items) ids.push_back(e.id);
    if (page->next.empty()) break;
    req.cursor = page->next;
  }
  ASSERT_EQ(ids.size(), 5u);  // org.create + 4 member.add
  EXPECT_TRUE(std::is_sorted(ids.rbegin(), ids.rend()));
  EXPECT_ERR(store_->audit().audit_log(org.id, PageRequest{2, "kaputt"}), kInvalidInput);
}

}  // namespace
}  // namespace solipraxis::store::testing
