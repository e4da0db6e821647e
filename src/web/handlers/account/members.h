// Members of an organisation and invitations. Everyone in the org sees the
// list; only owners invite (a single-use link, valid 7 days), revoke open
// invitations, change roles and remove members. The store refuses to leave an
// org without an owner (409 here). Every change is audited by the store.
#pragma once

#include "web/auth/auth.h"

namespace solipraxis::web::handlers {

inline constexpr std::int64_t kInviteLifetime = 7 * 24 * 3600;

Response members_page(auth::Auth& auth, Request& req);    // GET  /o/{org}/members
Response invite_create(auth::Auth& auth, Request& req);   // POST /o/{org}/invites
Response invite_revoke(auth::Auth& auth, Request& req);   // POST /o/{org}/invites/{id}/revoke
Response member_role(auth::Auth& auth, Request& req);     // POST /o/{org}/members/{user}/role
Response member_remove(auth::Auth& auth, Request& req);   // POST /o/{org}/members/{user}/remove

// The absolute invitation URL for a token, on base_url (public_register.h):
// serve --public-url, else a valid Host header, else the listen address.
std::string invite_url(auth::Auth& auth, const Request& req, std::string_view token);

}  // namespace solipraxis::web::handlers
