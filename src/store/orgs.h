// Organisations and who belongs to them: the org itself (slug, name, time
// zone), memberships with their roles, and invitation links. Every call about
// an org takes its OrgId; each change is audited in the same transaction.
// Implemented once in store/sql/orgs.cc, members.cc and org_settings.cc.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/common.h"
#include "store/users.h"

namespace solipraxis::store {

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

// One of a person's orgs with the person's role in it (Orgs::orgs_with_roles).
struct UserOrg {
  Org org;
  Role role = Role::kMember;
};

struct Member {
  User user;
  Role role = Role::kMember;
  UnixTime since = 0;
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

class Orgs {
 public:
  virtual ~Orgs() = default;

  virtual Result<Org> create_org(std::string_view slug, std::string_view name,
                                 const Actor& actor) = 0;
  virtual Result<Org> org_by_slug(std::string_view slug) = 0;
  virtual Result<Org> org(OrgId org) = 0;
  // Changes the display name (validate_org_name); the slug never changes.
  // Audited as "org.rename" with the old and new name; the same name is a no-op.
  virtual Result<Org> rename_org(OrgId org, std::string_view name, const Actor& actor) = 0;
  // The orgs the user belongs to, by slug (byte order), each with the user's role, in one
  // query: a signed-in page checks access and shows the header's org list from this one read.
  virtual Result<std::vector<UserOrg>> orgs_with_roles(UserId user) = 0;
  virtual Result<std::vector<Org>> orgs() = 0;  // all orgs, by slug (CLI, admin)
  // The org's time zone: an IANA id ICU knows (validate_time_zone), else
  // kInvalidInput "error.org.time_zone_invalid". Audited as "org.time_zone"
  // with the old and new id; the same id is a no-op.
  virtual Status set_org_time_zone(OrgId org, std::string_view zone, const Actor& actor) = 0;

  // --- memberships ---
  virtual Status add_member(OrgId org, UserId user, Role role, const Actor& actor) = 0;
  virtual Result<Role> member_role(OrgId org, UserId user) = 0;  // not_found if no member
  // Refuses (conflict) to leave an org without an owner.
  virtual Status set_member_role(OrgId org, UserId user, Role role, const Actor& actor) = 0;
  virtual Status remove_member(OrgId org, UserId user, const Actor& actor) = 0;
  virtual Result<std::vector<Member>> members(OrgId org) = 0;

  // --- invitations ---
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
};

}  // namespace solipraxis::store
