#include "web/handlers/account/members.h"

#include <charconv>

#include "store/orgs.h"
#include "store/secrets.h"
#include "store/store.h"
#include "web/handlers/account/api.h"
#include "web/handlers/site/dashboard.h"
#include "web/handlers/common/params.h"
#include "web/handlers/public/public_register.h"
#include "web/page.h"
#include "web/time_zone.h"

namespace solipraxis::web::handlers {

namespace {

struct MembersView {
  std::string notice_key{};
  std::string error_key{};
  std::int64_t new_invite = 0;  // the invitation just made: its link is pointed out
  int status = 200;
};

// The link of an open invitation, if its sealed token opens with this server's
// key ("" for invitations made before links were kept, or under another key).
std::string open_invite_link(auth::Auth& auth, const Request& req, const store::Invite& inv) {
  auto token = store::unseal(auth.options().link_key, inv.token_sealed);
  return token ? invite_url(auth, req, *token) : std::string();
}

mstch::array role_options(const Services& s, const Request& req, store::Role selected) {
  mstch::array out;
  for (store::Role r : {store::Role::kMember, store::Role::kEditor, store::Role::kOwner}) {
    const std::string code = store::role_name(r);
    out.push_back(mstch::map{{"value", code},
                             {"label", tr(s, req, "members.role." + code)},
                             {"selected", r == selected}});
  }
  return out;
}

Response render_members(auth::Auth& auth, const Request& req, const auth::Membership& m,
                        const MembersView& view) {
  Services& s = auth.services();
  auto members = s.store.orgs().members(m.org.id);
  if (!members) return error_response(s, req, members.error());
  const bool owner = m.role >= store::Role::kOwner;
  mstch::array rows;
  for (const auto& mem : *members) {
    const std::string role = store::role_name(mem.role);
    rows.push_back(mstch::map{
        {"id", std::to_string(mem.user.id.value)},
        {"name", mem.user.name.empty() ? mem.user.email : mem.user.name},
        {"email", mem.user.email},
        {"role_label", tr(s, req, "members.role." + role)},
        {"roles", role_options(s, req, mem.role)},
        {"is_self", mem.user.id == m.user.id},
    });
  }
  mstch::map data = org_page_data(s, req, m);
  data.emplace("title", tr(s, req, "members.title"));
  data.emplace("members", rows);
  data.emplace("can_manage", owner);
  // Editors and members see who can change roles, instead of a missing control.
  if (!owner) {
    data.emplace("roles_note", tr(s, req, std::string("members.roles_note.") + store::role_name(m.role)));
  }
  if (owner) {
    mstch::array invites;
    if (auto open = s.store.orgs().open_invites(m.org.id)) {
      for (const auto& inv : *open) {
        const std::string link = open_invite_link(auth, req, inv);
        invites.push_back(mstch::map{
            {"id", std::to_string(inv.id)},
            {"email", inv.email.empty() ? tr(s, req, "members.invites.anyone") : inv.email},
            {"role_label", tr(s, req, std::string("members.role.") + store::role_name(inv.role))},
            {"expires", readable_time(inv.expires_at, m.org.time_zone, req.lang)},
            {"link", link},
            {"has_link", !link.empty()},
            {"is_new", inv.id == view.new_invite},
        });
      }
    }
    data.emplace("has_invites", !invites.empty());
    data.emplace("invites", invites);
    data.emplace("invite_roles", role_options(s, req, store::Role::kMember));
  }
  if (!view.notice_key.empty()) data.emplace("notice", tr(s, req, view.notice_key));
  if (!view.error_key.empty()) data.emplace("error", tr(s, req, view.error_key));
  return render(s, req, "pages/members", std::move(data), view.status);
}

std::string notice_for(std::string_view saved) {
  if (saved == "invited") return "members.invites.created";
  if (saved == "role") return "members.saved.role";
  if (saved == "removed") return "members.saved.removed";
  if (saved == "revoked") return "members.saved.revoked";
  return {};
}

// An owner-only form action: runs `fn` with the membership and the parsed form.
template <typename Fn>
Response owner_action(auth::Auth& auth, Request& req, Fn fn) {
  auto m = auth.require_member(req, req.param("org"), store::Role::kOwner);
  if (!m) return m.response();
  auto form = parse_form(req.body);
  if (!form) return auth.error(req, 400, "error.http.bad_request");
  return fn(*m, *form);
}

// A refused change re-renders the page with the reason.
Response refused(auth::Auth& auth, const Request& req, const auth::Membership& m,
                 const core::Error& e) {
  if (e.code == core::ErrorCode::kUnavailable || e.code == core::ErrorCode::kInternal) {
    return error_response(auth.services(), req, e);
  }
  MembersView view{.error_key = e.key, .status = http_status(e.code)};
  return render_members(auth, req, m, view);
}

}  // namespace

std::string invite_url(auth::Auth& auth, const Request& req, std::string_view token) {
  return base_url(auth, req) + "/invite/" + std::string(token);
}

Response members_page(auth::Auth& auth, Request& req) {
  auto m = auth.require_member(req, req.param("org"));
  if (!m) return m.response();
  MembersView view;
  view.notice_key = notice_for(req.query.value("saved"));
  if (auto id = parse_id(req.query.value("invite"))) view.new_invite = *id;
  return render_members(auth, req, *m, view);
}

Response invite_create(auth::Auth& auth, Request& req) {
  return owner_action(auth, req, [&](const auth::Membership& m, const Params& form) {
    auto role = store::parse_role(form.value("role", "member"));
    if (!role) {
      return refused(auth, req, m,
                     core::make_error(core::ErrorCode::kInvalidInput, "members.error.role", ""));
    }
    const std::string token = store::random_token();
    store::Invite invite;
    invite.org_id = m.org.id;
    invite.token_hash = store::hash_token(token);
    invite.token_sealed = store::seal(auth.options().link_key, token);
    invite.email = form.value("email");
    invite.role = *role;
    invite.created_by = m.user.id;
    invite.expires_at = auth.services().clock.now() + kInviteLifetime;
    auto created = auth.services().store.orgs().create_invite(m.org.id, invite, web_actor(m));
    if (!created) return refused(auth, req, m, created.error());
    // Post/redirect/get: the link lives on the members page (sealed in the
    // store) until it is used or revoked, so reloading, switching the language
    // or closing the tab loses nothing.
    return Response::redirect("/o/" + m.org.slug + "/members?saved=invited&invite=" +
                              std::to_string(created->id) + "#invite-" +
                              std::to_string(created->id));
  });
}

Response invite_revoke(auth::Auth& auth, Request& req) {
  return owner_action(auth, req, [&](const auth::Membership& m, const Params&) {
    auto id = parse_id(req.param("id"));
    if (!id) return auth.error(req, 404, "error.http.not_found");
    if (auto s = auth.services().store.orgs().revoke_invite(m.org.id, *id, web_actor(m)); !s) {
      return refused(auth, req, m, s.error());
    }
    return Response::redirect("/o/" + m.org.slug + "/members?saved=revoked");
  });
}

Response member_role(auth::Auth& auth, Request& req) {
  return owner_action(auth, req, [&](const auth::Membership& m, const Params& form) {
    auto id = parse_id(req.param("user"));
    if (!id) return auth.error(req, 404, "error.http.not_found");
    auto role = store::parse_role(form.value("role"));
    if (!role) {
      return refused(auth, req, m,
                     core::make_error(core::ErrorCode::kInvalidInput, "members.error.role", ""));
    }
    auto s = auth.services().store.orgs().set_member_role(m.org.id, core::UserId(*id), *role, web_actor(m));
    if (!s) return refused(auth, req, m, s.error());
    return Response::redirect("/o/" + m.org.slug + "/members?saved=role");
  });
}

Response member_remove(auth::Auth& auth, Request& req) {
  return owner_action(auth, req, [&](const auth::Membership& m, const Params&) {
    auto id = parse_id(req.param("user"));
    if (!id) return auth.error(req, 404, "error.http.not_found");
    auto s = auth.services().store.orgs().remove_member(m.org.id, core::UserId(*id), web_actor(m));
    if (!s) return refused(auth, req, m, s.error());
    // An owner who removed themselves has no business on this page any more.
    if (core::UserId(*id) == m.user.id) return Response::redirect("/account");
    return Response::redirect("/o/" + m.org.slug + "/members?saved=removed");
  });
}

}  // namespace solipraxis::web::handlers
