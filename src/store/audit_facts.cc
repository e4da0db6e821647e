#include "store/audit_facts.h"

#include <algorithm>
#include <charconv>

#include "core/civil_date.h"

namespace solipraxis::store {

using nlohmann::json;

namespace {

struct KindEntities {
  std::string_view kind;
  std::vector<std::string> entities;
};

const std::vector<KindEntities>& kind_table() {
  static const std::vector<KindEntities> table = {
      {"tools", {"tool"}},
      {"red_lines", {"red_line"}},
      {"catalog", {"catalog_entry", "catalog_order"}},
      {"reflections", {"reflection_round", "reflection"}},
      {"personas", {"persona"}},
      {"risks", {"risk"}},
      {"members", {"membership", "invite", "user"}},
      {"settings", {"org", "checker_settings", "review_feed"}},
  };
  return table;
}

// A summary as a JSON object; anything else (empty, malformed) is an empty object.
json summary_of(const std::string& text) {
  if (text.empty()) return json::object();
  json j = json::parse(text, nullptr, false);
  return j.is_object() ? j : json::object();
}

std::string text_at(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end()) return {};
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_integer()) return std::to_string(it->get<std::int64_t>());
  return {};
}

// At most `max` code points of `text`, with "…" when cut.
std::string shortened(const std::string& text, std::size_t max) {
  std::size_t points = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (points++ == max) return text.substr(0, i) + "…";
  }
  return text;
}

constexpr std::size_t kMaxObjectName = 80;

// The name of the object from its newest summary (after, else before).
std::string object_name(const AuditEntry& e, const json& before, const json& after) {
  const json& s = after.empty() ? before : after;
  if (e.entity == "tool" || e.entity == "org" || e.entity == "persona") return text_at(s, "name");
  if (e.entity == "red_line") return shortened(text_at(s, "text"), kMaxObjectName);
  if (e.entity == "risk") return "R" + e.entity_id;  // as the matrix labels it
  if (e.entity == "catalog_entry") {
    std::string title = text_at(s, "title_de");
    if (title.empty()) title = text_at(s, "text_de");
    return shortened(title, kMaxObjectName);
  }
  return {};  // memberships and invites: people, see AuditNames::member_name
}

// tool.update rows before the store recorded "changed": what the summaries show.
std::vector<std::string> changed_from_summaries(const json& before, const json& after) {
  std::vector<std::string> out;
  for (const char* key : {"name", "next_review", "public"}) {
    auto a = before.find(key);
    auto b = after.find(key);
    if (a != before.end() && b != after.end() && *a != *b) out.emplace_back(key);
  }
  return out;
}

}  // namespace

std::string audit_kinds_list() {
  std::string out;
  for (std::string_view k : kAuditKinds) out += (out.empty() ? "" : ", ") + std::string(k);
  return out;
}

std::optional<AuditFilter> audit_kind_filter(std::string_view kind) {
  if (kind.empty()) return AuditFilter{};
  for (const auto& k : kind_table()) {
    if (k.kind == kind) return AuditFilter{k.entities, ""};
  }
  return std::nullopt;
}

std::string_view audit_kind(std::string_view entity) {
  for (const auto& k : kind_table()) {
    if (std::find(k.entities.begin(), k.entities.end(), entity) != k.entities.end()) return k.kind;
  }
  return {};
}

AuditFacts audit_facts(const AuditEntry& e) {
  AuditFacts f;
  f.kind = std::string(audit_kind(e.entity));
  const json before = summary_of(e.before);
  const json after = summary_of(e.after);
  f.object_name = object_name(e, before, after);
  if (e.action == "tool.update") {
    if (auto it = after.find("changed"); it != after.end() && it->is_array()) {
      for (const auto& field : *it) {
        if (field.is_string()) f.changed.push_back(field.get<std::string>());
      }
    } else {
      f.changed = changed_from_summaries(before, after);
    }
  } else if (e.action == "tool.transition") {
    f.from = text_at(before, "phase");
    f.to = text_at(after, "phase");
    f.decision_kind = text_at(after, "kind");
  } else if (e.action == "member.role") {
    f.from = text_at(before, "role");
    f.to = text_at(after, "role");
  } else if (e.action == "org.review_interval") {
    f.from = text_at(before, "review_interval_months");
    f.to = text_at(after, "review_interval_months");
  } else if (e.action == "org.rename") {
    f.from = text_at(before, "name");
    f.to = text_at(after, "name");
  } else if (e.action == "org.time_zone") {
    f.from = text_at(before, "time_zone");
    f.to = text_at(after, "time_zone");
  }
  return f;
}

std::optional<std::string> AuditNames::name(UserId user) {
  auto [it, fresh] = cache_.try_emplace(user.value);
  if (fresh) {
    if (auto u = users_.user(user)) it->second = u->name;
  }
  return it->second;
}

std::optional<std::string> AuditNames::member_name(const AuditEntry& e) {
  if (e.entity != "membership") return std::nullopt;
  std::int64_t id = 0;
  const char* end = e.entity_id.data() + e.entity_id.size();
  auto [p, ec] = std::from_chars(e.entity_id.data(), end, id);
  if (ec != std::errc{} || p != end || id <= 0) return std::nullopt;
  return name(UserId(id));
}

bool actor_deleted(const AuditEntry& e) {
  // Changes on the web, by API or by invitation have a person; without one
  // now, the account was deleted (the row keeps the change, not the person).
  return !e.actor && (e.via == "web" || e.via == "api" || e.via == "invite");
}

Result<std::vector<AuditEntry>> audit_trail(Audit& audit, OrgId org, const AuditFilter& filter) {
  std::vector<AuditEntry> out;
  PageRequest page{200, ""};
  for (;;) {
    auto got = audit.audit_log(org, filter, page);
    if (!got) return got.error();
    for (auto& e : got->items) out.push_back(std::move(e));
    if (got->next.empty()) break;
    page.cursor = got->next;
  }
  std::reverse(out.begin(), out.end());
  return out;
}

json audit_json(const AuditEntry& e, const AuditFacts& f, AuditNames& names) {
  json actor = nullptr;  // the command line (no person)
  if (e.actor) {
    const auto name = names.name(*e.actor);
    actor = {{"id", e.actor->value},
             {"name", name ? json(*name) : json(nullptr)},
             {"deleted", !name.has_value()}};
  } else if (actor_deleted(e)) {
    actor = {{"id", nullptr}, {"name", nullptr}, {"deleted", true}};
  }
  std::string object = f.object_name;
  if (auto person = names.member_name(e)) object = *person;
  json out{{"id", e.id},
           {"at", core::utc_timestamp(e.at)},
           {"action", e.action},
           {"kind", f.kind},
           {"via", e.via},
           {"actor", std::move(actor)},
           {"object", {{"entity", e.entity}, {"id", e.entity_id}, {"name", object}}}};
  if (!f.changed.empty()) out["changed"] = f.changed;
  if (!f.from.empty()) out["from"] = f.from;
  if (!f.to.empty()) out["to"] = f.to;
  if (!f.decision_kind.empty()) out["decision_kind"] = f.decision_kind;
  return out;
}

}  // namespace solipraxis::store
