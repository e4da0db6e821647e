#include "web/handlers/account/auth.h"

#include <mutex>

#include "core/password.h"
#include "store/orgs.h"
#include "store/secrets.h"
#include "store/store.h"
#include "store/users.h"
#include "store/validation.h"
#include "web/auth/login.h"
#include "web/page.h"

namespace solipraxis::web::handlers {

using auth::LoginView;

namespace {

// Verifying against a throwaway hash when the e-mail is unknown makes a wrong
// e-mail take as long as a wrong password, so timing tells nothing either.
const std::string& dummy_hash() {
  static std::once_flag once;
  static std::string hash;
  std::call_once(once, [] {
    auto h = store::hash_password(store::random_token());
    if (h) hash = std::move(h).value();
  });
  return hash;
}

}  // namespace

std::string landing_path(auth::Auth& auth, const store::User& user) {
  auto orgs = auth.services().store.orgs().orgs_with_roles(user.id);
  if (orgs && !orgs->empty()) return "/o/" + orgs->front().org.slug;
  return "/account";
}

Response login_page(auth::Auth& auth, Request& req) {
  const std::string next = auth::safe_next(req.query.value("next"));
  if (const auto* p = auth::Auth::principal(req)) {
    return Response::redirect(next.empty() ? landing_path(auth, p->user) : next);
  }
  LoginView view;
  view.next = next;
  if (req.query.has("ended")) view.notice_key = "auth.login.session_ended";
  return render_login(auth.services(), req, view);
}

Response login_submit(auth::Auth& auth, Request& req) {
  Services& s = auth.services();
  auto form = parse_form(req.body);
  if (!form) return auth.error(req, 400, "error.http.bad_request");
  LoginView view;
  view.next = auth::safe_next(form->value("next"));
  view.drafts = auth::drafts_from_login_form(*form);
  const std::string email_input = form->value("email");
  const std::string password = form->value("password");
  view.email = email_input.size() <= store::kMaxEmailBytes ? email_input : "";
  // The language switch shows the page again: no sign-in attempt, nothing counted.
  // After a sign-in that kept a draft, that page was the one that resumes it.
  if (req.language_switch) {
    if (auth::Auth::principal(req) && !view.drafts.empty() && !view.next.empty()) {
      return auth::render_resume(s, req, view.next, view.drafts);
    }
    return render_login(s, req, view);
  }

  auto normalized = store::normalize_email(email_input);
  const std::string account = normalized ? *normalized : email_input;
  const std::int64_t wait = auth.sign_in_wait(req, account);
  if (wait > 0) {
    view.error_key = "auth.login.rate_limited";
    view.retry_after = wait;
    view.status = 429;
    return render_login(s, req, view);
  }

  std::optional<store::User> user;
  if (normalized && !password.empty() && password.size() <= core::kMaxPasswordBytes) {
    auto found = s.store.users().user_by_email(*normalized);
    if (found) {
      user = std::move(found).value();
    } else if (found.error().code != core::ErrorCode::kNotFound) {
      return auth.error(req, 503, "error.http.unavailable");
    }
  }
  const bool ok = user ? store::verify_password(password, user->password_hash)
                       : (store::verify_password(password, dummy_hash()), false);
  if (!ok) {
    auth.sign_in_failed(req, account);
    view.error_key = "auth.login.failed";
    view.status = 401;
    return render_login(s, req, view);
  }
  auth.sign_in_succeeded(req, account);

  auto session = auth.sessions().start(user->id, req.cookie(auth::kSessionCookie));
  if (!session) return error_response(s, req, session.error());
  Response res;
  if (!view.drafts.empty() && !view.next.empty()) {
    // The resume page posts with the new session's token.
    Request signed_in = req;
    signed_in.csrf_token = session->session.csrf_token;
    signed_in.user_lang = user->lang;
    res = auth::render_resume(s, signed_in, view.next, view.drafts);
  } else {
    const std::string to = view.next.empty() ? landing_path(auth, *user) : view.next;
    // An account without a display name is asked for one first, so that the
    // change log and the member list name a person (issue 22).
    res = Response::redirect(user->name.empty() ? "/welcome?next=" + percent_encode(to) : to);
  }
  res.set_cookie(auth::kSessionCookie, session->cookie_value, auth.cookie_options(req));
  // The pre-session token has served its purpose.
  CookieOptions gone = auth.cookie_options(req);
  gone.max_age = 0;
  res.set_cookie(auth::kPreSessionCookie, "", gone);
  return res;
}

Response logout(auth::Auth& auth, Request& req) {
  // CSRF was checked by the middleware; an anonymous POST just lands on /login.
  if (auto st = auth.sessions().end(req.cookie(auth::kSessionCookie)); !st) {
    return error_response(auth.services(), req, st.error());
  }
  Response res = Response::redirect("/login");
  CookieOptions gone = auth.cookie_options(req);
  gone.max_age = 0;
  res.set_cookie(auth::kSessionCookie, "", gone);
  return res;
}

}  // namespace solipraxis::web::handlers
