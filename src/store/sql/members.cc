// SqlStore: memberships and invitations (org-owned; every change is audited).
//
// Invariant: an org that has an owner keeps at least one. Every call that could
// remove the last owner takes the org's lock first (lock_org), then counts.
#include <nlohmann/json.hpp>

#include "store/sql/rows.h"
#include "store/sql/sql_store.h"
#include "store/validation.h"

namespace solipraxis::store::sql {

using core::ErrorCode;
using core::make_error;
using nlohmann::json;

namespace {

// The member's current role, or not_found.
Result<Role> role_in(Tx& tx, OrgId org, UserId user) {
  auto rows = tx.query("SELECT role FROM memberships WHERE org_id = $1 AND user_id = $2",
                       {org.value, user.value});
  if (!rows) return rows.error();
  if (rows->empty()) return not_found("error.member.not_found", "not a member of this org");
  return role_from(rows->front().text(0));
}

// Conflict if `user` is the org's only owner.
Status check_not_last_owner(Tx& tx, OrgId org) {
  auto rows = tx.query("SELECT COUNT(*) FROM memberships WHERE org_id = $1 AND role = 'owner'",
                       {org.value});
  if (!rows) return rows.error();
  if (rows->front().int64(0) <= 1) {
    return make_error(ErrorCode::kConflict, "error.member.last_owner",
                      "an org needs at least one owner; make someone else owner first");
  }
  return {};
}

Result<std::string> email_of(Tx& tx, UserId user) {
  auto rows = tx.query("SELECT email FROM users WHERE id = $1", {user.value});
  if (!rows) return rows.error();
  if (rows->empty()) return not_found("error.user.not_found", "no such user");
  return rows->front().text(0);
}

Status insert_member(Tx& tx, OrgId org, UserId user, Role role, const Actor& actor,
                     core::UnixTime now) {
  auto email = email_of(tx, user);
  if (!email) return email.error();
  auto n = tx.exec(
      "INSERT INTO memberships (org_id, user_id, role, created_at) VALUES ($1, $2, $3, $4)",
      {org.value, user.value, value(role_name(role)), now});
  if (!n) {
    return rename_duplicate(n.error(), "error.member.exists", *email + " is a member already");
  }
  return write_audit(tx, org, actor, "member.add", "membership", std::to_string(user.value), "",
                     json{{"user", *email}, {"role", role_name(role)}}.dump(), now);
}

Status change_role(Tx& tx, OrgId org, UserId user, Role from, Role to, const Actor& actor,
                   core::UnixTime now) {
  auto n = tx.exec("UPDATE memberships SET role = $1 WHERE org_id = $2 AND user_id = $3",
                   {value(role_name(to)), org.value, user.value});
  if (!n) return n.error();
  return write_audit(tx, org, actor, "member.role", "membership", std::to_string(user.value),
                     json{{"role", role_name(from)}}.dump(), json{{"role", role_name(to)}}.dump(),
                     now);
}

bool valid_role(Role role) { return role >= Role::kMember && role <= Role::kOwner; }

core::Error bad_role() {
  return make_error(ErrorCode::kInvalidInput, "error.member.role_invalid",
                    "role must be owner, editor or member");
}

}  // namespace

Status SqlOrgs::add_member(OrgId org, UserId user, Role role, const Actor& actor) {
  if (!valid_role(role)) return bad_role();
  const auto now = clock_.now();
  return db_->write([&](Tx& tx) -> Status {
    if (auto st = lock_org(tx, org); !st) return st;
    return insert_member(tx, org, user, role, actor, now);
  });
}

Result<Role> SqlOrgs::member_role(OrgId org, UserId user) {
  return read_into<Role>(*db_, [&](Tx& tx, Role& out) -> Status {
    auto role = role_in(tx, org, user);
    if (!role) return role.error();
    out = *role;
    return {};
  });
}

Status SqlOrgs::set_member_role(OrgId org, UserId user, Role role, const Actor& actor) {
  if (!valid_role(role)) return bad_role();
  const auto now = clock_.now();
  return db_->write([&](Tx& tx) -> Status {
    if (auto st = lock_org(tx, org); !st) return st;
    auto current = role_in(tx, org, user);
    if (!current) return current.error();
    if (*current == role) return {};
    if (*current == Role::kOwner) {
      if (auto st = check_not_last_owner(tx, org); !st) return st;
    }
    return change_role(tx, org, user, *current, role, actor, now);
  });
}

Status SqlOrgs::remove_member(OrgId org, UserId user, const Actor& actor) {
  const auto now = clock_.now();
  return db_->write([&](Tx& tx) -> Status {
    if (auto st = lock_org(tx, org); !st) return st;
    auto current = role_in(tx, org, user);
    if (!current) return current.error();
    if (*current == Role::kOwner) {
      if (auto st = check_not_last_owner(tx, org); !st) return st;
    }
    auto email = email_of(tx, user);
    if (!email) return email.error();
    auto n = tx.exec("DELETE FROM memberships WHERE org_id = $1 AND user_id = $2",
                     {org.value, user.value});
    if (!n) return n.error();
    return write_audit(tx, org, actor, "member.remove", "membership", std::to_string(user.value),
                       json{{"user", *email}, {"role", role_name(*current)}}.dump(), "", now);
  });
}

Result<std::vector<Member>> SqlOrgs::members(OrgId org) {
  return read_into<std::vector<Member>>(*db_, [&](Tx& tx, std::vector<Member>& out) -> Status {
    auto rows = tx.query(
        "SELECT u.id, u.email, u.name, u.password_hash, u.lang, u.created_at, m.role, "
        "m.created_at FROM memberships m JOIN users u ON u.id = m.user_id "
        "WHERE m.org_id = $1 ORDER BY u.email",
        {org.value});
    if (!rows) return rows.error();
    for (const Row& r : *rows) out.push_back(Member{user_from(r), role_from(r.text(6)), r.int64(7)});
    return {};
  });
}

Result<Invite> SqlOrgs::create_invite(OrgId org, const Invite& invite, const Actor& actor) {
  if (!valid_role(invite.role)) return bad_role();
  std::string email;
  if (!invite.email.empty()) {
    auto normal = normalize_email(invite.email);
    if (!normal) return normal.error();
    email = *normal;
  }
  const auto now = clock_.now();
  if (invite.token_hash.empty() || invite.expires_at <= now) {
    return make_error(ErrorCode::kInvalidInput, "error.invite.invalid",
                      "an invitation needs a token and an expiry in the future");
  }
  return write_into<Invite>(*db_, [&](Tx& tx, Invite& out) -> Status {
    if (auto st = lock_org(tx, org); !st) return st;
    auto rows = tx.query(
        "INSERT INTO invites (org_id, token_hash, email, role, created_by, created_at, expires_at, "
        "token_sealed) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        {org.value, value(invite.token_hash), value(email), value(role_name(invite.role)),
         opt_user(invite.created_by), now, invite.expires_at, value(invite.token_sealed)});
    if (!rows) return rows.error();
    out = invite;
    out.id = rows->front().int64(0);
    out.org_id = org;
    out.email = email;
    out.created_at = now;
    out.used_at.reset();
    const std::string after =
        json{{"email", email}, {"role", role_name(invite.role)}, {"expires_at", invite.expires_at}}
            .dump();
    return write_audit(tx, org, actor, "invite.create", "invite", std::to_string(out.id), "",
                       after, now);
  });
}

