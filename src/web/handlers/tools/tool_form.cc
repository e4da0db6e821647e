// The form to record a tool and to edit it (see tools.h). Every problem is
// shown next to its field with the person's input kept. A save against an
// older version (optimistic locking through the hidden "version" field) is a
// three-way merge (core/tool_merge.h): the form carries the values it started
// from in hidden "base.*" fields, so the fields only someone else changed take
// their value, the person's own changes stay, and every field both changed
// asks which value holds (radio buttons "choice.<field>"); nothing typed and
// nothing a colleague saved is lost. Dates are text fields ("TT.MM.JJJJ" or
// ISO): a browser's date picker sends "" for a day it cannot read, and then
// a typed 30.02. would vanish without a word.
#include <map>
#include <set>
#include <utility>

#include "core/public_register.h"
#include "core/text_field.h"
#include "core/tool_merge.h"
#include "store/store.h"
#include "store/tools.h"
#include "web/handlers/site/dashboard.h"
#include "web/handlers/common/params.h"
#include "web/handlers/tools/tool_views.h"
#include "web/handlers/tools/tools.h"
#include "web/page.h"
#include "web/time_zone.h"

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
using FormValues = core::FieldValues;

// A stored date as the form shows it: as German readers write it, or ISO.
std::string date_value(const std::optional<core::Date>& d, std::string_view lang) {
  if (!d) return "";
  return lang == "de" ? d->dotted() : d->str();
}

FormValues values_of(const core::Tool& t, std::string_view lang) {
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
      {"next_review", date_value(t.next_review, lang)},
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
  if (f.input == Input::kDate) {
    if (auto d = core::Date::parse_typed(text)) return d->str();
  }
  return std::string(core::trim(text));
}

std::vector<std::string> field_names() {
  std::vector<std::string> out;
  for (const auto& g : form_groups()) {
    for (const auto& f : g.fields) out.emplace_back(f.name);
  }
  return out;
}

const FieldSpec* field_spec(std::string_view name) {
  for (const auto& g : form_groups()) {
    for (const auto& f : g.fields) {
      if (f.name == name) return &f;
    }
  }
  return nullptr;
}

FormValues canonical_values(const FormValues& v) {
  FormValues out;
  for (const auto& g : form_groups()) {
    for (const auto& f : g.fields) {
      auto it = v.find(f.name);
      out[f.name] = canonical(f, it == v.end() ? "" : it->second);
    }
  }
  return out;
}

using FieldNames = std::set<std::string, std::less<>>;

// After a conflict: which fields take the stored value (only someone else
// changed them) and which both changed. Without a base (a form from before
// base.* existed) nobody can tell who changed what, so every field where the
// input and the stored value differ is the person's to decide.
core::MergePlan merge_plan(const FormValues& stored, const FormValues& base,
                           const FormValues& input) {
  const FormValues mine = canonical_values(input);
  const FormValues theirs = canonical_values(stored);
  if (!base.empty()) return core::plan_merge(field_names(), canonical_values(base), mine, theirs);
  core::MergePlan plan;
  for (const auto& name : field_names()) {
    if (mine.at(name) != theirs.at(name)) plan.conflicts.push_back(name);
  }
  return plan;
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
    if (auto p = core::Date::parse_typed(d)) t.next_review = *p;
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
  FormValues base{};       // hidden base.* fields: the values this form started from
  FieldNames changed{};    // after a conflict: the fields someone else changed
  FieldNames conflicts{};  // ... of which the person changed too: a choice each
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

// The conflict view against `now`, merged three ways: fields only someone
// else changed show their value, the person's own changes stay, and fields
// both changed ask for a choice. `now` becomes the base and version of the
// next save, so that save replaces exactly what the person has seen.
void show_conflict(FormState& st, const core::Tool& now, std::string_view lang) {
  const FormValues stored = values_of(now, lang);
  const core::MergePlan plan = merge_plan(stored, st.base, st.values);
  st.changed.clear();
  st.conflicts.clear();
  for (const auto& name : plan.theirs) {
    st.values[name] = stored.at(name);
    st.changed.insert(name);
  }
  for (const auto& name : plan.conflicts) {
    st.changed.insert(name);
    st.conflicts.insert(name);
  }
  st.stored = now;
  st.version = std::to_string(now.version);
  st.base = stored;
}

// The choices of a form shown after a conflict ("conflict" names each field
// asked about): "theirs" takes the value saved by someone else, which is the
// form's base since the conflict; "mine" keeps the field's input. A field
// without a choice is an error at that field and is asked again.
std::vector<core::FieldError> apply_choices(const Params& form, FormState& st) {
  std::vector<core::FieldError> errors;
  for (const auto& name : form.all("conflict")) {
    if (field_spec(name) == nullptr || st.conflicts.contains(name)) continue;
    const std::string choice = form.value("choice." + name);
    if (choice == "theirs") {
      st.values[name] = st.base[name];
    } else if (choice != "mine") {
      st.conflicts.insert(name);
      st.changed.insert(name);
      errors.push_back(core::field_error(name, "tools.error.conflict_choice_required",
                                         "choose whose value to keep"));
    }
  }
  return errors;
}

// A value as the conflict choice reads it: the label of an option, yes or no
// for a box, "(empty)" for nothing.
std::string shown_value(const Services& s, const Request& req, const FieldSpec& f,
                        const std::string& raw) {
  const std::string v = canonical(f, raw);
  switch (f.input) {
    case Input::kHosting:
      return tr(s, req, v.empty() ? "tools.value.unknown" : "tools.hosting." + v);
    case Input::kOpenness:
      return tr(s, req, v.empty() ? "tools.value.unknown" : "tools.openness." + v);
    case Input::kAnswer: return tr(s, req, "tools.form.answer." + v);
    case Input::kCheckbox: return tr(s, req, v.empty() ? "tools.value.no" : "tools.value.yes");
    default: return v.empty() ? tr(s, req, "tools.form.conflict.empty") : raw;
  }
}

mstch::node conflict_choice(const Services& s, const Request& req, const FieldSpec& f,
                            const FormState& st) {
  if (!st.conflicts.contains(f.name)) return false;
  const std::string name = f.name;
  const std::string mine = st.values.contains(name) ? st.values.at(name) : "";
  const std::string theirs = st.base.contains(name) ? st.base.at(name) : "";
  return mstch::map{{"mine", shown_value(s, req, f, mine)},
                    {"theirs", shown_value(s, req, f, theirs)},
                    {"is_text", f.input == Input::kTextarea || f.input == Input::kLinks}};
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
      const bool conflict = st.conflicts.contains(name);
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
                   : f.input == Input::kDate ? tr(s, req, f.hint_key) + " " +
                                                   tr(s, req, "form.date_format")
                   : *f.hint_key != '\0'    ? tr(s, req, f.hint_key)
                                             : std::string()},
          // The public summary's own label already says it is public.
          {"published", core::is_public_tool_field(name) && name != "public_summary"},
          {"has_maxlength", f.maxlength > 0},
          {"maxlength", std::to_string(f.maxlength)},
          {"changed", changed},
          {"changed_note", tr(s, req, conflict ? "tools.form.conflict.note"
                                               : "tools.form.taken_note")},
          {"conflict", conflict_choice(s, req, f, st)},
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
        summary.push_back(mstch::map{{"id", "tool-" + name + (conflict ? "-keep-mine" : "")},
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
  data.emplace("switch_form", std::string("tool-form"));  // the language switch keeps the input
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
    mstch::array taken, asked;
    for (const auto& name : field_names()) {
      if (!st.changed.contains(name)) continue;
      const bool conflict = st.conflicts.contains(name);
      (conflict ? asked : taken)
          .push_back(mstch::map{{"id", "tool-" + name + (conflict ? "-conflict" : "")},
                                {"label", tr(s, req, label_key_of(name))}});
    }
    data.emplace("has_changed", !st.changed.empty());
    auto list = [](mstch::array rows) -> mstch::node {
      if (rows.empty()) return false;
      return mstch::map{{"fields", std::move(rows)}};
    };
    data.emplace("taken", list(std::move(taken)));
    data.emplace("asked", list(std::move(asked)));
  }
  return render(s, req, "pages/tool_form", std::move(data), st.status);
}

}  // namespace

