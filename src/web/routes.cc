#include "web/routes.h"

#include "web/auth/auth.h"
#include "web/handlers/account.h"
#include "web/handlers/api.h"
#include "web/handlers/audit.h"
#include "web/handlers/auth.h"
#include "web/handlers/catalog.h"
#include "web/handlers/check_api.h"
#include "web/handlers/dashboard.h"
#include "web/handlers/health.h"
#include "web/handlers/invite.h"
#include "web/handlers/members.h"
#include "web/handlers/org_catalog.h"
#include "web/handlers/org_settings.h"
#include "web/handlers/pages.h"
#include "web/handlers/public_register.h"
#include "web/handlers/reviews.h"
#include "web/handlers/static.h"
#include "web/handlers/werkstatt.h"
#include "web/handlers/tools_api.h"
#include "web/handlers/tools.h"
#include "web/middleware.h"

namespace solipraxis::web {

void register_middleware(WebApp& app) {
  Services& s = app.services();
  // Order matters: the session (auth) sets user_lang before the language is chosen.
  auth::Auth& a = *s.auth;
  a.set_router(&app.router());
  app.before([&a](Request& req) { return a.before(req); });  // caller, CSRF
  app.before([&s](Request& req) { return negotiate_language_hook(s, req); });
  app.after([&a](const Request& req, Response& res) { a.after(req, res); });  // cookies
  app.after([](const Request& req, Response& res) { remember_language_hook(req, res); });
  // Security headers are added by WebApp itself, after every hook, on every response.
}

void register_routes(Router& r, Services& s) {
  using Fn = Response (*)(Services&, Request&);
  auto h = [&s](Fn fn) -> Handler { return [&s, fn](Request& req) { return fn(s, req); }; };
  using AuthFn = Response (*)(auth::Auth&, Request&);
  auth::Auth& a = *s.auth;
  auto ah = [&a](AuthFn fn) -> Handler { return [&a, fn](Request& req) { return fn(a, req); }; };
  using namespace handlers;

  // --- health and assets ---
  r.get("/healthz", h(health));
  r.get("/static/{path...}", h(static_file));

  // --- pages for everyone ---
  r.get("/", h(home_page));
  r.get("/lang", h(switch_language));

  // --- practice catalog (public) ---
  r.get("/praxis", h(praxis_overview));
  r.get("/praxis/phase/{n}", h(praxis_phase));
  r.get("/praxis/principles", h(praxis_principles));
  r.get("/praxis/methods", h(praxis_methods));
  r.get("/praxis/search", h(praxis_search));
  r.get("/api/v1/catalog", h(api_catalog));
  r.get("/api/v1/catalog/search", h(api_catalog_search));

  // --- accounts: sign-in, account, org dashboard, members, invitations ---
  // Every POST below needs the CSRF token (checked by Auth::before for all routes).
  r.get("/login", ah(login_page));
  r.post("/login", ah(login_submit));
  r.post("/logout", ah(logout));
  r.get("/welcome", ah(welcome_page));  // the first sign-in without a display name
  r.post("/welcome", ah(welcome_save));
  r.get("/account", ah(account_page));
  r.post("/account", ah(account_update));
  r.post("/account/password", ah(account_password));
  r.post("/account/tokens", ah(account_token_create));
  r.post("/account/tokens/{id}/delete", ah(account_token_delete));
  r.get("/invite/{token}", ah(invite_page));
  r.post("/invite/{token}", ah(invite_accept));
  r.get("/o/{org}", ah(dashboard));
  r.get("/o/{org}/members", ah(members_page));
  r.post("/o/{org}/invites", ah(invite_create));
  r.post("/o/{org}/invites/{id}/revoke", ah(invite_revoke));
  r.post("/o/{org}/members/{user}/role", ah(member_role));
  r.post("/o/{org}/members/{user}/remove", ah(member_remove));
  r.get("/o/{org}/audit", ah(audit_page));  // the change log, owners only
  r.get("/o/{org}/settings", ah(org_settings_page));  // the org's name, owners only
  r.post("/o/{org}/settings", ah(org_settings_save));

  // --- Prompt-Werkstatt: the solidary prompt checker for members (issue 12) ---
  r.get("/o/{org}/werkstatt", ah(werkstatt_page));
  r.post("/o/{org}/werkstatt/check", ah(werkstatt_check));
  r.post("/o/{org}/werkstatt/compose", ah(werkstatt_compose));
  r.get("/o/{org}/werkstatt/settings", ah(werkstatt_settings_page));
  r.post("/o/{org}/werkstatt/settings", ah(werkstatt_settings_save));
  // --- the org's own practice catalog (members read, editors change) ---
  r.get("/o/{org}/praxis", ah(org_praxis));
  r.get("/o/{org}/praxis/edit", ah(org_praxis_edit));
  r.post("/o/{org}/praxis/entries", ah(org_praxis_create));
  r.get("/o/{org}/praxis/entries/{id}/edit", ah(org_praxis_entry_page));
  r.post("/o/{org}/praxis/entries/{id}", ah(org_praxis_update));
  r.get("/o/{org}/praxis/entries/{id}/delete", ah(org_praxis_delete_page));
  r.post("/o/{org}/praxis/entries/{id}/delete", ah(org_praxis_delete));
  r.post("/o/{org}/praxis/hide", ah(org_praxis_hide));
  r.post("/o/{org}/praxis/move", ah(org_praxis_move));

  // --- AI tool register for members (handlers/tools.h); editors and owners write ---
  r.get("/o/{org}/tools", ah(tools_page));
  r.post("/o/{org}/tools", ah(tool_create));
  r.get("/o/{org}/tools/new", ah(tool_new_page));
  r.get("/o/{org}/tools/export.md", ah(tools_export_md));
  r.get("/o/{org}/tools/export.json", ah(tools_export_json));
  r.get("/o/{org}/tools/export.csv", ah(tools_export_csv));
  r.get("/o/{org}/tools/export.xlsx", ah(tools_export_xlsx));
  r.get("/o/{org}/tools/{id}", ah(tool_page));
  r.post("/o/{org}/tools/{id}", ah(tool_update));
  r.get("/o/{org}/tools/{id}/edit", ah(tool_edit_page));
  r.get("/o/{org}/tools/{id}/decide", ah(tool_decide_page));
  r.post("/o/{org}/tools/{id}/decide", ah(tool_decide));
  r.get("/o/{org}/tools/{id}/export.md", ah(tool_export_md));
  r.get("/o/{org}/tools/{id}/export.json", ah(tool_export_json));
  r.get("/o/{org}/non-use", ah(non_use_page));
  r.get("/o/{org}/red-lines", ah(red_lines_page));
  r.post("/o/{org}/red-lines", ah(red_line_create));
  r.get("/o/{org}/red-lines/{id}/edit", ah(red_line_edit_page));
  r.post("/o/{org}/red-lines/{id}", ah(red_line_update));
  r.get("/o/{org}/red-lines/{id}/delete", ah(red_line_delete_page));
  r.post("/o/{org}/red-lines/{id}/delete", ah(red_line_delete));
  r.post("/o/{org}/review-interval", ah(review_interval_update));

  // --- JSON API (web/static/openapi.json describes it) ---
  r.get("/api/openapi.json", ah(api_openapi));
  r.get("/api/v1/me", ah(api_me));
  r.patch("/api/v1/me", ah(api_update_me));
  r.get("/api/v1/orgs", ah(api_orgs));
  r.get("/api/v1/orgs/{org}", ah(api_org));
  r.patch("/api/v1/orgs/{org}", ah(api_update_org));
  r.get("/api/v1/orgs/{org}/members", ah(api_members));
  r.get("/api/v1/orgs/{org}/audit", ah(api_audit));
  r.post("/api/v1/check", ah(api_check));
  r.post("/api/v1/orgs/{org}/check", ah(api_org_check));
  r.get("/api/v1/orgs/{org}/checker-settings", ah(api_checker_settings));
  r.put("/api/v1/orgs/{org}/checker-settings", ah(api_put_checker_settings));
  r.get("/api/v1/orgs/{org}/tools", ah(api_tools));
  r.post("/api/v1/orgs/{org}/tools", ah(api_tool_create));
  r.get("/api/v1/orgs/{org}/tools/export.xlsx", ah(tools_export_xlsx));  // ?lang=de|en
  r.get("/api/v1/orgs/{org}/tools/export.csv", ah(tools_export_csv));
  r.get("/api/v1/orgs/{org}/tools/{id}", ah(api_tool));
  r.patch("/api/v1/orgs/{org}/tools/{id}", ah(api_tool_update));
  r.get("/api/v1/orgs/{org}/tools/{id}/decisions", ah(api_decisions));
  r.post("/api/v1/orgs/{org}/tools/{id}/decisions", ah(api_decision_create));
  r.get("/api/v1/orgs/{org}/red-lines", ah(api_red_lines));
  r.post("/api/v1/orgs/{org}/red-lines", ah(api_red_line_create));
  r.patch("/api/v1/orgs/{org}/red-lines/{id}", ah(api_red_line_update));
  r.del("/api/v1/orgs/{org}/red-lines/{id}", ah(api_red_line_delete));
  r.get("/api/v1/orgs/{org}/reviews.ics", ah(reviews_ics));  // the same feed for Bearer tokens

  // --- review dashboard and calendar feed (members) ---
  r.get("/o/{org}/reviews", ah(reviews_page));
  r.get("/o/{org}/reviews.ics", ah(reviews_ics));
  r.post("/o/{org}/reviews/feed", ah(review_feed_rotate));
  r.post("/o/{org}/reviews/feed/delete", ah(review_feed_delete));
  r.get("/p/{org}/reviews/{file}", ah(public_review_feed));  // {secret}.ics, no login

  // --- public transparency register (no login; only tools marked public) ---
  r.get("/p/{org}/register", ah(public_register_page));
  r.get("/p/{org}/register.json", ah(public_register_json));
  r.get("/p/{org}/register.atom", ah(public_register_atom));
  r.get("/api/v1/orgs/{org}/catalog", ah(api_org_catalog));
  r.get("/api/v1/orgs/{org}/catalog/search", ah(api_org_catalog_search));
  r.get("/api/v1/orgs/{org}/catalog/entries", ah(api_org_entries));
  r.post("/api/v1/orgs/{org}/catalog/entries", ah(api_org_entry_create));
  r.get("/api/v1/orgs/{org}/catalog/entries/{id}", ah(api_org_entry));
  r.put("/api/v1/orgs/{org}/catalog/entries/{id}", ah(api_org_entry_update));
  r.del("/api/v1/orgs/{org}/catalog/entries/{id}", ah(api_org_entry_delete));
  r.get("/api/v1/orgs/{org}/catalog/hidden", ah(api_org_hidden));
  r.put("/api/v1/orgs/{org}/catalog/hidden/{entry}", ah(api_org_hide));
  r.del("/api/v1/orgs/{org}/catalog/hidden/{entry}", ah(api_org_unhide));
  r.put("/api/v1/orgs/{org}/catalog/order", ah(api_org_order));
}

}  // namespace solipraxis::web
