#include "web/handlers/audit/audit_view.h"

#include <algorithm>
#include <tuple>

#include "core/civil_date.h"
#include "core/tool_phase.h"
#include "store/audit_facts.h"
#include "store/store.h"
#include "store/tools.h"
#include "web/handlers/common/params.h"
#include "web/handlers/tools/tool_views.h"
#include "web/page.h"
#include "web/time_zone.h"

namespace solipraxis::web::handlers::audit_view {

namespace {

// The message for `key`, or `fallback` when the catalog has none.
std::string tr_or(const Services& s, const Request& req, const std::string& key,
                  const std::string& fallback) {
  const std::string& text = s.i18n.t(req.lang, key);
  return text == key ? fallback : text;
}

// "25.11.2026, 17:25 UTC" (de) or "2026-11-25, 17:25 UTC" (en) from an ISO time.
std::string person(const Services& s, const Request& req, const std::optional<std::string>& name) {
  if (!name) return tr(s, req, "audit.who.deleted");
  if (name->empty()) return tr(s, req, "audit.who.no_name");
  return *name;
}

std::string who(const Services& s, const Request& req, const store::AuditEntry& e,
                store::AuditNames& names) {
  std::string out;
  if (e.actor) {
    out = person(s, req, names.name(*e.actor));
  } else if (store::actor_deleted(e)) {
    out = tr(s, req, "audit.who.deleted");
  } else {
    out = tr(s, req, e.via == "cli" ? "audit.who.cli" : "audit.who.system");
  }
  if (e.via == "api") out += " (" + tr(s, req, "audit.via.api") + ")";
  return out;
}

std::vector<std::string> field_labels(const Services& s, const Request& req,
                                      const std::vector<std::string>& fields) {
  std::vector<std::string> out;
  for (const auto& f : fields) out.push_back(tr_or(s, req, "tools.field." + f, f));
  return out;
}

std::string phase_text(const Services& s, const Request& req, const std::string& code) {
  auto p = core::parse_phase(code);
  return p ? tool_views::phase_label(s, req, *p) : code;
}

// The detail after the action: which fields, which phases, roles or months.
std::string detail(const Services& s, const Request& req, const store::AuditEntry& e,
                   const store::AuditFacts& f) {
  if (!f.changed.empty()) {
    return tr(s, req, "audit.detail.changed") + ": " + joined(field_labels(s, req, f.changed), ", ");
  }
  if (f.from.empty() && f.to.empty()) return {};
  if (e.action == "tool.transition") {
    std::string out = phase_text(s, req, f.from) + " → " + phase_text(s, req, f.to);
    if (auto k = core::parse_decision_kind(f.decision_kind)) {
      out = tool_views::kind_label(s, req, *k) + ": " + out;
    }
    return out;
  }
  if (e.action == "member.role") {
    return tr_or(s, req, "members.role." + f.from, f.from) + " → " +
           tr_or(s, req, "members.role." + f.to, f.to);
  }
  if (e.action == "org.review_interval") {
    return f.from + " → " + f.to + " " + tr(s, req, "audit.detail.months");
  }
  if (e.action == "org.rename" || e.action == "org.time_zone") return f.from + " → " + f.to;
  return {};
}

// The object in words: a name from the org's data, a person, or what it is.
std::string object(const Services& s, const Request& req, const auth::Membership& m,
                   const store::AuditEntry& e, const store::AuditFacts& f,
                   store::AuditNames& names) {
  if (e.entity == "membership") return person(s, req, names.member_name(e));
  if (e.entity == "org") return f.object_name.empty() ? m.org.name : f.object_name;
  if (!f.object_name.empty()) return f.object_name;
  if (e.entity == "invite" || e.entity == "catalog_order" || e.entity == "checker_settings" ||
      e.entity == "review_feed") {
    return tr(s, req, "audit.object." + e.entity);
  }
  return e.entity_id;  // e.g. a hidden entry of the base catalog, by its id
}

}  // namespace

std::string action_label(const Services& s, const Request& req, const std::string& action) {
  return tr_or(s, req, "audit.action." + action, action);
}

bool ToolNames::exists(const std::string& entity_id) {
  auto [it, fresh] = cache_.try_emplace(entity_id, false);
  if (fresh) {
    const auto id = parse_id(entity_id);
    it->second = id && store_.tools().tool(org_, core::ToolId(*id)).has_value();
  }
  return it->second;
}

mstch::map entry_data(const Services& s, const Request& req, const auth::Membership& m,
                      const store::AuditEntry& e, store::AuditNames& names, ToolNames& tools) {
  const store::AuditFacts f = store::audit_facts(e);
  const std::string iso = core::utc_timestamp(e.at);
  std::string object_url;
  if (e.entity == "tool" && tools.exists(e.entity_id)) {
    object_url = "/o/" + m.org.slug + "/tools/" + e.entity_id;
  }
  return mstch::map{
      {"id", std::to_string(e.id)},
      {"iso", iso},
      {"when", readable_time(e.at, m.org.time_zone, req.lang)},
      {"who", who(s, req, e, names)},
      {"what", action_label(s, req, e.action)},
      {"detail", detail(s, req, e, f)},
      {"object", object(s, req, m, e, f, names)},
      {"object_url", object_url},
  };
}

nlohmann::json entry_json(const Services& s, const Request& req, const store::AuditEntry& e,
                          store::AuditNames& names) {
  nlohmann::json j = store::audit_json(e, store::audit_facts(e), names);
  j["message"] = action_label(s, req, e.action);
  return j;
}

mstch::array tool_history(const Services& s, const Request& req,
                          const std::vector<core::Decision>& decisions,
                          const std::vector<store::AuditEntry>& changes,
                          store::AuditNames& names, std::string_view zone) {
  // (day, recorded at, entry): decisions sort by the day decided, changes by
  // the day made; on the same day, by when each was recorded.
  using Keyed = std::tuple<std::string, core::UnixTime, mstch::node>;
  std::vector<Keyed> all;
  mstch::array decided = tool_views::timeline_data(s, req, decisions);
  for (std::size_t i = 0; i < decisions.size() && i < decided.size(); ++i) {
    all.emplace_back(decisions[i].decided_on.str(), decisions[i].created_at, decided[i]);
  }
  for (const auto& e : changes) {
    if (e.action == "tool.transition") continue;
    const store::AuditFacts f = store::audit_facts(e);
    const std::string iso = core::utc_timestamp(e.at);
    const std::string changed = joined(field_labels(s, req, f.changed), ", ");
    all.emplace_back(local_time(e.at, zone).date.str(), e.at,
                     mstch::node(mstch::map{{"is_change", true},
                                {"id", std::to_string(e.id)},
                                {"iso", iso},
                                {"date", readable_time(e.at, zone, req.lang)},
                                {"what", action_label(s, req, e.action)},
                                {"has_changed", !changed.empty()},
                                {"changed", changed},
                                {"who", who(s, req, e, names)}}));
  }
  std::stable_sort(all.begin(), all.end(), [](const Keyed& a, const Keyed& b) {
    return std::tie(std::get<0>(a), std::get<1>(a)) < std::tie(std::get<0>(b), std::get<1>(b));
  });
  mstch::array out;
  for (auto& k : all) out.push_back(std::move(std::get<2>(k)));
  return out;
}

}  // namespace solipraxis::web::handlers::audit_view
