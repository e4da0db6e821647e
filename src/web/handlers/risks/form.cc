#include "web/handlers/risks/form.h"

#include <algorithm>
#include <utility>

#include "core/text_field.h"
#include "store/personas.h"
#include "store/risk_names.h"
#include "store/store.h"
#include "web/handlers/common/params.h"
#include "web/handlers/risks/risk_views.h"
#include "web/handlers/site/dashboard.h"
#include "web/handlers/tools/tool_views.h"
#include "web/i18n.h"
#include "web/time_zone.h"

namespace solipraxis::web::handlers::risks {

using namespace risk_views;

namespace {

// The form's single-value fields in page order; "personas" (checkboxes) sits
// after the description, "reason" only on the edit form.
constexpr std::array kFields = {"description", "group",   "affected", "likelihood", "impact",
                                "mitigation",  "owner",   "due",      "state",      "reason"};

std::string field_id(std::string_view name) { return "risk-" + std::string(name); }

}  // namespace

RiskForm form_of(const core::Risk& r, std::string_view lang) {
  RiskForm f;
  f.values = {{"description", r.description},
              {"group", r.group},
              {"affected", core::affected_name(r.affected)},
              {"likelihood", core::level_name(r.likelihood)},
              {"impact", core::level_name(r.impact)},
              {"mitigation", r.mitigation},
              {"owner", r.owner ? std::to_string(r.owner->value) : ""},
              {"due", !r.due ? "" : lang == "de" ? r.due->dotted() : r.due->str()},
              {"state", core::risk_state_name(r.state)},
              {"reason", ""}};
  for (core::PersonaId p : r.personas) f.personas.push_back(std::to_string(p.value));
  return f;
}

RiskForm form_of(const Params& form) {
  RiskForm f;
  for (const char* name : kFields) f.values[name] = form.value(name);
  f.personas = form.all("personas");
  return f;
}

core::Result<Choices> load_choices(const Services& s, const auth::Membership& m,
                                   core::ToolId tool) {
  Choices c;
  auto personas = s.store.personas().list(m.org.id);
  if (!personas) return personas.error();
  auto attached = s.store.personas().of_tool(m.org.id, tool);
  if (!attached) return attached.error();
  auto members = s.store.orgs().members(m.org.id);
  if (!members) return members.error();
  for (const auto& p : *attached) c.attached.push_back(p.id);
  // The tool's own personas first, each part in the store's order (by name).
  std::stable_partition(personas->begin(), personas->end(), [&](const core::Persona& p) {
    return std::find(c.attached.begin(), c.attached.end(), p.id) != c.attached.end();
  });
  c.personas = std::move(*personas);
  c.members = std::move(*members);
  return c;
}

core::Risk risk_of(const RiskForm& f, core::Risk base, const Choices& choices,
                   std::vector<core::FieldError>& errors) {
  core::Risk r = std::move(base);
  auto get = [&f](const char* name) {
    auto it = f.values.find(name);
    return it == f.values.end() ? std::string() : it->second;
  };
  std::vector<core::FieldError> parse_errors;
  r.description = get("description");
  r.group = get("group");
  r.mitigation = get("mitigation");
  r.personas.clear();
  for (const auto& raw : f.personas) {
    const auto id = parse_id(raw);
    const bool known = id && std::any_of(choices.personas.begin(), choices.personas.end(),
                                         [&](const core::Persona& p) { return p.id.value == *id; });
    if (!known) {  // another org's persona, or none at all: never stored
      parse_errors.push_back(core::field_error("personas", "personas.error.not_found", raw));
      continue;
    }
    r.personas.push_back(core::PersonaId(*id));
  }
  auto parsed = [&](const char* name, auto parse, auto& into) {
    if (auto v = parse(get(name))) into = *v;
    else parse_errors.push_back(core::FieldError{name, v.error()});
  };
  parsed("affected", core::parse_affected, r.affected);
  parsed("likelihood", core::parse_level, r.likelihood);
  parsed("impact", core::parse_level, r.impact);
  parsed("state", core::parse_risk_state, r.state);
  r.owner.reset();
  if (const std::string owner = get("owner"); !owner.empty()) {
    const auto id = parse_id(owner);
    const bool member = id && std::any_of(choices.members.begin(), choices.members.end(),
                                          [&](const store::Member& mb) { return mb.user.id.value == *id; });
    if (member) r.owner = core::UserId(*id);
    else parse_errors.push_back(core::field_error("owner", "risks.error.owner_not_member", owner));
  }
  r.due.reset();
  if (const auto d = core::trim(get("due")); !d.empty()) {
    if (auto p = core::Date::parse_typed(d)) r.due = *p;
    else parse_errors.push_back(core::FieldError{"due", p.error()});
  }
  core::normalize_risk(r);
  errors = core::risk_errors(r);
  errors.insert(errors.end(), parse_errors.begin(), parse_errors.end());
  // In page order, so the summary reads like the form.
  auto rank = [](const std::string& field) {
    if (field == "personas") return std::size_t{1};
    auto it = std::find(kFields.begin(), kFields.end(), field);
    return it == kFields.end() ? kFields.size() : static_cast<std::size_t>(it - kFields.begin()) + 1;
  };
  std::stable_sort(errors.begin(), errors.end(), [&](const auto& a, const auto& b) {
    return rank(a.field) < rank(b.field);
  });
  return r;
}

namespace {

using ErrorsByField = std::map<std::string, std::string, std::less<>>;

mstch::map field(const Services& s, const Request& req, const FormView& v,
                 const ErrorsByField& errors, std::string_view name, std::string_view label_key) {
  const std::string id = field_id(name);
  auto it = v.form.values.find(name);
  auto err = errors.find(name);
  const bool has_error = err != errors.end();
  return mstch::map{{"id", id},
                    {"name", std::string(name)},
                    {"label", tr(s, req, label_key)},
                    {"value", it == v.form.values.end() ? std::string() : it->second},
                    {"has_error", has_error},
                    {"error", has_error ? err->second : std::string()}};
}

// Radio buttons of an enum field: the first option carries the field's id, so
// the error summary's link lands on it.
template <std::size_t N, typename Enum>
mstch::array options(const Services& s, const Request& req, std::string_view name,
                     const std::array<Enum, N>& all, const char* (*name_of)(Enum),
                     std::string_view label_prefix, const std::string& selected) {
  mstch::array out;
  for (Enum e : all) {
    const std::string value = name_of(e);
    out.push_back(mstch::map{
        {"id", field_id(name) + (out.empty() ? "" : "-" + value)},
        {"name", std::string(name)},
        {"value", value},
        {"label", tr(s, req, std::string(label_prefix) + value)},
        {"checked", selected == value}});
  }
  return out;
}

constexpr std::array kAffected = {core::Affected::kUsers, core::Affected::kNonUsers,
                                  core::Affected::kBoth};
constexpr std::array kStates = {core::RiskState::kOpen, core::RiskState::kMitigated,
                                core::RiskState::kAccepted};

}  // namespace

Response render_form(const Services& s, const Request& req, const auth::Membership& m,
                     const core::Tool& tool, const std::optional<core::Risk>& existing,
                     const Choices& choices, const FormView& v) {
  ErrorsByField errors;
  mstch::array summary;
  for (const auto& e : v.errors) {
    if (errors.contains(e.field)) continue;
    errors[e.field] = tr(s, req, e.error.key);
    summary.push_back(mstch::map{{"id", field_id(e.field)},
                                 {"label", tr(s, req, "risks.field." + e.field)},
                                 {"message", errors[e.field]}});
  }
  mstch::map data = org_page_data(s, req, m);
  const bool editing = existing.has_value();
  data.emplace("title", editing ? tr(s, req, "risks.form.edit_title") + ": " +
                                      core::risk_label(*existing)
                                : format_message(tr(s, req, "risks.form.new_title"),
                                                 {{"tool", tool.name}}));
  data.emplace("editing", editing);
  data.emplace("switch_form", std::string("risk-form"));  // the language switch keeps the input
  data.emplace("tool", mstch::map{{"name", tool.name}, {"url", tool_risks_url(m, tool.id)}});
  data.emplace("action", editing ? risk_url(m, existing->id) : tool_risks_url(m, tool.id));
  data.emplace("session_query", session_query(req));
  data.emplace("cancel_url", editing ? risk_url(m, existing->id) : tool_risks_url(m, tool.id));
  data.emplace("version", v.stored ? std::to_string(v.stored->version)
                                   : editing ? std::to_string(existing->version) : std::string());
  for (const char* name : kFields) {
    data.emplace(std::string("f_") + name, field(s, req, v, errors, name, std::string("risks.field.") + name));
  }
  auto value = [&](const char* name) { return v.form.values.contains(name) ? v.form.values.at(name) : ""; };
  data.emplace("affected_options", options(s, req, "affected", kAffected, core::affected_name,
                                           "risks.affected.", value("affected")));
  data.emplace("likelihood_options", options(s, req, "likelihood", core::kLevels, core::level_name,
                                             "risks.level.", value("likelihood")));
  data.emplace("impact_options", options(s, req, "impact", core::kLevels, core::level_name,
                                         "risks.level.", value("impact")));
  data.emplace("state_options", options(s, req, "state", kStates, core::risk_state_name,
                                        "risks.state.", value("state")));
  mstch::array personas;
  for (const auto& p : choices.personas) {
    const std::string id = std::to_string(p.id.value);
    personas.push_back(mstch::map{
        {"id", personas.empty() ? field_id("personas") : field_id("personas") + "-" + id},
        {"value", id},
        {"name", p.name},
        {"attached", std::find(choices.attached.begin(), choices.attached.end(), p.id) !=
                         choices.attached.end()},
        {"checked", std::find(v.form.personas.begin(), v.form.personas.end(), id) !=
                        v.form.personas.end()}});
  }
  data.emplace("has_personas", !personas.empty());
  data.emplace("personas", personas);
  data.emplace("f_personas", field(s, req, v, errors, "personas", "risks.field.personas"));
  mstch::array owners{mstch::map{{"value", std::string()},
                                 {"label", tr(s, req, "risks.form.no_owner")},
                                 {"selected", value("owner").empty()}}};
  for (const auto& mb : choices.members) {
    const std::string id = std::to_string(mb.user.id.value);
    owners.push_back(mstch::map{{"value", id},
                                {"label", mb.user.name.empty() ? mb.user.email : mb.user.name},
                                {"selected", value("owner") == id}});
  }
  data.emplace("owner_options", owners);
  data.emplace("personas_url", tool_views::tool_url(m, tool.id) + "/personas");
  data.emplace("has_errors", !summary.empty());
  data.emplace("error_summary", summary);
  if (!v.error_key.empty()) data.emplace("error", tr(s, req, v.error_key));
  if (v.stored) {
    auto names = store::load_risk_names(s.store, m.org.id);
    if (names) {
      data.emplace("stored", risk_row(s, req, m, *v.stored, *names, today_in(s.clock, m.org.time_zone)));
    }
  }
  return render(s, req, "risks/form", std::move(data), v.status);
}

}  // namespace solipraxis::web::handlers::risks
