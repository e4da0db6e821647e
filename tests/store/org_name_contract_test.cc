// Store contract (issue 22): owners rename an org's display name (the slug
// stays, the change is audited with both names, a bad name changes nothing),
// and an invitation keeps its sealed token until it is used.
#include "store/orgs.h"
#include "store/secrets.h"
#include "store/store.h"
#include "store/users.h"
#include "store_fixture.h"

namespace solipraxis::store::testing {
namespace {

TEST_P(StoreContract, AnOrgIsRenamedButKeepsItsSlug) {
  auto org = store_->orgs().create_org("verein", "verein", actor_);
  ASSERT_OK(org);
  auto renamed = store_->orgs().rename_org(org->id, "Verein für Nachbarschaftshilfe e. V.", actor_);
  ASSERT_OK(renamed);
  EXPECT_EQ(renamed->slug, "verein");
  EXPECT_EQ(renamed->name, "Verein für Nachbarschaftshilfe e. V.");
  EXPECT_EQ(store_->orgs().org_by_slug("verein")->name, "Verein für Nachbarschaftshilfe e. V.");
  auto entries = audit(org->id);
  ASSERT_FALSE(entries.empty());
  EXPECT_EQ(entries.front().action, "org.rename");  // newest first
  EXPECT_EQ(entries.front().before, R"({"name":"verein"})");
  EXPECT_EQ(entries.front().after, R"({"name":"Verein für Nachbarschaftshilfe e. V."})");

  const auto count = audit(org->id).size();
  ASSERT_OK(store_->orgs().rename_org(org->id, "Verein für Nachbarschaftshilfe e. V.", actor_));
  EXPECT_EQ(audit(org->id).size(), count) << "the same name records nothing";
  EXPECT_ERR(store_->orgs().rename_org(org->id, "", actor_), kInvalidInput);
  EXPECT_ERR(store_->orgs().rename_org(org->id, std::string(300, 'x'), actor_), kInvalidInput);
  EXPECT_EQ(store_->orgs().org(org->id)->name, "Verein für Nachbarschaftshilfe e. V.");
  EXPECT_EQ(audit(org->id).size(), count) << "a refused name records nothing";
  EXPECT_ERR(store_->orgs().rename_org(OrgId(999999), "x", actor_), kNotFound);
}

TEST_P(StoreContract, AnInvitationKeepsItsSealedLinkUntilItIsUsed) {
  Org org = make_org("verein");
  const std::string key = random_token();
  Invite inv;
  inv.token_hash = hash_token("geheim");
  inv.token_sealed = seal(key, "geheim");
  inv.expires_at = clock_.now() + 3600;
  ASSERT_OK(store_->orgs().create_invite(org.id, inv, actor_));
  auto open = store_->orgs().open_invites(org.id);
  ASSERT_OK(open);
  ASSERT_EQ(open->size(), 1u);
  EXPECT_EQ(unseal(key, open->front().token_sealed), "geheim");
  User u = make_user("neu@example.org");
  ASSERT_OK(store_->orgs().accept_invite(hash_token("geheim"), u.id));
  auto used = store_->orgs().invite_by_token_hash(hash_token("geheim"));
  ASSERT_OK(used);
  EXPECT_EQ(used->token_sealed, "") << "a used link is not kept";
}

}  // namespace
}  // namespace solipraxis::store::testing
