#include "web/handlers/account/invite.h"

#include "core/password.h"
#include "store/orgs.h"
#include "store/secrets.h"
#include "store/store.h"
#include "store/users.h"
#include "store/validation.h"
#include "web/auth/login.h"
#include "web/auth/passwords.h"
#include "web/page.h"

namespace solipraxis::web::handlers {

namespace {

struct InviteView {
  std::string error_key{};
  std::string error_form{};  // "signin" or "register"
  std::string email{};
  std::string name{};
  int status = 200;
};

struct OpenInvite {
  store::Invite invite;
  store::Org org;
};

// The invitation behind the URL's token if it can still be used, else the page
// that says why not (404 unknown, 410 used or expired).
auth::Access<OpenInvite> open_invite(auth::Auth& auth, const Request& req) {
  Services& s = auth.services();
  const std::string token = req.param("token");
  if (!auth::plausible_cookie_value(token)) return auth.error(req, 404, "invite.error.unknown");
  auto inv = s.store.orgs().invite_by_token_hash(store::hash_token(token));
  if (!inv) {
    if (inv.error().code == core::ErrorCode::kNotFound) {
      return auth.error(req, 404, "invite.error.unknown");
    }
    return error_response(s, req, inv.error());
  }
  if (inv->used_at) return auth.error(req, 410, "invite.error.used", "invite_used");
  if (inv->expires_at <= s.clock.now()) {
    return auth.error(req, 410, "invite.error.expired", "invite_expired");
  }
  auto org = s.store.orgs().org(inv->org_id);
  if (!org) return error_response(s, req, org.error());
  return OpenInvite{std::move(inv).value(), std::move(org).value()};
}

Response render_invite(auth::Auth& auth, const Request& req, const OpenInvite& open,
                       const InviteView& view) {
  Services& s = auth.services();
  const auth::Principal* p = auth::Auth::principal(req);
  const std::string role = store::role_name(open.invite.role);
  mstch::map data{
      {"title", tr(s, req, "invite.title")},
      {"org_name", open.org.name},
      {"role_label", tr(s, req, "members.role." + role)},
      {"action", req.path},
      {"signed_in", p != nullptr},
      {"email", view.email.empty() ? open.invite.email : view.email},
      {"name", view.name},
  };
  if (p) data.emplace("user_email", p->user.email);
  if (!view.error_key.empty()) {
    data.emplace("error_" + view.error_form, tr(s, req, view.error_key));
  }
  return render(s, req, "pages/invite", std::move(data), view.status);
}

Response joined(auth::Auth& auth, const Request& req, const OpenInvite& open,
                const store::User& user, bool new_session) {
  Services& s = auth.services();
  if (auto st = s.store.orgs().accept_invite(open.invite.token_hash, user.id); !st) {
    return error_response(s, req, st.error());
  }
  Response res = Response::redirect("/o/" + open.org.slug);
  if (new_session) {
    auto session = auth.sessions().start(user.id, req.cookie(auth::kSessionCookie));
    if (!session) return error_response(s, req, session.error());
    res.set_cookie(auth::kSessionCookie, session->cookie_value, auth.cookie_options(req));
  }
  return res;
}

}  // namespace

Response invite_page(auth::Auth& auth, Request& req) {
  auto open = open_invite(auth, req);
  if (!open) return open.response();
  return render_invite(auth, req, *open, {});
}

Response invite_accept(auth::Auth& auth, Request& req) {
  auto open = open_invite(auth, req);
  if (!open) return open.response();
  auto form = parse_form(req.body);
  if (!form) return auth.error(req, 400, "error.http.bad_request");
  Services& s = auth.services();
  const std::string mode = form->value("mode");

  if (const auth::Principal* p = auth::Auth::principal(req); p && mode == "join") {
    return joined(auth, req, *open, p->user, false);
  }

  // The language switch shows the forms again with what was typed: no attempt.
  if (req.language_switch) {
    return render_invite(auth, req, *open, {.email = form->value("email"), .name = form->value("name")});
  }
  if (mode == "signin") {
    InviteView view{.error_form = "signin", .email = form->value("email")};
    auto email = store::normalize_email(view.email);
    const std::string account = email ? *email : view.email;
    const std::int64_t wait = auth.sign_in_wait(req, account);
    if (wait > 0) {
      view.error_key = "invite.error.rate_limited";
      view.status = 429;
      Response res = render_invite(auth, req, *open, view);
      res.headers.set("Retry-After", std::to_string(wait));
      return res;
    }
    const std::string password = form->value("password");
    std::optional<store::User> user;
    if (email && password.size() <= core::kMaxPasswordBytes) {
      if (auto found = s.store.users().user_by_email(*email)) user = std::move(found).value();
    }
    if (!user || !store::verify_password(password, user->password_hash)) {
      auth.sign_in_failed(req, account);
      view.error_key = "auth.login.failed";
      view.status = 401;
      return render_invite(auth, req, *open, view);
    }
    auth.sign_in_succeeded(req, account);
    return joined(auth, req, *open, *user, true);
  }

  if (mode == "register") {
    InviteView view{.error_form = "register", .email = form->value("email"),
                    .name = form->value("name"), .status = 400};
    auto fail = [&](std::string key, int status = 400) {
      view.error_key = std::move(key);
      view.status = status;
      return render_invite(auth, req, *open, view);
    };
    // Everything is checked before the account is created, so a bad field or a
    // taken e-mail changes nothing.
    std::string name = view.name;
    if (name.find_first_not_of(' ') == std::string::npos) return fail("invite.error.name_required");
    if (auto v = store::validate_user_name(name); !v) return fail(v.error().key);
    auto email = store::normalize_email(view.email);
    if (!email) return fail(email.error().key);
    if (!open->invite.email.empty() && open->invite.email != *email) {
      return fail("invite.error.wrong_email", 403);
    }
    if (auto v = auth::check_new_password(form->value("password"), form->value("password_repeat"));
        !v) {
      return fail(v.error().key);
    }
    auto hash = store::hash_password(form->value("password"));
    if (!hash) return error_response(s, req, hash.error());
    auto user = s.store.users().create_user(store::NewUser{*email, name, *hash, ""});
    if (!user) {
      if (user.error().code == core::ErrorCode::kConflict) return fail("invite.error.email_taken", 409);
      return fail(user.error().key, http_status(user.error().code));
    }
    return joined(auth, req, *open, *user, true);
  }
  return auth.error(req, 400, "error.http.bad_request");
}

}  // namespace solipraxis::web::handlers
