// The form to record a tool and to edit it (see tools.h). Every problem is
// shown next to its field with the person's input kept; a save against an
// older version shows the stored values beside the person's input, so nothing
// is lost (optimistic locking through the hidden "version" field). The form
// also carries the values it started from (hidden "base.*" fields), so after
// a conflict the fields someone else changed are marked in words, not colour.
#include <map>
#include <set>
#include <utility>

#include "core/public_register.h"
#include "core/text_field.h"
#include "web/handlers/dashboard.h"
#include "web/handlers/params.h"
#include "web/handlers/tool_views.h"
#include "web/handlers/tools.h"
#include "web/page.h"

namespace solipraxis::web::handlers {

using namespace tool_views;

namespace {

// kAnswer: three radio buttons yes / no / not answered yet (core::DataAnswer).
enum class Input { kText, kTextarea, kDate, kCheckbox, kAnswer, kHosting, kOpenness, kLinks };

struct FieldSpec {
  const char* name;  // the form field and core::FieldError::field
  Input input;
  std::size_t maxlength;  // 0: none in the markup
  const char* hint_key;   // "" when none
};

struct GroupSpec {
  const char* legend_key;
  std::vector<FieldSpec> fields;
};

const std::vector<GroupSpec>& form_groups() {
  static const std::vector<GroupSpec> groups = {
      {"tools.form.group.basics",
       {{"name", Input::kText, core::kToolNameMax, "tools.form.hint.name"},
        {"vendor", Input::kText, core::kToolShortFieldMax, ""},
        {"purpose", Input::kTextarea, 0, "tools.form.hint.purpose"},
        {"target_groups", Input::kTextarea, 0, ""}}},
      {"tools.form.group.operation",
       {{"hosting", Input::kHosting, 0, ""},
        {"openness", Input::kOpenness, 0, ""},
        {"cost", Input::kText, core::kToolShortFieldMax, ""},
        {"contact", Input::kText, core::kToolShortFieldMax, ""},
        {"links", Input::kLinks, 0, "tools.form.hint.links"}}},
      {"tools.form.group.data",
       {{"data_processed", Input::kTextarea, 0, ""},
        {"personal_data", Input::kAnswer, 0, "tools.form.hint.personal_data"},
        {"special_categories", Input::kCheckbox, 0, "tools.form.hint.special_categories"},
        {"affected_users", Input::kTextarea, 0, ""},
        {"affected_non_users", Input::kTextarea, 0, "tools.form.hint.affected_non_users"},
        {"affected_groups", Input::kTextarea, 0, ""}}},
      {"tools.form.group.review",
       {{"next_review", Input::kDate, 0, "tools.form.hint.next_review"}}},
      {"tools.form.group.public",
       {{"public", Input::kCheckbox, 0, "tools.form.hint.public"},
        {"public_summary", Input::kTextarea, core::kToolPublicSummaryMax,
         "tools.form.hint.public_summary"},
        {"human_oversight", Input::kTextarea, 0, "tools.form.hint.human_oversight"},
        {"risks", Input::kTextarea, 0, ""}}},
  };
  return groups;
}

// What the person entered, by field name, exactly as sent.
using FormValues = std::map<std::string, std::string, std::less<>>;

FormValues values_of(const core::Tool& t) {
  return FormValues{
      {"name", t.name},
      {"vendor", t.vendor},
      {"purpose", t.purpose},
      {"target_groups", t.target_groups},
      {"hosting", t.hosting ? core::hosting_name(*t.hosting) : ""},
      {"openness", t.openness ? core::openness_name(*t.openness) : ""},
      {"data_processed", t.data_processed},
      {"personal_data", core::data_answer_name(t.personal_data)},
      {"special_categories", t.special_categories ? "1" : ""},
      {"affected_users", t.affected_users},
      {"affected_non_users", t.affected_non_users},
      {"affected_groups", t.affected_groups},
      {"cost", t.cost},
      {"contact", t.contact},
      {"links", joined(t.links, "\n")},
      {"next_review", t.next_review ? t.next_review->str() : ""},
      {"public", t.is_public ? "1" : ""},
      {"public_summary", t.public_summary},
      {"human_oversight", t.human_oversight},
      {"risks", t.risks},
  };
}

constexpr std::string_view kBasePrefix = "base.";

// The form's fields, each named `prefix` + field name; empty when none was sent.
FormValues values_of(const Params& form, std::string_view prefix = "") {
  FormValues out;
  bool any = false;
  for (const auto& group : form_groups()) {
    for (const auto& f : group.fields) {
      const std::string key = std::string(prefix) + f.name;
      any = any || form.has(key);
      out[f.name] = form.value(key);
    }
  }
  return any || prefix.empty() ? out : FormValues{};
}

// A field's value as saving would see it: browsers send textareas with CRLF,
// the store trims, a checkbox is on or off, an answer not sent is not given,
// links are one per line.
std::string canonical(const FieldSpec& f, std::string_view raw) {
  if (f.input == Input::kCheckbox) return raw.empty() ? "" : "1";
  if (f.input == Input::kAnswer && raw.empty()) return "unknown";
  std::string text;
  for (char c : raw) {
    if (c != '\r') text += c;
  }
  if (f.input == Input::kLinks) return joined(split_lines(text), "\n");
  return std::string(core::trim(text));
}

using FieldNames = std::set<std::string, std::less<>>;

// After a conflict: the fields whose stored value is not the one the person
// started from (`base`), i.e. what someone else changed. Without a base (a
// form from before base.* existed): the fields where stored and input differ.
FieldNames changed_fields(const FormValues& stored, const FormValues& base,
                          const FormValues& input) {
  const FormValues& from = base.empty() ? input : base;
  const auto value = [](const FormValues& v, const FieldSpec& f) {
    auto it = v.find(f.name);
    return canonical(f, it == v.end() ? "" : it->second);
  };
  FieldNames out;
  for (const auto& g : form_groups()) {
    for (const auto& f : g.fields) {
      if (value(stored, f) != value(from, f)) out.insert(f.name);
    }
  }
  return out;
}

std::string label_key_of(std::string_view name) {
  return name == "public" ? "tools.field.public" : "tools.field." + std::string(name);
}

// The tool the form describes (on top of `base`: id, org, phase, version) and
// every problem with it, in form order.
core::Tool tool_of(const FormValues& v, core::Tool base, core::Date today,
                   std::vector<core::FieldError>& errors) {
  core::Tool t = std::move(base);
  auto get = [&v](const char* name) { return v.at(name); };
  t.name = get("name");
  t.vendor = get("vendor");
  t.purpose = get("purpose");
  t.target_groups = get("target_groups");
  t.data_processed = get("data_processed");
  t.special_categories = !get("special_categories").empty();
  t.affected_users = get("affected_users");
  t.affected_non_users = get("affected_non_users");
  t.affected_groups = get("affected_groups");
  t.cost = get("cost");
  t.contact = get("contact");
  t.links = split_lines(get("links"));
  t.is_public = !get("public").empty();
  t.public_summary = get("public_summary");
  t.human_oversight = get("human_oversight");
  t.risks = get("risks");
  std::vector<core::FieldError> parse_errors;
  t.personal_data = core::DataAnswer::kUnknown;  // no choice sent: not answered
  if (const auto a = get("personal_data"); !a.empty()) {
    if (auto p = core::parse_data_answer(a)) t.personal_data = *p;
    else parse_errors.push_back({"personal_data", p.error()});
  }
  t.hosting.reset();
  if (const auto h = get("hosting"); !h.empty()) {
    if (auto p = core::parse_hosting(h)) t.hosting = *p;
    else parse_errors.push_back({"hosting", p.error()});
  }
  t.openness.reset();
  if (const auto o = get("openness"); !o.empty()) {
    if (auto p = core::parse_openness(o)) t.openness = *p;
    else parse_errors.push_back({"openness", p.error()});
  }
  const std::optional<core::Date> stored_review = t.next_review;
  t.next_review.reset();
  if (const auto d = core::trim(get("next_review")); !d.empty()) {
    if (auto p = core::Date::parse(d)) t.next_review = *p;
    else parse_errors.push_back({"next_review", p.error()});
  }
  core::normalize_tool(t);
  errors = core::tool_errors(t, today, stored_review);
  errors.insert(errors.end(), parse_errors.begin(), parse_errors.end());
  return t;
}

mstch::array select_options(const Services& s, const Request& req, const std::string& prefix,
                            const std::vector<const char*>& names, const std::string& selected) {
  mstch::array out{mstch::map{{"value", std::string()},
                              {"label", tr(s, req, "tools.value.unknown")},
                              {"selected", selected.empty()}}};
  for (const char* n : names) {
    out.push_back(mstch::map{{"value", std::string(n)},
                             {"label", tr(s, req, prefix + n)},
                             {"selected", selected == n}});
  }
  return out;
}

// The three radio buttons of an answer, "yes" first; the first carries the
// field's id, so error and conflict links land on it. Nothing sent or an
// unknown value selects "not answered yet", as saving reads it.
mstch::array answer_options(const Services& s, const Request& req, const std::string& name,
                            const std::string& selected) {
  const bool known = selected == "yes" || selected == "no";
  mstch::array out;
  for (const char* v : {"yes", "no", "unknown"}) {
    const std::string value = v;
    out.push_back(mstch::map{{"id", "tool-" + name + (value == "yes" ? "" : "-" + value)},
                             {"name", name},
                             {"value", value},
                             {"label", tr(s, req, "tools.form.answer." + value)},
                             {"checked", known ? selected == value : value == "unknown"}});
  }
  return out;
}

// The hint of the "public" box: what it does and every field it publishes.
std::string public_hint(const Services& s, const Request& req) {
  std::string fields;
  for (std::string_view f : core::kPublicToolFields) {
    fields += (fields.empty() ? "" : ", ") + tr(s, req, "tools.field." + std::string(f));
  }
  return tr(s, req, "tools.form.hint.public") + " " + tr(s, req, "tools.form.public_fields") +
         " " + fields + "; " + tr(s, req, "tools.form.public_decisions");
}

struct FormState {
  FormValues values{};
  std::vector<core::FieldError> errors{};
  std::string version{};               // hidden field; "" for a new tool
  std::optional<core::Tool> stored{};  // after a conflict: what is saved now
  std::string error_key{};             // a message not tied to a field
  int status = 200;
  FormValues base{};     // hidden base.* fields: the values this form started from
  FieldNames changed{};  // after a conflict: the fields someone else changed
};

// The stored tool as rows of the conflict view, in form order, each marked
// when someone else changed it.
mstch::array stored_rows(const Services& s, const Request& req, const auth::Membership& m,
                         const core::Tool& t, const FieldNames& changed) {
  const mstch::map shown = tool_data(s, req, m, t);
  mstch::array rows;
  for (const auto& g : form_groups()) {
    for (const auto& f : g.fields) {
      const std::string name = f.name;
      std::string value = joined(t.links, "\n");
      if (f.input != Input::kLinks) {
        const auto* text = boost::get<std::string>(&shown.at(name == "public" ? "public_label" : name));
        value = text ? *text : std::string();
      }
      rows.push_back(mstch::map{{"id", "tool-stored-" + name},
                                {"label", tr(s, req, label_key_of(name))},
                                {"value", value},
                                {"is_text", f.input == Input::kTextarea || f.input == Input::kLinks},
                                {"changed", changed.contains(name)}});
    }
  }
  return rows;
}

// The conflict view against `now`: mark what someone else changed since the
// form's base, then make `now` the base and version of the next save (a
// knowing overwrite).
void show_conflict(FormState& st, const core::Tool& now) {
  const FormValues stored = values_of(now);
  st.changed = changed_fields(stored, st.base, st.values);
  st.stored = now;
  st.version = std::to_string(now.version);
  st.base = stored;
}

Response render_form(const Services& s, const Request& req, const auth::Membership& m,
                     const std::optional<core::Tool>& existing, const FormState& st) {
  std::map<std::string, std::string, std::less<>> field_errors;
  for (const auto& e : st.errors) {
    if (!field_errors.contains(e.field)) field_errors[e.field] = tr(s, req, e.error.key);
  }
  mstch::array summary;
  mstch::array groups;
  for (const auto& g : form_groups()) {
    mstch::array fields;
    for (const auto& f : g.fields) {
      const std::string name = f.name;
      const std::string label_key = label_key_of(name);
      const std::string value = st.values.contains(name) ? st.values.at(name) : "";
      auto err = field_errors.find(name);
      const bool changed = st.changed.contains(name);
      std::string describedby = *f.hint_key != '\0' ? "tool-" + name + "-hint" : "";
      if (err != field_errors.end()) describedby += (describedby.empty() ? "" : " ") + ("tool-" + name + "-error");
      if (changed) describedby += (describedby.empty() ? "" : " ") + ("tool-" + name + "-changed");
      mstch::map d{
          {"has_describedby", !describedby.empty()},
          {"describedby", describedby},
          {"id", "tool-" + name},
          {"name", name},
          {"label", tr(s, req, label_key)},
          {"value", value},
          {"checked", !value.empty()},
          {"is_text", f.input == Input::kText},
          {"is_textarea", f.input == Input::kTextarea || f.input == Input::kLinks},
          {"is_date", f.input == Input::kDate},
          {"is_checkbox", f.input == Input::kCheckbox},
          {"is_answer", f.input == Input::kAnswer},
          {"is_select", f.input == Input::kHosting || f.input == Input::kOpenness},
          {"required", name == "name"},
          {"has_error", err != field_errors.end()},
          {"error", err != field_errors.end() ? err->second : std::string()},
          {"has_hint", *f.hint_key != '\0'},
          {"hint", name == "public"          ? public_hint(s, req)
                   : *f.hint_key != '\0' ? tr(s, req, f.hint_key)
                                          : std::string()},
          {"published", core::is_public_tool_field(name)},
          {"has_maxlength", f.maxlength > 0},
          {"maxlength", std::to_string(f.maxlength)},
          {"changed", changed},
          {"base_name", std::string(kBasePrefix) + name},
          {"base_value", st.base.contains(name) ? st.base.at(name) : std::string()},
      };
      if (f.input == Input::kAnswer) {
        d["options"] = answer_options(s, req, name, value);
      } else if (f.input == Input::kHosting) {
        d["options"] = select_options(s, req, "tools.hosting.",
                                      {"vendor_cloud", "eu_cloud", "self_hosted", "on_device"}, value);
      } else if (f.input == Input::kOpenness) {
        d["options"] = select_options(s, req, "tools.openness.",
                                      {"closed", "open_weights", "open_source"}, value);
      }
      if (err != field_errors.end()) {
        summary.push_back(mstch::map{{"id", "tool-" + name},
                                     {"label", tr(s, req, label_key)},
                                     {"message", err->second}});
      }
      fields.push_back(std::move(d));
    }
    // Each group is a numbered section the person can fold (details, open at
    // first, so no field is hidden unasked) and jump to from the list above the form.
    groups.push_back(mstch::map{{"legend", tr(s, req, g.legend_key)},
                                {"number", std::to_string(groups.size() + 1)},
                                {"fields", fields}});
  }
  mstch::map data = org_page_data(s, req, m);
  const bool editing = existing.has_value();
  data.emplace("title", editing ? tr(s, req, "tools.form.edit_title") + ": " + existing->name
                                : tr(s, req, "tools.form.new_title"));
  data.emplace("editing", editing);
  data.emplace("action", editing ? tool_url(m, existing->id) : tools_url(m));
  data.emplace("cancel_url", editing ? tool_url(m, existing->id) : tools_url(m));
  if (editing) data.emplace("tool_name", existing->name);
  data.emplace("version", st.version);
  data.emplace("groups", groups);
  data.emplace("has_errors", !summary.empty());
  data.emplace("error_summary", summary);
  if (!st.error_key.empty()) data.emplace("error", tr(s, req, st.error_key));
  if (st.stored) {
    data.emplace("conflict", true);
    data.emplace("stored_rows", stored_rows(s, req, m, *st.stored, st.changed));
    mstch::array changed;
    for (const auto& g : form_groups()) {
      for (const auto& f : g.fields) {
        if (!st.changed.contains(f.name)) continue;
        changed.push_back(mstch::map{{"id", "tool-" + std::string(f.name)},
                                     {"label", tr(s, req, label_key_of(f.name))}});
      }
    }
    data.emplace("has_changed", !changed.empty());
    data.emplace("changed_fields", changed);
  }
  return render(s, req, "pages/tool_form", std::move(data), st.status);
}

}  // namespace

Response tool_new_page(auth::Auth& auth, Request& req) {
  auto m = auth.require_member(req, req.param("org"), kWriteRole);
  if (!m) return m.response();
  return render_form(auth.services(), req, *m, std::nullopt, FormState{values_of(core::Tool{})});
}

Response tool_create(auth::Auth& auth, Request& req) {
  return editor_form(auth, req, [&](const auth::Membership& m, const Params& form) {
    Services& s = auth.services();
    FormState st{values_of(form)};
    core::Tool tool = tool_of(st.values, core::Tool{}, core::Date::today(s.clock), st.errors);
    if (!st.errors.empty()) {
      st.status = 422;
      return render_form(s, req, m, std::nullopt, st);
    }
    auto created = s.store.create_tool(m.org.id, tool, web_actor(m));
    if (!created) {
      if (is_page_error(created.error())) return error_response(s, req, created.error());
      st.error_key = created.error().key;
      st.status = http_status(created.error().code);
      return render_form(s, req, m, std::nullopt, st);
    }
    return Response::redirect(tool_url(m, created->id) + "?saved=created");
  });
}

Response tool_edit_page(auth::Auth& auth, Request& req) {
  return editor_tool(auth, req, [&](const auth::Membership& m, const core::Tool& tool) {
    FormState st{values_of(tool), {}, std::to_string(tool.version)};
    st.base = st.values;
    return render_form(auth.services(), req, m, tool, st);
  });
}

Response tool_update(auth::Auth& auth, Request& req) {
  return editor_form(auth, req, [&](const auth::Membership& m, const Params& form) {
    Services& s = auth.services();
    auto stored = tool_of_request(s, req, m);
    if (!stored) return error_response(s, req, stored.error());
    FormState st{values_of(form), {}, form.value("version")};
    st.base = values_of(form, kBasePrefix);
    const auto version = parse_id(st.version);
    core::Tool tool = tool_of(st.values, *stored, core::Date::today(s.clock), st.errors);
    if (!version || *version != stored->version) {
      // Someone saved in between: keep the input, show what is stored now, and
      // let the next save knowingly replace that version.
      st.error_key = "tools.error.stale_version";
      show_conflict(st, *stored);
      st.status = 409;
      return render_form(s, req, m, *stored, st);
    }
    if (!st.errors.empty()) {
      st.status = 422;
      return render_form(s, req, m, *stored, st);
    }
    auto saved = s.store.update_tool(m.org.id, tool, *version, web_actor(m));
    if (!saved) {
      if (is_page_error(saved.error())) return error_response(s, req, saved.error());
      st.error_key = saved.error().key;
      st.status = http_status(saved.error().code);
      if (saved.error().key == "tools.error.stale_version") {
        if (auto now = s.store.tool(m.org.id, stored->id)) show_conflict(st, *now);
      }
      return render_form(s, req, m, *stored, st);
    }
    return Response::redirect(tool_url(m, saved->id) + "?saved=updated");
  });
}

}  // namespace solipraxis::web::handlers
