// Store contract: a person's display name can change (account page, PATCH
// /api/v1/me); names are checked like at creation and a bad one changes nothing.
#include "store/store.h"
#include "store/users.h"
#include "store_fixture.h"

namespace solipraxis::store::testing {
namespace {

TEST_P(StoreContract, UserNameCanChangeAndIsValidated) {
  User u = make_user("name@example.org");
  ASSERT_OK(store_->users().set_user_name(u.id, "Ada Lovelace"));
  EXPECT_EQ(store_->users().user(u.id)->name, "Ada Lovelace");
  EXPECT_ERR(store_->users().set_user_name(u.id, std::string(101, 'x')), kInvalidInput);
  EXPECT_ERR(store_->users().set_user_name(u.id, "bad\x01name"), kInvalidInput);
  EXPECT_EQ(store_->users().user(u.id)->name, "Ada Lovelace") << "a refused name changes nothing";
  ASSERT_OK(store_->users().set_user_name(u.id, ""));  // a name is optional
  EXPECT_ERR(store_->users().set_user_name(UserId(999999), "x"), kNotFound);
}

}  // namespace
}  // namespace solipraxis::store::testing
