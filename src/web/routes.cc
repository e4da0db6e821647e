#include "web/routes.h"

#include "web/auth/auth.h"
#include "web/handlers/account/account.h"
#include "web/handlers/account/api.h"
#include "web/handlers/audit/audit.h"
#include "web/handlers/account/auth.h"
#include "web/handlers/catalog/catalog.h"
#include "web/handlers/live/room.h"
#include "web/handlers/werkstatt/check_api.h"
#include "web/handlers/site/dashboard.h"
#include "web/handlers/site/health.h"
#include "web/handlers/account/invite.h"
#include "web/handlers/account/members.h"
#include "web/handlers/catalog/org_catalog.h"
#include "web/handlers/personas/api.h"
#include "web/handlers/personas/personas.h"
#include "web/handlers/live/api.h"
#include "web/handlers/live/sessions.h"
#include "web/handlers/reflections/pages.h"
#include "web/handlers/account/org_settings.h"
#include "web/handlers/site/pages.h"
#include "web/handlers/public/public_register.h"
#include "web/handlers/reflections/api.h"
#include "web/handlers/reflections/exports.h"
#include "web/handlers/risks/api.h"
#include "web/handlers/risks/risks.h"
#include "web/handlers/tools/reviews.h"
#include "web/handlers/site/static.h"
#include "web/handlers/werkstatt/werkstatt.h"
#include "web/handlers/tools/tools_api.h"
#include "web/handlers/tools/tools.h"
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
  // Who may call each route (router.h); the handler enforces it, and
  // tests/integration/route_matrix_test.cc checks that it does.
  constexpr auto kPublic = RouteAccess::kPublic;
  constexpr auto kSignedIn = RouteAccess::kSignedIn;
  constexpr auto kMember = RouteAccess::kMember;
  constexpr auto kEditor = RouteAccess::kEditor;
  constexpr auto kOwner = RouteAccess::kOwner;

  // --- health and assets ---
  r.get("/healthz", h(health), kPublic);
  r.get("/static/{path...}", h(static_file), kPublic);

  // --- pages for everyone ---
  r.get("/", h(home_page), kPublic);
  r.get("/lang", h(switch_language), kPublic);

  // --- practice catalog (public) ---
  r.get("/praxis", h(praxis_overview), kPublic);
  r.get("/praxis/phase/{n}", h(praxis_phase), kPublic);
  r.get("/praxis/principles", h(praxis_principles), kPublic);
  r.get("/praxis/methods", h(praxis_methods), kPublic);
  r.get("/praxis/search", h(praxis_search), kPublic);
  r.get("/api/v1/catalog", h(api_catalog), kPublic);
  r.get("/api/v1/catalog/search", h(api_catalog_search), kPublic);

  // --- accounts: sign-in, account, org dashboard, members, invitations ---
  // Every POST below needs the CSRF token (checked by Auth::before for all routes).
  r.get("/login", ah(login_page), kPublic);
  r.post("/login", ah(login_submit), kPublic);
  r.post("/logout", ah(logout), kPublic);
  r.get("/welcome", ah(welcome_page), kSignedIn);  // the first sign-in without a display name
  r.post("/welcome", ah(welcome_save), kSignedIn);
  r.get("/account", ah(account_page), kSignedIn);
  r.post("/account", ah(account_update), kSignedIn);
  r.post("/account/password", ah(account_password), kSignedIn);
  r.post("/account/tokens", ah(account_token_create), kSignedIn);
  r.post("/account/tokens/{id}/delete", ah(account_token_delete), kSignedIn);
  r.get("/invite/{token}", ah(invite_page), kPublic);
  r.post("/invite/{token}", ah(invite_accept), kPublic);
  r.get("/o/{org}", ah(dashboard), kMember);
  r.get("/o/{org}/members", ah(members_page), kMember);
  r.post("/o/{org}/invites", ah(invite_create), kOwner);
  r.post("/o/{org}/invites/{id}/revoke", ah(invite_revoke), kOwner);
  r.post("/o/{org}/members/{user}/role", ah(member_role), kOwner);
  r.post("/o/{org}/members/{user}/remove", ah(member_remove), kOwner);
  r.get("/o/{org}/audit", ah(audit_page), kOwner);  // the change log, owners only
  r.get("/o/{org}/settings", ah(org_settings_page), kOwner);  // the org's name, owners only
  r.post("/o/{org}/settings", ah(org_settings_save), kOwner);

  // --- Prompt-Werkstatt: the solidary prompt checker for members (issue 12) ---
  r.get("/o/{org}/werkstatt", ah(werkstatt_page), kMember);
  r.post("/o/{org}/werkstatt/check", ah(werkstatt_check), kMember);
  r.post("/o/{org}/werkstatt/compose", ah(werkstatt_compose), kMember);
  r.get("/o/{org}/werkstatt/settings", ah(werkstatt_settings_page), kMember);
  r.post("/o/{org}/werkstatt/settings", ah(werkstatt_settings_save), kEditor);
  // --- the org's own practice catalog (members read, editors change) ---
  r.get("/o/{org}/praxis", ah(org_praxis), kMember);
  r.get("/o/{org}/praxis/edit", ah(org_praxis_edit), kEditor);
  r.post("/o/{org}/praxis/entries", ah(org_praxis_create), kEditor);
  r.get("/o/{org}/praxis/entries/{id}/edit", ah(org_praxis_entry_page), kEditor);
  r.post("/o/{org}/praxis/entries/{id}", ah(org_praxis_update), kEditor);
  r.get("/o/{org}/praxis/entries/{id}/delete", ah(org_praxis_delete_page), kEditor);
  r.post("/o/{org}/praxis/entries/{id}/delete", ah(org_praxis_delete), kEditor);
  r.post("/o/{org}/praxis/hide", ah(org_praxis_hide), kEditor);
  r.post("/o/{org}/praxis/move", ah(org_praxis_move), kEditor);

  // --- AI tool register for members (handlers/tools/tools.h); editors and owners write ---
  r.get("/o/{org}/tools", ah(tools_page), kMember);
  r.post("/o/{org}/tools", ah(tool_create), kEditor);
  r.get("/o/{org}/tools/new", ah(tool_new_page), kEditor);
  r.get("/o/{org}/tools/export.md", ah(tools_export_md), kMember);
  r.get("/o/{org}/tools/export.json", ah(tools_export_json), kMember);
  r.get("/o/{org}/tools/export.csv", ah(tools_export_csv), kMember);
  r.get("/o/{org}/tools/export.xlsx", ah(tools_export_xlsx), kMember);
  r.get("/o/{org}/tools/{id}", ah(tool_page), kMember);
  r.post("/o/{org}/tools/{id}", ah(tool_update), kEditor);
  r.get("/o/{org}/tools/{id}/edit", ah(tool_edit_page), kEditor);
  r.get("/o/{org}/tools/{id}/decide", ah(tool_decide_page), kEditor);
  r.post("/o/{org}/tools/{id}/decide", ah(tool_decide), kEditor);
  r.get("/o/{org}/tools/{id}/export.md", ah(tool_export_md), kMember);
  r.get("/o/{org}/tools/{id}/export.json", ah(tool_export_json), kMember);
  r.get("/o/{org}/non-use", ah(non_use_page), kMember);
  r.get("/o/{org}/red-lines", ah(red_lines_page), kMember);
  r.post("/o/{org}/red-lines", ah(red_line_create), kEditor);
  r.get("/o/{org}/red-lines/{id}/edit", ah(red_line_edit_page), kEditor);
  r.post("/o/{org}/red-lines/{id}", ah(red_line_update), kEditor);
  r.get("/o/{org}/red-lines/{id}/delete", ah(red_line_delete_page), kEditor);
  r.post("/o/{org}/red-lines/{id}/delete", ah(red_line_delete), kEditor);
  r.post("/o/{org}/review-interval", ah(review_interval_update), kEditor);

  // --- live sessions (issue 25): the facilitator's side (handlers/live/sessions.h) ---
  {
    namespace lv = handlers::live;
    r.get("/o/{org}/sessions", ah(lv::sessions_page), kMember);
    r.post("/o/{org}/sessions", ah(lv::create_session), kMember);
    r.get("/o/{org}/sessions/{id}", ah(lv::session_page), kMember);
    r.post("/o/{org}/sessions/{id}/setup", ah(lv::setup_session), kMember);
    r.post("/o/{org}/sessions/{id}/step", ah(lv::go_to_step), kMember);
    r.post("/o/{org}/sessions/{id}/timer", ah(lv::control_timer), kMember);
    r.post("/o/{org}/sessions/{id}/reveal", ah(lv::reveal_step), kMember);
    r.post("/o/{org}/sessions/{id}/notes", ah(lv::save_notes), kMember);
    r.post("/o/{org}/sessions/{id}/group", ah(lv::group_cards), kMember);
    r.post("/o/{org}/sessions/{id}/actions", ah(lv::add_action), kMember);
    r.post("/o/{org}/sessions/{id}/actions/{action}/delete", ah(lv::remove_action), kMember);
    r.post("/o/{org}/sessions/{id}/end", ah(lv::end_session), kMember);
    r.post("/o/{org}/action-items/{item}/done", ah(lv::action_item_done), kMember);
    r.get("/o/{org}/sessions/{id}/report.md", ah(lv::report_md), kMember);
    r.get("/o/{org}/sessions/{id}/events", ah(lv::session_events), kMember);
    r.get("/o/{org}/sessions/{id}/board", ah(lv::session_board), kMember);
    r.get("/o/{org}/sessions/{id}/qr.svg", ah(lv::session_qr), kMember);
    r.get("/o/{org}/sessions/{id}/report.json", ah(lv::report_json), kMember);
    r.get("/api/v1/orgs/{org}/sessions", ah(lv::api_sessions), kMember);
    r.post("/api/v1/orgs/{org}/sessions", ah(lv::api_session_create), kMember);
    r.get("/api/v1/orgs/{org}/sessions/{id}", ah(lv::api_session), kMember);
    r.get("/api/v1/orgs/{org}/action-items", ah(lv::api_action_items), kMember);
  }

  // --- live sessions, the participants' side (issue 25): a code, no account ---
  // The room's handlers share the wait after wrong codes (in memory).
  auto room = std::make_shared<handlers::live::RoomGuards>(s.clock);
  using RoomFn = Response (*)(Services&, handlers::live::RoomGuards&, Request&);
  auto lh = [&s, room](RoomFn fn) -> Handler {
    return [&s, room, fn](Request& req) { return fn(s, *room, req); };
  };
  r.get("/join", lh(handlers::live::join_form), kPublic);
  r.post("/join", lh(handlers::live::join_code), kPublic);
  r.get("/join/{code}", lh(handlers::live::join_page), kPublic);
  r.post("/join/{code}", lh(handlers::live::join_submit), kPublic);
  r.get("/join/{code}/board", lh(handlers::live::room_board), kPublic);
  r.get("/join/{code}/events", lh(handlers::live::room_events), kPublic);
  r.post("/join/{code}/cards", lh(handlers::live::card_add), kPublic);
  r.post("/join/{code}/cards/{card}", lh(handlers::live::card_edit), kPublic);
  r.post("/join/{code}/cards/{card}/delete", lh(handlers::live::card_delete), kPublic);
  r.post("/join/{code}/cards/{card}/votes", lh(handlers::live::card_vote), kPublic);

  // --- guided reflections (issue 23): members start, answer and read rounds ---
  r.post("/o/{org}/tools/{id}/reflections", ah(reflections::start_round), kMember);
  r.get("/o/{org}/reflections/{round}", ah(reflections::round_page), kMember);
  r.post("/o/{org}/reflections/{round}/finish", ah(reflections::finish_stage), kMember);
  r.get("/o/{org}/reflections/{round}/team", ah(reflections::team_page), kMember);
  r.get("/o/{org}/reflections/{round}/sections/{section}", ah(reflections::section_page), kMember);
  r.post("/o/{org}/reflections/{round}/sections/{section}", ah(reflections::section_save), kMember);

  // --- JSON API (web/static/openapi.json describes it) ---
  r.get("/api/openapi.json", ah(api_openapi), kPublic);
  r.get("/api/v1/me", ah(api_me), kSignedIn);
  r.patch("/api/v1/me", ah(api_update_me), kSignedIn);
  r.get("/api/v1/orgs", ah(api_orgs), kSignedIn);
  r.get("/api/v1/orgs/{org}", ah(api_org), kMember);
  r.patch("/api/v1/orgs/{org}", ah(api_update_org), kOwner);
  r.get("/api/v1/orgs/{org}/members", ah(api_members), kMember);
  r.get("/api/v1/orgs/{org}/audit", ah(api_audit), kOwner);
  r.post("/api/v1/check", ah(api_check), kSignedIn);
  r.post("/api/v1/orgs/{org}/check", ah(api_org_check), kMember);
  r.get("/api/v1/orgs/{org}/checker-settings", ah(api_checker_settings), kMember);
  r.put("/api/v1/orgs/{org}/checker-settings", ah(api_put_checker_settings), kEditor);
  r.get("/api/v1/orgs/{org}/tools", ah(api_tools), kMember);
  r.post("/api/v1/orgs/{org}/tools", ah(api_tool_create), kEditor);
  r.get("/api/v1/orgs/{org}/tools/export.xlsx", ah(tools_export_xlsx), kMember);  // ?lang=de|en
  r.get("/api/v1/orgs/{org}/tools/export.csv", ah(tools_export_csv), kMember);
  r.get("/api/v1/orgs/{org}/tools/{id}", ah(api_tool), kMember);
  r.patch("/api/v1/orgs/{org}/tools/{id}", ah(api_tool_update), kEditor);
  r.get("/api/v1/orgs/{org}/tools/{id}/decisions", ah(api_decisions), kMember);
  r.post("/api/v1/orgs/{org}/tools/{id}/decisions", ah(api_decision_create), kEditor);
  r.get("/api/v1/orgs/{org}/red-lines", ah(api_red_lines), kMember);
  r.post("/api/v1/orgs/{org}/red-lines", ah(api_red_line_create), kEditor);
  r.patch("/api/v1/orgs/{org}/red-lines/{id}", ah(api_red_line_update), kEditor);
  r.del("/api/v1/orgs/{org}/red-lines/{id}", ah(api_red_line_delete), kEditor);
  r.get("/api/v1/orgs/{org}/reviews.ics", ah(reviews_ics), kMember);

  // --- guided reflections: exports (handlers/reflections/exports.h) and JSON API (api.h) ---
  {
    using namespace handlers::reflections;
    constexpr auto kMd = ExportFormat::kMarkdown;
    constexpr auto kHtml = ExportFormat::kHtml;
    constexpr auto kJson = ExportFormat::kJson;
    r.get("/o/{org}/reflections/{round}/mine/export.md", ah(my_reflection_export_as<kMd>), kMember);
    r.get("/o/{org}/reflections/{round}/mine/export.html", ah(my_reflection_export_as<kHtml>), kMember);
    r.get("/o/{org}/reflections/{round}/mine/export.json", ah(my_reflection_export_as<kJson>), kMember);
    r.get("/o/{org}/reflections/{round}/export.md", ah(round_export_as<kMd>), kMember);
    r.get("/o/{org}/reflections/{round}/export.html", ah(round_export_as<kHtml>), kMember);
    r.get("/o/{org}/reflections/{round}/export.json", ah(round_export_as<kJson>), kMember);
    r.get("/o/{org}/tools/{id}/reflections/export.md", ah(tool_reflections_export_as<kMd>), kMember);
    r.get("/o/{org}/tools/{id}/reflections/export.html", ah(tool_reflections_export_as<kHtml>), kMember);
    r.get("/o/{org}/tools/{id}/reflections/export.json", ah(tool_reflections_export_as<kJson>), kMember);
    r.get("/api/v1/orgs/{org}/reflections", ah(api_rounds), kMember);
    r.post("/api/v1/orgs/{org}/reflections", ah(api_round_create), kMember);
    r.get("/api/v1/orgs/{org}/reflections/{round}", ah(api_round), kMember);
    r.get("/api/v1/orgs/{org}/reflections/{round}/mine", ah(api_mine), kMember);
    r.post("/api/v1/orgs/{org}/reflections/{round}/mine", ah(api_mine_start), kMember);
    r.put("/api/v1/orgs/{org}/reflections/{round}/mine/sections/{section}", ah(api_section_save), kMember);
    r.post("/api/v1/orgs/{org}/reflections/{round}/mine/stages/{stage}/finish", ah(api_stage_finish), kMember);
    r.get("/api/v1/orgs/{org}/reflections/{round}/team", ah(api_team), kMember);
  }

  // --- personas (issue 24): the org's library, a tool's personas, JSON API (handlers/personas/) ---
  {
    using namespace handlers::personas;
    r.get("/o/{org}/personas", ah(personas_page), kMember);
    r.post("/o/{org}/personas", ah(persona_create), kEditor);
    r.get("/o/{org}/personas/new", ah(persona_new_page), kEditor);
    r.post("/o/{org}/personas/examples", ah(examples_copy), kEditor);
    r.get("/o/{org}/personas/{persona}", ah(persona_page), kMember);
    r.post("/o/{org}/personas/{persona}", ah(persona_update), kEditor);
    r.get("/o/{org}/personas/{persona}/edit", ah(persona_edit_page), kEditor);
    r.get("/o/{org}/personas/{persona}/delete", ah(persona_delete_page), kEditor);
    r.post("/o/{org}/personas/{persona}/delete", ah(persona_delete), kEditor);
    r.get("/o/{org}/tools/{id}/personas", ah(tool_personas_page), kMember);
    r.post("/o/{org}/tools/{id}/personas", ah(tool_persona_attach), kEditor);
    r.post("/o/{org}/tools/{id}/personas/{persona}/detach", ah(tool_persona_detach), kEditor);
    r.get("/api/v1/orgs/{org}/personas", ah(api_personas), kMember);
    r.post("/api/v1/orgs/{org}/personas", ah(api_persona_create), kEditor);
    r.get("/api/v1/orgs/{org}/personas/{persona}", ah(api_persona), kMember);
    r.put("/api/v1/orgs/{org}/personas/{persona}", ah(api_persona_update), kEditor);
    r.del("/api/v1/orgs/{org}/personas/{persona}", ah(api_persona_delete), kEditor);
    r.get("/api/v1/orgs/{org}/tools/{id}/personas", ah(api_tool_personas), kMember);
    r.post("/api/v1/orgs/{org}/tools/{id}/personas", ah(api_tool_persona_attach), kEditor);
    r.del("/api/v1/orgs/{org}/tools/{id}/personas/{persona}", ah(api_tool_persona_detach), kEditor);
  }

  // --- vulnerability risk matrix (issue 24; handlers/risks/): members read, editors write ---
  {
    namespace rk = handlers::risks;
    using F = rk::ExportFormat;
    r.get("/o/{org}/risks", ah(rk::overview_page), kMember);
    r.get("/o/{org}/risks/export.md", ah(rk::org_export_as<F::kMarkdown>), kMember);
    r.get("/o/{org}/risks/export.csv", ah(rk::org_export_as<F::kCsv>), kMember);
    r.get("/o/{org}/risks/export.xlsx", ah(rk::org_export_as<F::kXlsx>), kMember);
    r.get("/o/{org}/risks/export.json", ah(rk::org_export_as<F::kJson>), kMember);
    r.get("/o/{org}/risks/{risk}", ah(rk::risk_page), kMember);
    r.post("/o/{org}/risks/{risk}", ah(rk::update), kEditor);
    r.get("/o/{org}/risks/{risk}/edit", ah(rk::edit_page), kEditor);
    r.get("/o/{org}/risks/{risk}/delete", ah(rk::delete_page), kEditor);
    r.post("/o/{org}/risks/{risk}/delete", ah(rk::remove), kEditor);
    r.get("/o/{org}/tools/{id}/risks", ah(rk::tool_matrix_page), kMember);
    r.post("/o/{org}/tools/{id}/risks", ah(rk::create), kEditor);
    r.get("/o/{org}/tools/{id}/risks/new", ah(rk::new_page), kEditor);
    r.get("/o/{org}/tools/{id}/risks/export.md", ah(rk::tool_export_as<F::kMarkdown>), kMember);
    r.get("/o/{org}/tools/{id}/risks/export.csv", ah(rk::tool_export_as<F::kCsv>), kMember);
    r.get("/o/{org}/tools/{id}/risks/export.xlsx", ah(rk::tool_export_as<F::kXlsx>), kMember);
    r.get("/o/{org}/tools/{id}/risks/export.json", ah(rk::tool_export_as<F::kJson>), kMember);
    r.get("/api/v1/orgs/{org}/risks", ah(rk::api_list), kMember);
    r.post("/api/v1/orgs/{org}/risks", ah(rk::api_create), kEditor);
    r.get("/api/v1/orgs/{org}/risks/{risk}", ah(rk::api_get), kMember);
    r.put("/api/v1/orgs/{org}/risks/{risk}", ah(rk::api_update), kEditor);
    r.del("/api/v1/orgs/{org}/risks/{risk}", ah(rk::api_delete), kEditor);
    r.get("/api/v1/orgs/{org}/risks/{risk}/history", ah(rk::api_history), kMember);
  }

  // --- review dashboard and calendar feed (members) ---
  r.get("/o/{org}/reviews", ah(reviews_page), kMember);
  r.get("/o/{org}/reviews.ics", ah(reviews_ics), kMember);
  r.post("/o/{org}/reviews/feed", ah(review_feed_rotate), kEditor);
  r.post("/o/{org}/reviews/feed/delete", ah(review_feed_delete), kEditor);
  r.get("/p/{org}/reviews/{file}", ah(public_review_feed), kPublic);  // {secret}.ics, no login

  // --- public transparency register (no login; only tools marked public) ---
  r.get("/p/{org}/register", ah(public_register_page), kPublic);
  r.get("/p/{org}/register.json", ah(public_register_json), kPublic);
  r.get("/p/{org}/register.atom", ah(public_register_atom), kPublic);
  r.get("/api/v1/orgs/{org}/catalog", ah(api_org_catalog), kMember);
  r.get("/api/v1/orgs/{org}/catalog/search", ah(api_org_catalog_search), kMember);
  r.get("/api/v1/orgs/{org}/catalog/entries", ah(api_org_entries), kMember);
  r.post("/api/v1/orgs/{org}/catalog/entries", ah(api_org_entry_create), kEditor);
  r.get("/api/v1/orgs/{org}/catalog/entries/{id}", ah(api_org_entry), kMember);
  r.put("/api/v1/orgs/{org}/catalog/entries/{id}", ah(api_org_entry_update), kEditor);
  r.del("/api/v1/orgs/{org}/catalog/entries/{id}", ah(api_org_entry_delete), kEditor);
  r.get("/api/v1/orgs/{org}/catalog/hidden", ah(api_org_hidden), kMember);
  r.put("/api/v1/orgs/{org}/catalog/hidden/{entry}", ah(api_org_hide), kEditor);
  r.del("/api/v1/orgs/{org}/catalog/hidden/{entry}", ah(api_org_unhide), kEditor);
  r.put("/api/v1/orgs/{org}/catalog/order", ah(api_org_order), kEditor);
}

}  // namespace solipraxis::web
