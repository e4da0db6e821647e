#include "route_world.h"

#include <sstream>

#include "catalog/catalog.h"
#include "core/live.h"
#include "store/audit.h"
#include "store/catalog.h"
#include "store/checker.h"
#include "store/common.h"
#include "store/action_items.h"
#include "store/live.h"
#include "store/orgs.h"
#include "store/paging.h"
#include "store/personas.h"
#include "store/reflections.h"
#include "store/risks.h"
#include "store/secrets.h"
#include "store/store.h"
#include "store/tools.h"
#include "store/users.h"

namespace solipraxis::web {

namespace {

const store::Actor kTestActor{std::nullopt, "test"};

template <typename T>
T must(core::Result<T> r, const char* what) {
  if (!r) throw std::runtime_error(std::string(what) + ": " + r.error().detail);
  return std::move(r).value();
}

std::string new_tool(RouteWorld& w, const store::Org& org) {
  core::Tool t;
  t.name = "Werkzeug " + store::random_token().substr(0, 6);
  t.purpose = "Briefe verständlich machen";
  return std::to_string(must(w.srv.store().tools().create_tool(org.id, t, kTestActor), "tool").id.value);
}

// A round of the use template on a fresh tool (its sections fill "sections/{section}"),
// begun by acme's owner, editor and member, so "my reflection" and its exports exist for each.
std::string new_round(RouteWorld& w, const store::Org& org) {
  const core::ToolId tool(std::stoll(new_tool(w, org)));
  store::NewRound r{tool, "m.reflection-template-use", 1, false, 0};
  const auto round = must(w.srv.store().reflections().create_round(org.id, r, kTestActor), "round");
  for (const store::User* u : {&w.owner, &w.editor, &w.member}) {
    must(w.srv.store().reflections().start(org.id, round.id, store::Author{u->id, ""}, kTestActor),
         "reflection");
  }
  return std::to_string(round.id);
}

// A persona attached to a fresh tool, so detaching it has something to do.
std::string new_persona(RouteWorld& w, const store::Org& org) {
  core::Persona p;
  p.name = "Erika, 78";
  p.use = core::Use::kCannot;
  const auto made = must(w.srv.store().personas().create(org.id, p, kTestActor), "persona");
  const core::ToolId tool(std::stoll(new_tool(w, org)));
  if (auto st = w.srv.store().personas().attach(org.id, tool, made.id, kTestActor); !st) {
    throw std::runtime_error("attach: " + st.error().detail);
  }
  return std::to_string(made.id.value);
}

// A risk for a group on a fresh tool (fills "risks/{risk}").
std::string new_risk(RouteWorld& w, const store::Org& org) {
  core::Risk r;
  r.tool = core::ToolId(std::stoll(new_tool(w, org)));
  r.description = "Wer kein Konto hat, erfährt von nichts";
  r.group = "Menschen ohne Konto";
  r.affected = core::Affected::kNonUsers;
  return std::to_string(must(w.srv.store().risks().create(org.id, r, kTestActor), "risk").id.value);
}

std::string new_red_line(RouteWorld& w, const store::Org& org) {
  auto line = w.srv.store().tools().create_red_line(org.id, "Keine Gesichtserkennung", kTestActor);
  return std::to_string(must(std::move(line), "red line").id.value);
}

std::string new_entry(RouteWorld& w, const store::Org& org) {
  store::OrgCatalogEntry e;
  e.kind = "question";
  e.phase = 1;
  e.text_de = "Wen fragen wir vorher?";
  return std::to_string(
      must(w.srv.store().catalog().create_org_catalog_entry(org.id, e, kTestActor), "entry").id);
}

// An open invitation of `org`; returns its id, or with `raw` its secret token.
std::string new_invite(RouteWorld& w, const store::Org& org, bool raw) {
  const std::string token = store::random_token();
  store::Invite inv;
  inv.token_hash = store::hash_token(token);
  inv.role = store::Role::kMember;
  inv.created_by = w.owner.id;
  inv.created_at = w.srv.clock().now();
  inv.expires_at = inv.created_at + 7 * 86400;
  auto made = must(w.srv.store().orgs().create_invite(org.id, inv, kTestActor), "invite");
  return raw ? token : std::to_string(made.id);
}

// A running retro on a fresh tool with one agreed action item; the item's id
// fills "actions/{action}" of the same session (the last one made).
std::string last_live_action;
std::string new_live_session(RouteWorld& w, const store::Org& org) {
  const core::ToolId tool(std::stoll(new_tool(w, org)));
  store::NewLiveSession in;
  in.method_id = "m.team-retro";
  in.catalog_version = 1;
  in.title = "Retro";
  in.tools = {tool};
  in.steps = {core::LiveStep{"", "Check-in", {"Wie geht es?"}, {{"c1", "Gedanken"}}, 600}};
  const auto made = must(w.srv.store().live().create(org.id, in, kTestActor), "session");
  must(w.srv.store().live().go_to_step(org.id, made.id, 0, kTestActor), "start");
  const auto action = must(w.srv.store().live().add_action(
                               org.id, made.id, store::LiveAction{0, tool, "Prüfen", {}, {}},
                               kTestActor),
                           "action");
  last_live_action = std::to_string(
      w.srv.store().live().board(org.id, made.id, std::nullopt).value().actions.back().id);
  (void)action;
  return std::to_string(made.id);
}

// An open action item in a tool's record (from an ended session).
std::string new_action_item(RouteWorld& w, const store::Org& org) {
  const auto session = std::stoll(new_live_session(w, org));
  must(w.srv.store().live().end(org.id, session, std::nullopt, kTestActor), "end");
  return std::to_string(
      must(w.srv.store().action_items().items(org.id, std::nullopt, true), "items").front().id);
}

std::string new_member(RouteWorld& w, const store::Org& org) {
  static int n = 0;
  const std::string email = "extra" + std::to_string(++n) + "@example.org";
  auto u = must(w.srv.store().users().create_user({email, "Extra " + std::to_string(n), "$argon2id$x", ""}),
                "user");
  auto st = w.srv.store().orgs().add_member(org.id, u.id, store::Role::kMember, kTestActor);
  if (!st) throw std::runtime_error("add_member: " + st.error().detail);
  return std::to_string(u.id.value);
}

// A running live session's join code.
std::string new_live_code(RouteWorld& w, const store::Org& org) {
  const auto id = std::stoll(new_live_session(w, org));
  return must(w.srv.store().live().session(org.id, id), "live session").join_code;
}

}  // namespace

// How to fill each path parameter. A route with a parameter missing here fails
// the matrices: add a line (what object the parameter names, made fresh in the org).
const std::map<std::string, ParamFiller>& param_fillers() {
  static const std::map<std::string, ParamFiller> fillers = {
      {"tools/{id}", {true, new_tool}},
      {"red-lines/{id}", {true, new_red_line}},
      {"personas/{persona}", {true, new_persona}},
      {"risks/{risk}", {true, new_risk}},
      {"reflections/{round}", {true, new_round}},
      {"sessions/{id}", {true, new_live_session}},
      {"actions/{action}", {true, [](RouteWorld&, const store::Org&) { return last_live_action; }}},
      {"action-items/{item}", {true, new_action_item}},
      {"sections/{section}",
       {false, [](RouteWorld&, const store::Org&) { return std::string("m.reflection-template-use.1"); }}},
      {"entries/{id}", {true, new_entry}},
      {"invites/{id}", {true, [](RouteWorld& w, const store::Org& o) {
                          return new_invite(w, o, false);
                        }}},
      {"members/{user}", {true, new_member}},
      {"stages/{stage}", {false, [](RouteWorld&, const store::Org&) { return std::string("1"); }}},
      {"hidden/{entry}",
       {false, [](RouteWorld& w, const store::Org&) { return w.first_catalog_entry(); }}},
      // Not under an org: the account's own tokens and invitation links.
      {"tokens/{id}", {false, [](RouteWorld& w, const store::Org&) {
                         auto t = w.srv.store().users().create_token(w.owner.id, "matrix",
                                                             store::hash_token(store::random_token()));
                         return std::to_string(must(std::move(t), "token").id.value);
                       }}},
      // The participants' room of a live session: a running session's code, any card.
      {"join/{code}", {false, new_live_code}},
      {"cards/{card}", {false, [](RouteWorld&, const store::Org&) { return std::string("1"); }}},
      {"invite/{token}", {false, [](RouteWorld& w, const store::Org& o) {
                            return new_invite(w, o, true);
                          }}},
  };
  return fillers;
}

std::string param_key(const Router::Route& route, std::size_t i) {
  const std::string before = i > 0 ? route.segments[i - 1].text : "";
  return before + "/{" + route.segments[i].text + "}";
}

bool is_org_route(const Router::Route& route) {
  return route.pattern.starts_with("/o/{org}") || route.pattern.starts_with("/api/v1/orgs/{org}");
}

std::optional<FilledPath> fill_path(RouteWorld& w, const Router::Route& route,
                                    const std::string& org, const store::Org& owner_org,
                                    std::string* missing) {
  FilledPath out;
  for (std::size_t i = 0; i < route.segments.size(); ++i) {
    const auto& seg = route.segments[i];
    out.path += '/';
    if (seg.kind == Router::Segment::kLiteral) {
      out.path += seg.text;
      continue;
    }
    if (seg.kind == Router::Segment::kParam && seg.text == "org") {
      out.path += org;
      continue;
    }
    const std::string key = param_key(route, i);
    const auto& fillers = param_fillers();
    const auto it = fillers.find(key);
    if (seg.kind == Router::Segment::kRest || it == fillers.end()) {
      if (missing) *missing = key;
      return std::nullopt;
    }
    out.path += it->second.make(w, owner_org);
    out.has_owned_param = out.has_owned_param || it->second.org_owned;
  }
  return out;
}

RouteWorld::RouteWorld()
    : owner_b(srv.port()),
      editor_b(srv.port()),
      member_b(srv.port()),
      outsider_b(srv.port()),
      anonymous_b(srv.port()) {
  srv.load_catalog();
  owner = srv.user("owner@acme.example", "acme", store::Role::kOwner);
  editor = srv.user("editor@acme.example", "acme", store::Role::kEditor);
  member = srv.user("member@acme.example", "acme", store::Role::kMember);
  outsider = srv.user("owner@other.example", "other", store::Role::kOwner);
  acme = srv.org("acme");
  other = srv.org("other");
  // The outsider's org has data of its own, so a leak would have something to mix in.
  new_tool(*this, other);
  const std::pair<Browser*, std::string> people[] = {{&owner_b, owner.email},
                                                     {&editor_b, editor.email},
                                                     {&member_b, member.email},
                                                     {&outsider_b, outsider.email}};
  for (const auto& [b, email] : people) {
    const auto r = b->sign_in(email);
    if (r.status != 303) throw std::runtime_error("sign-in failed for " + email);
    b->set_csrf(session_csrf(*b));
  }
  anonymous_b.open("/login");  // the pre-session token that sign-in forms carry
}

Browser& RouteWorld::as(store::Role role) {
  switch (role) {
    case store::Role::kOwner: return owner_b;
    case store::Role::kEditor: return editor_b;
    case store::Role::kMember: return member_b;
  }
  return member_b;
}

std::string RouteWorld::session_csrf(Browser& b) {
  auto page = b.get("/account");
  const std::string token = csrf_in(page.body);
  if (token.empty()) throw std::runtime_error("no CSRF token on /account");
  return token;
}

testing::HttpResponse RouteWorld::send(Browser& b, const Router::Route& route,
                                       const std::string& path, const std::string& csrf) {
  if (!route.changes_state()) return b.send(route.method, path);
  if (path.starts_with("/api/")) {
    std::string extra = csrf.empty() ? "" : "X-CSRF-Token: " + csrf + "\r\n";
    return b.send(route.method, path, "{}", "application/json", extra);
  }
  std::vector<std::pair<std::string, std::string>> fields;
  if (!csrf.empty()) fields.emplace_back("csrf_token", csrf);
  return b.send(route.method, path, form_encode(fields));
}

std::string RouteWorld::first_catalog_entry() {
  const auto* set = srv.app().services().catalog;
  if (!set || set->empty() || set->current().questions.empty()) {
    throw std::runtime_error("no catalog loaded");
  }
  return set->current().questions.front().id;
}

std::string RouteWorld::snapshot(const store::Org& org) {
  store::Store& st = srv.store();
  std::ostringstream out;
  std::string cursor;
  std::size_t audit = 0;
  do {
    auto page = must(st.audit().audit_log(org.id, store::AuditFilter{}, store::PageRequest{200, cursor}),
                     "audit");
    audit += page.items.size();
    cursor = page.next;
  } while (!cursor.empty());
  out << "audit " << audit << '\n';
  cursor.clear();
  do {
    auto page = must(st.tools().list_tools(org.id, {}, store::PageRequest{200, cursor}), "tools");
    for (const auto& t : page.items) {
      out << "tool " << t.id.value << ' ' << t.version << ' ' << core::phase_name(t.phase) << ' '
          << t.name << ' ' << t.updated_at << '\n';
    }
    cursor = page.next;
  } while (!cursor.empty());
  for (const auto& r : must(st.risks().list(org.id, {}), "risks")) {
    out << "risk " << r.id.value << ' ' << r.version << '\n';
  }
  for (const auto& m : must(st.orgs().members(org.id), "members")) {
    out << "member " << m.user.id.value << ' ' << store::role_name(m.role) << '\n';
  }
  for (const auto& i : must(st.orgs().open_invites(org.id), "invites")) out << "invite " << i.id << '\n';
  for (const auto& l : must(st.tools().red_lines(org.id), "red lines")) {
    out << "red line " << l.id.value << ' ' << l.text << '\n';
  }
  for (const auto& p : must(st.personas().list(org.id), "personas")) {
    out << "persona " << p.id.value << ' ' << p.version << ' ' << p.name << '\n';
  }
  const auto cat = must(st.catalog().org_catalog(org.id), "catalog");
  for (const auto& e : cat.entries) out << "entry " << e.id << ' ' << e.updated_at << '\n';
  for (const auto& h : cat.hidden) out << "hidden " << h << '\n';
  for (const auto& o : cat.order) out << "order " << o.entry_id << ' ' << o.position << '\n';
  const auto cs = must(st.checker().checker_settings(org.id), "checker settings");
  out << "checker " << cs.updated_at << ' ' << cs.style << '\n';
  out << "interval " << must(st.tools().review_interval_months(org.id), "interval") << '\n';
  auto feed = st.tools().review_feed(org.id);
  out << "feed " << (feed ? feed->secret_hash : "none") << '\n';
  const auto u = must(st.users().user(owner.id), "owner");
  out << "owner " << u.name << ' ' << u.lang << ' ' << u.password_hash << '\n';
  for (const auto& t : must(st.users().tokens(owner.id), "tokens")) out << "token " << t.id.value << '\n';
  return out.str();
}

}  // namespace solipraxis::web