Result<std::vector<Invite>> SqlOrgs::open_invites(OrgId org) {
  const auto now = clock_.now();
  return read_into<std::vector<Invite>>(*db_, [&](Tx& tx, std::vector<Invite>& out) -> Status {
    auto rows = tx.query("SELECT " + std::string(kInviteColumns) +
                             " FROM invites WHERE org_id = $1 AND used_at IS NULL AND "
                             "expires_at > $2 ORDER BY id",
                         {org.value, now});
    if (!rows) return rows.error();
    for (const Row& r : *rows) out.push_back(invite_from(r));
    return {};
  });
}

Status SqlOrgs::revoke_invite(OrgId org, std::int64_t invite_id, const Actor& actor) {
  const auto now = clock_.now();
  return db_->write([&](Tx& tx) -> Status {
    auto rows = tx.query(
        "DELETE FROM invites WHERE id = $1 AND org_id = $2 AND used_at IS NULL "
        "RETURNING email, role",
        {invite_id, org.value});
    if (!rows) return rows.error();
    if (rows->empty()) return not_found("error.invite.not_found", "no open invitation with this id");
    const auto& r = rows->front();
    return write_audit(tx, org, actor, "invite.revoke", "invite", std::to_string(invite_id),
                       json{{"email", r.text(0)}, {"role", r.text(1)}}.dump(), "", now);
  });
}

