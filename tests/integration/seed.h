// Seeds a store for tests that drive the real server with API writes: org
// "acme" with an editor, and an API token of that editor (the token's text).
#pragma once

#include <stdexcept>
#include <string>

#include "core/clock.h"
#include "store/common.h"
#include "store/orgs.h"
#include "store/secrets.h"
#include "store/store.h"
#include "store/users.h"

namespace solipraxis::testing {

inline std::string seed_editor_token(const store::StoreConfig& config) {
  core::SystemClock clock;
  auto st = store::open_store(config, clock);
  if (!st) throw std::runtime_error(st.error().detail);
  const store::Actor actor{std::nullopt, "test"};
  auto org = (*st)->orgs().create_org("acme", "Acme", actor);
  auto user = (*st)->users().create_user({"ed@example.org", "Ed", "$argon2id$x", ""});
  if (!org || !user) throw std::runtime_error("cannot seed org and user");
  const std::string token = store::random_token();
  if (!(*st)->orgs().add_member(org->id, user->id, store::Role::kEditor, actor) ||
      !(*st)->users().create_token(user->id, "seed", store::hash_token(token))) {
    throw std::runtime_error("cannot seed the editor's token");
  }
  return token;
}

}  // namespace solipraxis::testing
