// Contract: orgs, users, memberships and roles, tenant isolation.
#include "store/audit.h"
#include "store/common.h"
#include "store/orgs.h"
#include "store/paging.h"
#include "store/store.h"
#include "store/users.h"
#include "store_fixture.h"

namespace solipraxis::store::testing {
namespace {

TEST_P(StoreContract, OrgsAreCreatedAndFoundBySlugAndId) {
  clock_.set(1'800'000'000);
  auto org = store_->orgs().create_org("mein-verein", "Mein Verein e. V.", actor_);
  ASSERT_OK(org);
  EXPECT_TRUE(org->id.valid());
  EXPECT_EQ(org->created_at, 1'800'000'000);
  auto by_slug = store_->orgs().org_by_slug("mein-verein");
  ASSERT_OK(by_slug);
  EXPECT_EQ(by_slug->id, org->id);
  EXPECT_EQ(by_slug->name, "Mein Verein e. V.");
  auto by_id = store_->orgs().org(org->id);
  ASSERT_OK(by_id);
  EXPECT_EQ(by_id->slug, "mein-verein");
  EXPECT_ERR(store_->orgs().org_by_slug("fehlt"), kNotFound);
  EXPECT_ERR(store_->orgs().org(OrgId(999999)), kNotFound);
}

TEST_P(StoreContract, OrgSlugsAreUnique) {
  make_org("doppelt");
  auto again = store_->orgs().create_org("doppelt", "Anderer Name", actor_);
  EXPECT_ERR(again, kConflict);
  EXPECT_EQ(again.error().key, "error.org.slug_taken");
  auto all = store_->orgs().orgs();
  ASSERT_OK(all);
  EXPECT_EQ(all->size(), 1u);
  EXPECT_EQ(all->front().name, "Org doppelt");
}

TEST_P(StoreContract, OrgSlugAndNameAreValidated) {
  EXPECT_ERR(store_->orgs().create_org("A", "Name", actor_), kInvalidInput);
  EXPECT_ERR(store_->orgs().create_org("mit leerzeichen", "Name", actor_), kInvalidInput);
  EXPECT_ERR(store_->orgs().create_org(std::string(41, 'a'), "Name", actor_), kInvalidInput);
  EXPECT_ERR(store_->orgs().create_org("gut", "", actor_), kInvalidInput);
  EXPECT_ERR(store_->orgs().create_org("gut", std::string(101, 'n'), actor_), kInvalidInput);
  ASSERT_OK(store_->orgs().create_org("gut", std::string(100, 'n'), actor_));
  auto all = store_->orgs().orgs();
  ASSERT_OK(all);
  EXPECT_EQ(all->size(), 1u);  // nothing stored by the refused calls
}

TEST_P(StoreContract, UsersHaveUniqueCaseInsensitiveEmails) {
  auto ada = store_->users().create_user({"Ada@Example.org", "Ada", "$argon2id$x", "de"});
  ASSERT_OK(ada);
  EXPECT_EQ(ada->email, "ada@example.org");
  auto dup = store_->users().create_user({"ADA@example.ORG", "Other", "$argon2id$y", ""});
  EXPECT_ERR(dup, kConflict);
  EXPECT_EQ(dup.error().key, "error.user.email_taken");
  auto found = store_->users().user_by_email("ADA@EXAMPLE.ORG");
  ASSERT_OK(found);
  EXPECT_EQ(found->id, ada->id);
  EXPECT_EQ(found->name, "Ada");
  EXPECT_EQ(found->password_hash, "$argon2id$x");
  EXPECT_EQ(found->lang, "de");
  EXPECT_ERR(store_->users().user_by_email("nobody@example.org"), kNotFound);
  auto all = store_->users().users();
  ASSERT_OK(all);
  EXPECT_EQ(all->size(), 1u);
}

TEST_P(StoreContract, UserInputIsValidated) {
  EXPECT_ERR(store_->users().create_user({"kein-at", "", "$h", ""}), kInvalidInput);
  EXPECT_ERR(store_->users().create_user({"a@b.de", std::string(101, 'x'), "$h", ""}), kInvalidInput);
  EXPECT_ERR(store_->users().create_user({"a@b.de", "", "$h", "fr"}), kInvalidInput);
  EXPECT_ERR(store_->users().create_user({"a@b.de", "", "", ""}), kInvalidInput);
  auto all = store_->users().users();
  ASSERT_OK(all);
  EXPECT_TRUE(all->empty());
}

TEST_P(StoreContract, UserPasswordAndLanguageCanChange) {
  User u = make_user("u@example.org");
  ASSERT_OK(store_->users().change_password(u.id, "$argon2id$new", actor_));
  ASSERT_OK(store_->users().set_user_lang(u.id, "en"));
  EXPECT_ERR(store_->users().set_user_lang(u.id, "xx"), kInvalidInput);
  auto again = store_->users().user(u.id);
  ASSERT_OK(again);
  EXPECT_EQ(again->password_hash, "$argon2id$new");
  EXPECT_EQ(again->lang, "en");
  EXPECT_ERR(store_->users().set_user_lang(UserId(999999), "de"), kNotFound);
  EXPECT_ERR(store_->users().user(UserId(999999)), kNotFound);
}

TEST_P(StoreContract, APasswordChangeRevokesTokensAndSessionsAndIsAuditedInEachOrg) {
  Org a = make_org("verein-a");
  Org b = make_org("verein-b");
  User u = make_user("u@example.org");
  User other = make_user("other@example.org");
  ASSERT_OK(store_->orgs().add_member(a.id, u.id, Role::kOwner, actor_));
  ASSERT_OK(store_->orgs().add_member(b.id, u.id, Role::kMember, actor_));
  ASSERT_OK(store_->users().create_token(u.id, "Skript", "hash-1"));
  ASSERT_OK(store_->users().create_token(u.id, "Kalender", "hash-2"));
  ASSERT_OK(store_->users().create_token(other.id, "fremd", "hash-3"));
  ASSERT_OK(store_->users().create_session({"sess-u", u.id, "csrf", 0, 0, clock_.now() + 3600}));
  ASSERT_OK(store_->users().create_session({"sess-o", other.id, "csrf", 0, 0, clock_.now() + 3600}));

  const Actor by_u{u.id, "web"};
  auto revoked = store_->users().change_password(u.id, "$argon2id$new", by_u);
  ASSERT_OK(revoked);
  ASSERT_EQ(revoked->size(), 2u);
  EXPECT_EQ((*revoked)[0].name, "Skript");
  EXPECT_EQ((*revoked)[1].name, "Kalender");
  EXPECT_ERR(store_->users().token_by_hash("hash-1"), kNotFound);
  EXPECT_ERR(store_->users().token_by_hash("hash-2"), kNotFound);
  EXPECT_ERR(store_->users().session("sess-u"), kNotFound);
  ASSERT_OK(store_->users().token_by_hash("hash-3"));  // another person's token stays
  ASSERT_OK(store_->users().session("sess-o"));  // another person's session stays
  EXPECT_EQ(store_->users().user(u.id)->password_hash, "$argon2id$new");

  for (const Org& org : {a, b}) {
    auto log = store_->audit().audit_log(org.id, AuditFilter{{"user"}, ""}, PageRequest{});
    ASSERT_OK(log);
    ASSERT_EQ(log->items.size(), 1u) << org.slug;
    const AuditEntry& e = log->items.front();
    EXPECT_EQ(e.action, "user.password");
    EXPECT_EQ(e.entity_id, std::to_string(u.id.value));
    EXPECT_EQ(e.actor, u.id);
    EXPECT_EQ(e.after, R"({"tokens_revoked":2})");
  }
  EXPECT_ERR(store_->users().change_password(UserId(999999), "$argon2id$x", actor_), kNotFound);
  EXPECT_ERR(store_->users().change_password(u.id, "", actor_), kInvalidInput);
}

TEST_P(StoreContract, MembersHaveRoles) {
  Org org = make_org("verein");
  User owner = make_user("owner@example.org");
  User editor = make_user("editor@example.org");
  ASSERT_OK(store_->orgs().add_member(org.id, owner.id, Role::kOwner, actor_));
  ASSERT_OK(store_->orgs().add_member(org.id, editor.id, Role::kEditor, actor_));
  EXPECT_ERR(store_->orgs().add_member(org.id, editor.id, Role::kMember, actor_), kConflict);
  auto role = store_->orgs().member_role(org.id, editor.id);
  ASSERT_OK(role);
  EXPECT_EQ(*role, Role::kEditor);
  ASSERT_OK(store_->orgs().set_member_role(org.id, editor.id, Role::kMember, actor_));
  EXPECT_EQ(*store_->orgs().member_role(org.id, editor.id), Role::kMember);
  auto members = store_->orgs().members(org.id);
  ASSERT_OK(members);
  ASSERT_EQ(members->size(), 2u);
  EXPECT_EQ(members->at(0).user.email, "editor@example.org");
  EXPECT_EQ(members->at(0).role, Role::kMember);
  EXPECT_EQ(members->at(1).role, Role::kOwner);
  auto orgs = store_->orgs().orgs_with_roles(editor.id);
  ASSERT_OK(orgs);
  ASSERT_EQ(orgs->size(), 1u);
  EXPECT_EQ(orgs->front().org.slug, "verein");
  Org other = make_org("aaa-zuerst");
  ASSERT_OK(store_->orgs().add_member(other.id, editor.id, Role::kEditor, actor_));
  auto with_roles = store_->orgs().orgs_with_roles(editor.id);
  ASSERT_OK(with_roles);
  ASSERT_EQ(with_roles->size(), 2u);  // by slug, each with this person's role
  EXPECT_EQ(with_roles->at(0).org.slug, "aaa-zuerst");
  EXPECT_EQ(with_roles->at(0).org.id, other.id);
  EXPECT_EQ(with_roles->at(0).role, Role::kEditor);
  EXPECT_EQ(with_roles->at(1).org.slug, "verein");
  EXPECT_EQ(with_roles->at(1).org.name, org.name);
  EXPECT_EQ(with_roles->at(1).org.time_zone, org.time_zone);
  EXPECT_EQ(with_roles->at(1).role, Role::kMember);
  ASSERT_OK(store_->orgs().remove_member(other.id, editor.id, actor_));
  EXPECT_EQ(store_->orgs().orgs_with_roles(editor.id)->size(), 1u);
  EXPECT_TRUE(store_->orgs().orgs_with_roles(UserId(999999))->empty());
  ASSERT_OK(store_->orgs().remove_member(org.id, editor.id, actor_));
  EXPECT_ERR(store_->orgs().member_role(org.id, editor.id), kNotFound);
  EXPECT_ERR(store_->orgs().remove_member(org.id, editor.id, actor_), kNotFound);
  EXPECT_ERR(store_->orgs().add_member(org.id, UserId(999999), Role::kMember, actor_), kNotFound);
  EXPECT_ERR(store_->orgs().add_member(OrgId(999999), editor.id, Role::kMember, actor_), kNotFound);
}

TEST_P(StoreContract, TheLastOwnerCannotBeDemotedOrRemoved) {
  Org org = make_org("verein");
  User a = make_user("a@example.org");
  User b = make_user("b@example.org");
  ASSERT_OK(store_->orgs().add_member(org.id, a.id, Role::kOwner, actor_));
  ASSERT_OK(store_->orgs().add_member(org.id, b.id, Role::kMember, actor_));
  auto demote = store_->orgs().set_member_role(org.id, a.id, Role::kEditor, actor_);
  EXPECT_ERR(demote, kConflict);
  EXPECT_EQ(demote.error().key, "error.member.last_owner");
  EXPECT_ERR(store_->orgs().remove_member(org.id, a.id, actor_), kConflict);
  EXPECT_EQ(*store_->orgs().member_role(org.id, a.id), Role::kOwner);
  // With a second owner, the first may step down.
  ASSERT_OK(store_->orgs().set_member_role(org.id, b.id, Role::kOwner, actor_));
  ASSERT_OK(store_->orgs().set_member_role(org.id, a.id, Role::kMember, actor_));
  EXPECT_ERR(store_->orgs().remove_member(org.id, b.id, actor_), kConflict);
  ASSERT_OK(store_->orgs().remove_member(org.id, a.id, actor_));
}

TEST_P(StoreContract, DataOfOneOrgIsNotFoundThroughAnother) {
  Org a = make_org("org-a");
  Org b = make_org("org-b");
  User ua = make_user("a@example.org");
  User ub = make_user("b@example.org");
  ASSERT_OK(store_->orgs().add_member(a.id, ua.id, Role::kOwner, actor_));
  ASSERT_OK(store_->orgs().add_member(b.id, ub.id, Role::kOwner, actor_));
  Invite inv;
  inv.token_hash = hash_token("invite-a");
  inv.expires_at = clock_.now() + 3600;
  auto made = store_->orgs().create_invite(a.id, inv, actor_);
  ASSERT_OK(made);

  EXPECT_ERR(store_->orgs().member_role(b.id, ua.id), kNotFound);
  EXPECT_ERR(store_->orgs().set_member_role(b.id, ua.id, Role::kMember, actor_), kNotFound);
  EXPECT_ERR(store_->orgs().remove_member(b.id, ua.id, actor_), kNotFound);
  EXPECT_ERR(store_->orgs().revoke_invite(b.id, made->id, actor_), kNotFound);
  auto b_invites = store_->orgs().open_invites(b.id);
  ASSERT_OK(b_invites);
  EXPECT_TRUE(b_invites->empty());
  auto b_members = store_->orgs().members(b.id);
  ASSERT_OK(b_members);
  ASSERT_EQ(b_members->size(), 1u);
  EXPECT_EQ(b_members->front().user.id, ub.id);
  for (const AuditEntry& e : audit(b.id)) EXPECT_EQ(e.org_id, b.id);
  // A's data is intact.
  EXPECT_EQ(*store_->orgs().member_role(a.id, ua.id), Role::kOwner);
  EXPECT_EQ(store_->orgs().open_invites(a.id)->size(), 1u);
}

}  // namespace
}  // namespace solipraxis::store::testing