Response tool_new_page(auth::Auth& auth, Request& req) {
  auto m = auth.require_member(req, req.param("org"), kWriteRole);
  if (!m) return m.response();
  return render_form(auth.services(), req, *m, std::nullopt,
                     FormState{values_of(core::Tool{}, req.lang)});
}

Response tool_create(auth::Auth& auth, Request& req) {
  return editor_form(auth, req, [&](const auth::Membership& m, const Params& form) {
    Services& s = auth.services();
    FormState st{values_of(form)};
    core::Tool tool = tool_of(st.values, core::Tool{}, today_in(s.clock, m.org.time_zone), st.errors);
    // The language switch shows the form again as typed, in the other language, unsaved.
    if (!st.errors.empty() || req.language_switch) {
      st.status = st.errors.empty() ? 200 : 422;
      return render_form(s, req, m, std::nullopt, st);
    }
    auto created = s.store.tools().create_tool(m.org.id, tool, web_actor(m));
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
    FormState st{values_of(tool, req.lang), {}, std::to_string(tool.version)};
    st.base = st.values;
    // ?next_review= proposes a date (a link from a finished reflection); the person
    // sees it in the field and saves, or not.
    if (auto proposed = req.query.get("next_review")) st.values["next_review"] = std::string(*proposed);
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
    const auto choice_errors = apply_choices(form, st);
    const auto version = parse_id(st.version);
    core::Tool tool = tool_of(st.values, *stored, today_in(s.clock, m.org.time_zone), st.errors);
    st.errors.insert(st.errors.end(), choice_errors.begin(), choice_errors.end());
    if (!version || *version != stored->version) {
      // Someone saved in between: keep the input, merge in what is stored
      // now, and let the next save replace that version.
      st.error_key = "tools.error.stale_version";
      show_conflict(st, *stored, req.lang);
      tool_of(st.values, *stored, today_in(s.clock, m.org.time_zone), st.errors);
      st.status = 409;
      return render_form(s, req, m, *stored, st);
    }
    if (!st.errors.empty() || req.language_switch) {  // a switch: shown again, unsaved
      st.status = st.errors.empty() ? 200 : 422;
      return render_form(s, req, m, *stored, st);
    }
    auto saved = s.store.tools().update_tool(m.org.id, tool, *version, web_actor(m));
    if (!saved) {
      if (is_page_error(saved.error())) return error_response(s, req, saved.error());
      st.error_key = saved.error().key;
      st.status = http_status(saved.error().code);
      if (saved.error().key == "tools.error.stale_version") {
        if (auto now = s.store.tools().tool(m.org.id, stored->id)) show_conflict(st, *now, req.lang);
      }
      return render_form(s, req, m, *stored, st);
    }
    return Response::redirect(tool_url(m, saved->id) + "?saved=updated");
  });
}

}  // namespace solipraxis::web::handlers
