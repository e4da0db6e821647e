#include "web/handlers/account/account.h"

#include <charconv>

#include "store/common.h"
#include "store/secrets.h"
#include "store/store.h"
#include "store/users.h"
#include "store/validation.h"
#include "web/auth/login.h"
#include "web/auth/passwords.h"
#include "web/handlers/account/api.h"
#include "web/page.h"

namespace solipraxis::web::handlers {

namespace {

// The field by which the language switch sends a token that is shown once.
constexpr std::string_view kShownTokenField = "shown_token";

struct AccountView {
  std::string notice_key{};
  std::string error_key{};
  std::string error_field{};  // "profile", "password" or "tokens": which form the error is about
  std::string new_token{};    // shown once, right after creation
  std::string new_token_name{};
  std::vector<store::ApiToken> revoked{};  // after a password change
  int status = 200;
};

Response render_account(auth::Auth& auth, const Request& req, const store::User& user,
                        const AccountView& view) {
  Services& s = auth.services();
  mstch::array langs;
  for (const char* code : {"", "de", "en"}) {
    const std::string c = code;
    langs.push_back(mstch::map{
        {"value", c},
        {"id", "account-lang-" + (c.empty() ? std::string("browser") : c)},
        {"label", tr(s, req, "account.lang." + (c.empty() ? std::string("browser") : c))},
        {"checked", user.lang == c},
    });
  }
  mstch::array tokens;
  if (auto list = s.store.users().tokens(user.id)) {
    for (const auto& t : *list) {
      tokens.push_back(mstch::map{
          {"id", std::to_string(t.id.value)},
          {"name", t.name.empty() ? tr(s, req, "account.tokens.unnamed") : t.name},
          {"created", iso8601(t.created_at).substr(0, 10)},
          {"last_used", t.last_used_at ? iso8601(*t.last_used_at).substr(0, 10)
                                       : tr(s, req, "account.tokens.never")},
      });
    }
  }
  mstch::map data{
      {"title", tr(s, req, "account.title")},
      {"name", user.name},
      {"email", user.email},
      {"langs", langs},
      {"tokens", tokens},
      {"has_tokens", !tokens.empty()},
  };
  if (!view.notice_key.empty()) data.emplace("notice", tr(s, req, view.notice_key));
  if (!view.error_key.empty()) {
    data.emplace("error_" + view.error_field, tr(s, req, view.error_key));
  }
  if (!view.revoked.empty()) {
    mstch::array revoked;
    for (const auto& t : view.revoked) {
      revoked.push_back(mstch::map{
          {"name", t.name.empty() ? tr(s, req, "account.tokens.unnamed") : t.name},
          {"created", iso8601(t.created_at).substr(0, 10)},
      });
    }
    data.emplace("revoked_tokens", revoked);
    data.emplace("has_revoked", true);
  }
  if (!view.new_token.empty()) {
    data.emplace("new_token", view.new_token);
    data.emplace("new_token_name", view.new_token_name);
    data.emplace("lang_fields", mstch::array{mstch::map{{"name", std::string(kShownTokenField)},
                                                        {"value", view.new_token}}});
  }
  return render(s, req, "pages/account", std::move(data), view.status);
}

std::string notice_for(std::string_view saved) {
  if (saved == "profile") return "account.saved.profile";
  if (saved == "password") return "account.saved.password";
  if (saved == "token_deleted") return "account.saved.token_deleted";
  return {};
}

// Runs `fn` with the signed-in user and the parsed form; 400 on a malformed body.
template <typename Fn>
Response with_form(auth::Auth& auth, Request& req, Fn fn) {
  auto p = auth.require_user(req);
  if (!p) return p.response();
  auto form = parse_form(req.body);
  if (!form) return auth.error(req, 400, "error.http.bad_request");
  return fn(p->user, *form);
}

}  // namespace

Response account_page(auth::Auth& auth, Request& req) {
  auto p = auth.require_user(req);
  if (!p) return p.response();
  AccountView view;
  view.notice_key = notice_for(req.query.value("saved"));
  return render_account(auth, req, p->user, view);
}

Response account_update(auth::Auth& auth, Request& req) {
  return with_form(auth, req, [&](const store::User& user, const Params& form) {
    store::Store& st = auth.services().store;
    const std::string name = form.value("name");
    const std::string lang = form.value("lang");
    auto fail = [&](const core::Error& e) {
      AccountView v{.error_key = e.key, .error_field = "profile", .status = http_status(e.code)};
      return render_account(auth, req, user, v);
    };
    // Validate both before writing either, so bad input changes nothing.
    if (auto v = store::validate_user_name(name); !v) return fail(v.error());
    if (auto v = store::validate_lang(lang); !v) return fail(v.error());
    if (auto s = st.users().set_user_name(user.id, name); !s) return fail(s.error());
    if (auto s = st.users().set_user_lang(user.id, lang); !s) return fail(s.error());
    Response res = Response::redirect("/account?saved=profile");
    // The preference also becomes this browser's choice (the switch in the header
    // sets the same cookie); "follow the browser" removes it.
    CookieOptions cookie = auth.cookie_options(req);
    cookie.max_age = lang.empty() ? 0L : 365L * 24 * 3600;
    res.set_cookie(kLangCookie, lang, cookie);
    return res;
  });
}

Response account_password(auth::Auth& auth, Request& req) {
  return with_form(auth, req, [&](const store::User& user, const Params& form) {
    store::Store& st = auth.services().store;
    // Passwords are never sent back: the language switch just opens the page again.
    if (req.language_switch) return Response::redirect("/account");
    auto fail = [&](std::string key, int status) {
      AccountView v{.error_key = std::move(key), .error_field = "password", .status = status};
      return render_account(auth, req, user, v);
    };
    if (!store::verify_password(form.value("current_password"), user.password_hash)) {
      return fail("account.password.wrong_current", 400);
    }
    const std::string fresh = form.value("new_password");
    if (auto v = auth::check_new_password(fresh, form.value("new_password_repeat")); !v) {
      return fail(v.error().key, 400);
    }
    auto hash = store::hash_password(fresh);
    if (!hash) return error_response(auth.services(), req, hash.error());
    // Ends every other sign-in and revokes every API token, in one step.
    auto revoked = st.users().change_password(user.id, *hash, store::Actor{user.id, "web"});
    if (!revoked) return error_response(auth.services(), req, revoked.error());
    // This browser gets a fresh session. The page (not a redirect) names the
    // revoked tokens, so the person knows which programs need a new one.
    auto session = auth.sessions().start(user.id);
    if (!session) return error_response(auth.services(), req, session.error());
    AccountView view{.notice_key = revoked->empty() ? "account.saved.password"
                                                    : "account.saved.password_tokens_revoked",
                     .revoked = std::move(revoked).value()};
    Request signed_in = req;
    signed_in.csrf_token = session->session.csrf_token;
    Response res = render_account(auth, signed_in, user, view);
    res.set_cookie(auth::kSessionCookie, session->cookie_value, auth.cookie_options(req));
    return res;
  });
}

Response account_token_create(auth::Auth& auth, Request& req) {
  return with_form(auth, req, [&](const store::User& user, const Params& form) {
    const std::string name = form.value("name");
    // The language switch of the page that shows a new token sends it back
    // (kShownTokenField): shown again if it is still one of this person's
    // tokens, and no second token is made.
    if (req.language_switch) {
      const std::string shown = form.value(kShownTokenField);
      auto found = auth.services().store.users().token_by_hash(store::hash_token(shown));
      if (shown.empty() || !found || found->user_id != user.id) {
        return Response::redirect("/account");
      }
      AccountView view{.notice_key = "account.tokens.created_notice", .new_token = shown,
                       .new_token_name = found->name};
      return render_account(auth, req, user, view);
    }
    if (auto v = store::validate_token_name(name); !v) {
      AccountView view{.error_key = v.error().key, .error_field = "tokens", .status = 400};
      return render_account(auth, req, user, view);
    }
    const std::string token = store::random_token();
    auto created = auth.services().store.users().create_token(user.id, name, store::hash_token(token));
    if (!created) {
      AccountView view{.error_key = created.error().key,
                       .error_field = "tokens",
                       .status = http_status(created.error().code)};
      return render_account(auth, req, user, view);
    }
    // Shown once on this page (not in a redirect URL); only its hash is stored.
    AccountView view{.notice_key = "account.tokens.created_notice", .new_token = token,
                     .new_token_name = name};
    return render_account(auth, req, user, view);
  });
}

Response account_token_delete(auth::Auth& auth, Request& req) {
  return with_form(auth, req, [&](const store::User& user, const Params&) {
    const std::string raw = req.param("id");
    std::int64_t id = 0;
    auto [ptr, ec] = std::from_chars(raw.data(), raw.data() + raw.size(), id);
    if (ec != std::errc{} || ptr != raw.data() + raw.size() || id <= 0) {
      return auth.error(req, 404, "error.http.not_found");
    }
    // The store deletes only the caller's own tokens: another's id is "not found".
    if (auto s = auth.services().store.users().delete_token(user.id, core::TokenId(id)); !s) {
      return error_response(auth.services(), req, s.error());
    }
    return Response::redirect("/account?saved=token_deleted");
  });
}

namespace {

Response render_welcome(auth::Auth& auth, const Request& req, const std::string& name,
                        const std::string& next, const std::string& error_key, int status) {
  Services& s = auth.services();
  mstch::map data{
      {"title", tr(s, req, "welcome.title")},
      {"name", name},
      {"next", next},
      {"switch_form", std::string("welcome-form")},  // the language switch keeps the name
  };
  if (!error_key.empty()) data.emplace("error", tr(s, req, error_key));
  return render(s, req, "pages/welcome", std::move(data), status);
}

}  // namespace

Response welcome_page(auth::Auth& auth, Request& req) {
  auto p = auth.require_user(req);
  if (!p) return p.response();
  const std::string next = auth::safe_next(req.query.value("next"));
  if (!p->user.name.empty()) return Response::redirect(next.empty() ? "/account" : next);
  return render_welcome(auth, req, "", next, "", 200);
}

Response welcome_save(auth::Auth& auth, Request& req) {
  return with_form(auth, req, [&](const store::User& user, const Params& form) {
    const std::string name = form.value("name");
    const std::string next = auth::safe_next(form.value("next"));
    if (req.language_switch) return render_welcome(auth, req, name, next, "", 200);
    if (name.find_first_not_of(" \t") == std::string::npos) {
      return render_welcome(auth, req, name, next, "invite.error.name_required", 422);
    }
    if (auto v = store::validate_user_name(name); !v) {
      return render_welcome(auth, req, name, next, v.error().key, 422);
    }
    if (auto st = auth.services().store.users().set_user_name(user.id, name); !st) {
      return error_response(auth.services(), req, st.error());
    }
    return Response::redirect(next.empty() ? "/account" : next);
  });
}

}  // namespace solipraxis::web::handlers