Result<Invite> SqlOrgs::invite_by_token_hash(std::string_view token_hash) {
  return read_into<Invite>(*db_, [&](Tx& tx, Invite& out) -> Status {
    auto rows = tx.query(
        "SELECT " + std::string(kInviteColumns) + " FROM invites WHERE token_hash = $1",
        {value(token_hash)});
    if (!rows) return rows.error();
    if (rows->empty()) return not_found("error.invite.not_found", "no such invitation");
    out = invite_from(rows->front());
    return {};
  });
}

Status SqlOrgs::accept_invite(std::string_view token_hash, UserId user) {
  const auto now = clock_.now();
  return db_->write([&](Tx& tx) -> Status {
    auto rows = tx.query(
        "SELECT " + std::string(kInviteColumns) + " FROM invites WHERE token_hash = $1",
        {value(token_hash)});
    if (!rows) return rows.error();
    if (rows->empty()) return not_found("error.invite.not_found", "no such invitation");
    const Invite inv = invite_from(rows->front());
    if (inv.used_at) {
      return make_error(ErrorCode::kConflict, "error.invite.used", "this invitation was used already");
    }
    if (inv.expires_at <= now) {
      return make_error(ErrorCode::kConflict, "error.invite.expired", "this invitation has expired");
    }
    auto email = email_of(tx, user);
    if (!email) return email.error();
    if (!inv.email.empty() && inv.email != *email) {
      return make_error(ErrorCode::kForbidden, "error.invite.wrong_email",
                        "this invitation is for another e-mail address");
    }
    // The guard "used_at IS NULL" makes the link work once even under concurrency.
    auto n = tx.exec(
        "UPDATE invites SET used_at = $1, used_by = $2, token_sealed = '' "
        "WHERE id = $3 AND used_at IS NULL",
        {now, user.value, inv.id});
    if (!n) return n.error();
    if (*n != 1) {
      return make_error(ErrorCode::kConflict, "error.invite.used", "this invitation was used already");
    }
    if (auto st = lock_org(tx, inv.org_id); !st) return st;
    const Actor actor{user, "invite"};
    auto st = write_audit(tx, inv.org_id, actor, "invite.accept", "invite",
                          std::to_string(inv.id), "", json{{"user", *email}}.dump(), now);
    if (!st) return st;
    auto current = role_in(tx, inv.org_id, user);
    if (!current) {
      if (current.error().code != ErrorCode::kNotFound) return current.error();
      return insert_member(tx, inv.org_id, user, inv.role, actor, now);
    }
    // Already a member: an invitation can raise the role, never lower it.
    if (*current >= inv.role) return {};
    return change_role(tx, inv.org_id, user, *current, inv.role, actor, now);
  });
}

}  // namespace solipraxis::store::sql
