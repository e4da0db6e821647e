#include "web/handlers/public/public_register.h"

#include <variant>

#include "core/tool_phase.h"
#include "store/orgs.h"
#include "store/store.h"
#include "web/page.h"
#include "web/public_register.h"
#include "web/public_url.h"

namespace solipraxis::web::handlers {

namespace {

// The register of the org in the path (no login), or the 404/503 answer.
using Loaded = std::variant<PublicRegister, Response>;
Loaded load_register(auth::Auth& auth, const Request& req) {
  Services& s = auth.services();
  auto org = s.store.orgs().org_by_slug(req.param("org"));
  if (!org) {
    const auto code = org.error().code;
    if (code == core::ErrorCode::kNotFound || code == core::ErrorCode::kInvalidInput) {
      return auth.error(req, 404, "error.http.not_found");
    }
    return auth.error(req, 503, "error.http.unavailable");
  }
  auto reg = load_public_register(s.store, *org);
  if (!reg) return error_response(s, req, reg.error());
  return std::move(reg).value();
}

// The JSON and Atom feeds carry no personal data and no cookie: shared caches
// may keep them for a minute (Atom's labels follow the language).
Response cacheable(Response res) {
  res.headers.set("Cache-Control", "public, max-age=60");
  res.headers.set("Vary", "Accept-Language");
  return res;
}

// The HTML page has the visitor's name, orgs and CSRF token in its layout and
// may set a cookie, so only the visitor's own browser may keep it.
Response private_page(Response res) {
  res.headers.set("Cache-Control", "private, no-cache");
  res.headers.set("Vary", "Accept-Language, Cookie");
  return res;
}

// Label/value rows of one tool; empty values are left out.
mstch::array field_rows(const Services& s, const Request& req, const core::Tool& t) {
  mstch::array rows;
  auto add = [&](std::string_view key, const std::string& value) {
    if (value.empty()) return;
    rows.push_back(mstch::map{{"label", tr(s, req, key)}, {"value", value}});
  };
  add("tools.field.purpose", t.purpose);
  add("tools.field.target_groups", t.target_groups);
  add("tools.field.affected_users", t.affected_users);
  add("tools.field.affected_non_users", t.affected_non_users);
  add("tools.field.affected_groups", t.affected_groups);
  add("tools.field.human_oversight", t.human_oversight);
  add("tools.field.risks", t.risks);
  add("tools.field.data_processed", t.data_processed);
  // Never left out: "not answered yet" is said as such, not read as "no".
  add("tools.field.personal_data", tr(s, req, core::data_answer_label_key(t.personal_data)));
  add("tools.field.special_categories",
      tr(s, req, core::data_answer_label_key(core::special_categories_answer(t))));
  add("tools.field.vendor", t.vendor);
  if (t.hosting)
    add("tools.field.hosting",
        tr(s, req, std::string("tools.hosting.") + core::hosting_name(*t.hosting)));
  if (t.openness)
    add("tools.field.openness",
        tr(s, req, std::string("tools.openness.") + core::openness_name(*t.openness)));
  add("tools.field.contact", t.contact);
  return rows;
}

mstch::map entry_view(const Services& s, const Request& req, const core::PublicToolEntry& e) {
  const core::Tool& t = e.tool;
  mstch::array principles;
  for (int p : e.principles) principles.push_back(principle_label(s, req, p));
  mstch::array links;
  for (const auto& l : t.links) links.push_back(l);
  mstch::map view{
      {"id", std::to_string(t.id.value)},
      {"name", t.name},
      {"summary", t.public_summary},
      {"phase", std::string(core::phase_name(t.phase))},
      {"status", tr(s, req, std::string("tools.phase.") + core::phase_name(t.phase))},
      {"fields", field_rows(s, req, t)},
      {"links", links},
      {"has_links", !t.links.empty()},
      {"principles", principles},
      {"has_principles", !e.principles.empty()},
      {"last_review", e.last_review ? e.last_review->str() : std::string()},
      {"next_review", t.next_review ? t.next_review->str() : std::string()},
  };
  if (e.non_use) {
    mstch::array notes;
    for (const auto& n : e.non_use->principles) {
      notes.push_back(mstch::map{{"label", principle_label(s, req, n.principle)}, {"how", n.how}});
    }
    view.emplace("non_use", mstch::map{{"decided_on", e.non_use->decided_on.str()},
                                       {"rationale", e.non_use->rationale},
                                       {"notes", notes},
                                       {"has_notes", !notes.empty()}});
  } else {
    view.emplace("non_use", false);  // never fall back to the page's lists
  }
  return view;
}

}  // namespace

std::string base_url(auth::Auth& auth, const Request& req) {
  const Services& s = auth.services();
  return link_base(s.public_url, auth.is_secure(req) ? "https" : "http", req.header("Host"),
                   s.listen_authority);
}

std::string principle_label(const Services& s, const Request& req, int principle) {
  std::string label = tr(s, req, "register.principle") + " " + std::to_string(principle);
  if (s.catalog) {
    const auto* p = s.catalog->current().principle("p." + std::to_string(principle));
    if (p) label += ": " + p->name.get(req.lang == "en" ? catalog::Lang::kEn : catalog::Lang::kDe);
  }
  return label;
}

Response public_register_page(auth::Auth& auth, Request& req) {
  Loaded loaded = load_register(auth, req);
  if (auto* denied = std::get_if<Response>(&loaded)) return std::move(*denied);
  const PublicRegister& reg = std::get<PublicRegister>(loaded);
  Services& s = auth.services();
  mstch::array tools, non_use;
  for (const auto& e : reg.entries) {
    (e.non_use ? non_use : tools).push_back(entry_view(s, req, e));
  }
  mstch::map data{
      {"title", reg.org.name + ": " + tr(s, req, "register.heading")},
      {"org", mstch::map{{"slug", reg.org.slug}, {"name", reg.org.name}}},
      {"has_tools", !tools.empty()},
      {"tool_entries", tools},
      {"has_non_use", !non_use.empty()},
      {"non_use_entries", non_use},
      {"empty", reg.entries.empty()},
  };
  return private_page(render(s, req, "pages/public_register", std::move(data)));
}

Response public_register_json(auth::Auth& auth, Request& req) {
  Loaded loaded = load_register(auth, req);
  if (auto* denied = std::get_if<Response>(&loaded)) return std::move(*denied);
  const PublicRegister& reg = std::get<PublicRegister>(loaded);
  Response res = cacheable(Response::json(
      web::public_register_json(reg, base_url(auth, req), auth.services().clock.now())));
  res.headers.set("Access-Control-Allow-Origin", "*");  // public data, meant for reuse
  return res;
}

Response public_register_atom(auth::Auth& auth, Request& req) {
  Loaded loaded = load_register(auth, req);
  if (auto* denied = std::get_if<Response>(&loaded)) return std::move(*denied);
  const PublicRegister& reg = std::get<PublicRegister>(loaded);
  Services& s = auth.services();
  auto label = [&](std::string_view key) { return tr(s, req, key); };
  Response res;
  res.headers.set("Content-Type", "application/atom+xml; charset=utf-8");
  res.body = web::public_register_atom(reg, base_url(auth, req), req.lang, label);
  return cacheable(std::move(res));
}

}  // namespace solipraxis::web::handlers
