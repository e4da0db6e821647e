#include "web/handlers/personas/form.h"

#include <algorithm>
#include <array>
#include <map>
#include <utility>

#include "core/text_field.h"
#include "store/personas.h"
#include "store/store.h"
#include "web/handlers/common/params.h"
#include "web/page.h"

namespace solipraxis::web::handlers::personas {

namespace {

// kLanguages: a box per common language and a text field for the others' codes.
enum class Input { kText, kTextarea, kSelect, kAge, kLanguages };

// The languages offered as boxes (ISO 639 codes; names "personas.language.<code>"):
// those of the people German advice services meet most, and German Sign Language.
constexpr std::array<std::string_view, 14> kCommonLanguages = {
    "de", "en", "tr", "ar", "uk", "ru", "pl", "ro", "fa", "ku", "fr", "es", "it", "gsg"};

bool is_common_language(std::string_view code) {
  return std::find(kCommonLanguages.begin(), kCommonLanguages.end(), code) !=
         kCommonLanguages.end();
}

struct FieldSpec {
  const char* name;          // form field, JSON field and core::FieldError::field
  Input input;
  std::size_t maxlength;     // 0: none in the markup
  const char* hint_key;      // "" when none
  const char* value_prefix;  // i18n prefix of a select's values ("personas.place.")
  std::vector<std::string_view> (*names)();  // a select's values, "" (not said) first
};

struct GroupSpec {
  const char* legend_key;
  std::vector<FieldSpec> fields;
};

const std::vector<GroupSpec>& form_groups() {
  static const std::vector<GroupSpec> groups = {
      {"personas.form.group.person",
       {{"name", Input::kText, core::kPersonaNameMax, "personas.form.hint.name", "", nullptr},
        {"story", Input::kTextarea, core::kPersonaStoryMax, "personas.form.hint.story", "", nullptr},
        {"age", Input::kAge, 3, "personas.form.hint.age", "", nullptr},
        {"gender", Input::kSelect, 0, "", "personas.gender.", core::gender_names},
        {"gender_text", Input::kText, core::kPersonaShortMax, "personas.form.hint.gender_text", "",
         nullptr},
        {"place", Input::kSelect, 0, "", "personas.place.", core::place_names},
        {"origin", Input::kText, core::kPersonaShortMax, "", "", nullptr},
        {"languages", Input::kLanguages, 0, "personas.form.hint.languages", "", nullptr},
        {"tags", Input::kTextarea, 0, "personas.form.hint.tags", "", nullptr}}},
      {"personas.form.group.access",
       {{"digital_skills", Input::kSelect, 0, "", "personas.skills.", core::skills_names},
        {"device", Input::kSelect, 0, "", "personas.device.", core::device_names},
        {"connectivity", Input::kSelect, 0, "", "personas.connectivity.", core::connectivity_names},
        {"use", Input::kSelect, 0, "personas.form.hint.use", "personas.use.", core::use_names}}},
  };
  return groups;
}

// Language codes as typed: separated by commas, semicolons or spaces.
std::vector<std::string> split_codes(std::string_view text) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : text) {
    if (c == ',' || c == ';' || c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

// A language's name for a code we offer as a box, else the code itself.
std::string language_name(const Services& s, const Request& req, const std::string& code) {
  return is_common_language(code) ? tr(s, req, "personas.language." + code) : code;
}

// A stored name's label: "personas.place.rural", or "not said" for "".
std::string value_label(const Services& s, const Request& req, const char* prefix,
                        std::string_view name) {
  if (name.empty()) return tr(s, req, "personas.value.unknown");
  return tr(s, req, std::string(prefix) + std::string(name));
}

template <typename E>
void parse_into(const FormValues& v, const char* field, core::Result<E> (*parse)(std::string_view),
                E& out, std::vector<core::FieldError>& errors) {
  auto parsed = parse(v.at(field));
  if (parsed) {
    out = *parsed;
  } else {
    errors.push_back({field, parsed.error()});
  }
}

}  // namespace

std::string personas_url(const auth::Membership& m) { return "/o/" + m.org.slug + "/personas"; }

std::string persona_url(const auth::Membership& m, core::PersonaId id) {
  return personas_url(m) + "/" + std::to_string(id.value);
}

core::Result<core::Persona> persona_of_request(const Services& s, const Request& req,
                                               const auth::Membership& m) {
  const auto id = parse_id(req.param("persona"));
  if (!id) {
    return core::make_error(core::ErrorCode::kNotFound, "personas.error.not_found", "no such persona");
  }
  return s.store.personas().get(m.org.id, core::PersonaId(*id));
}

store::RiskFilter naming(core::PersonaId persona) {
  store::RiskFilter f;
  f.persona = persona;
  return f;
}

FormValues values_of(const core::Persona& p) {
  return FormValues{
      {"name", p.name},
      {"story", p.story},
      {"age", p.age ? std::to_string(*p.age) : ""},
      {"gender", core::gender_name(p.gender)},
      {"gender_text", p.gender_text},
      {"place", core::place_name(p.place)},
      {"origin", p.origin},
      {"languages", joined(p.languages, ", ")},
      {"tags", joined(p.tags, "\n")},
      {"digital_skills", core::skills_name(p.skills)},
      {"device", core::device_name(p.device)},
      {"connectivity", core::connectivity_name(p.connectivity)},
      {"use", core::use_name(p.use)},
  };
}

FormValues values_of(const Params& form) {
  FormValues out;
  for (const auto& g : form_groups()) {
    for (const auto& f : g.fields) out[f.name] = form.value(f.name);
  }
  // The boxes ticked, then the codes typed for the others, as one list.
  std::vector<std::string> languages = form.all("languages");
  if (const std::string other = form.value("languages_other"); !other.empty()) {
    languages.push_back(other);
  }
  out["languages"] = joined(languages, ", ");
  return out;
}

core::Persona persona_of(const FormValues& v, core::Persona base,
                         std::vector<core::FieldError>& errors) {
  core::Persona p = std::move(base);
  p.name = v.at("name");
  p.story = v.at("story");
  p.origin = v.at("origin");
  p.gender_text = v.at("gender_text");
  p.languages = split_codes(v.at("languages"));
  p.tags = split_lines(v.at("tags"));
  std::vector<core::FieldError> parse_errors;
  p.age.reset();
  if (const std::string_view age = core::trim(v.at("age")); !age.empty()) {
    auto n = parse_id(age);  // digits only; 0 is not an id but is a possible age
    if (age == "0") {
      p.age = 0;
    } else if (n && *n <= 1000) {
      p.age = static_cast<int>(*n);
    } else {
      parse_errors.push_back(core::field_error("age", "personas.error.age_invalid", "not a number"));
    }
  }
  parse_into(v, "gender", core::parse_gender, p.gender, parse_errors);
  parse_into(v, "place", core::parse_place, p.place, parse_errors);
  parse_into(v, "digital_skills", core::parse_skills, p.skills, parse_errors);
  parse_into(v, "device", core::parse_device, p.device, parse_errors);
  parse_into(v, "connectivity", core::parse_connectivity, p.connectivity, parse_errors);
  parse_into(v, "use", core::parse_use, p.use, parse_errors);
  core::normalize_persona(p);
  errors = core::persona_errors(p);
  errors.insert(errors.end(), parse_errors.begin(), parse_errors.end());
  return p;
}

mstch::map form_data(const Services& s, const Request& req, const FormValues& values,
                     const std::vector<core::FieldError>& errors) {
  std::map<std::string, std::string, std::less<>> field_errors;
  for (const auto& e : errors) {
    if (!field_errors.contains(e.field)) field_errors[e.field] = tr(s, req, e.error.key);
  }
  mstch::array groups, summary;
  for (const auto& g : form_groups()) {
    mstch::array fields;
    for (const auto& f : g.fields) {
      const std::string name = f.name;
      const std::string id = "persona-" + name;
      const std::string label = tr(s, req, "personas.field." + name);
      const std::string value = values.contains(name) ? values.at(name) : "";
      const auto err = field_errors.find(name);
      const bool has_error = err != field_errors.end();
      const bool has_hint = *f.hint_key != '\0';
      std::string describedby = has_hint ? id + "-hint" : "";
      if (has_error) describedby += (describedby.empty() ? "" : " ") + id + "-error";
      mstch::map d{{"id", id},
                   {"name", name},
                   {"label", label},
                   {"value", value},
                   {"required", name == "name"},
                   {"is_text", f.input == Input::kText},
                   {"is_age", f.input == Input::kAge},
                   {"is_textarea", f.input == Input::kTextarea},
                   {"is_select", f.input == Input::kSelect},
                   {"is_languages", f.input == Input::kLanguages},
                   {"has_hint", has_hint},
                   {"hint", has_hint ? tr(s, req, f.hint_key) : std::string()},
                   {"has_error", has_error},
                   {"error", has_error ? err->second : std::string()},
                   {"has_describedby", !describedby.empty()},
                   {"describedby", describedby},
                   {"has_maxlength", f.maxlength > 0},
                   {"maxlength", std::to_string(f.maxlength)}};
      if (f.input == Input::kLanguages) {
        // The boxes carry the common languages; the text field keeps the rest as typed.
        const std::vector<std::string> codes = split_codes(value);
        mstch::array boxes;
        std::vector<std::string> other;
        for (const auto& code : codes) {
          if (!is_common_language(code)) other.push_back(code);
        }
        for (std::string_view code : kCommonLanguages) {
          const std::string c(code);
          boxes.push_back(mstch::map{
              {"id", "persona-language-" + c},
              {"value", c},
              {"label", language_name(s, req, c)},
              {"checked", std::find(codes.begin(), codes.end(), c) != codes.end()}});
        }
        d["languages"] = std::move(boxes);
        d["value"] = joined(other, ", ");
        d["other_label"] = tr(s, req, "personas.form.languages_other");
      }
      if (f.names) {
        mstch::array options;
        for (std::string_view n : f.names()) {
          options.push_back(mstch::map{{"value", std::string(n)},
                                       {"label", value_label(s, req, f.value_prefix, n)},
                                       {"selected", value == n}});
        }
        d.emplace("options", std::move(options));
      }
      if (has_error) {
        summary.push_back(mstch::map{{"id", id}, {"label", label}, {"message", err->second}});
      }
      fields.push_back(std::move(d));
    }
    groups.push_back(mstch::map{{"legend", tr(s, req, g.legend_key)}, {"fields", std::move(fields)}});
  }
  return mstch::map{{"groups", std::move(groups)},
                    {"has_errors", !summary.empty()},
                    {"error_summary", std::move(summary)}};
}

mstch::map persona_data(const Services& s, const Request& req, const auth::Membership& m,
                        const core::Persona& p) {
  mstch::array facts;
  std::string summary;
  auto fact = [&](const char* field, const std::string& value) {
    if (value.empty()) return;
    const std::string label = tr(s, req, std::string("personas.field.") + field);
    facts.push_back(mstch::map{{"label", label}, {"value", value}});
    summary += (summary.empty() ? "" : "; ") + label + ": " + value;
  };
  auto named = [&](const char* prefix, const char* name) {
    return *name == '\0' ? std::string() : value_label(s, req, prefix, name);
  };
  fact("place", named("personas.place.", core::place_name(p.place)));
  fact("origin", p.origin);
  std::vector<std::string> languages;
  for (const auto& code : p.languages) languages.push_back(language_name(s, req, code));
  fact("languages", joined(languages, ", "));
  fact("age", p.age ? std::to_string(*p.age) : "");
  fact("gender", p.gender == core::Gender::kSelfDescribed
                     ? p.gender_text
                     : named("personas.gender.", core::gender_name(p.gender)));
  fact("digital_skills", named("personas.skills.", core::skills_name(p.skills)));
  fact("device", named("personas.device.", core::device_name(p.device)));
  fact("connectivity", named("personas.connectivity.", core::connectivity_name(p.connectivity)));
  fact("use", named("personas.use.", core::use_name(p.use)));
  fact("tags", joined(p.tags, ", "));
  return mstch::map{{"id", std::to_string(p.id.value)},
                    {"name", p.name},
                    {"story", p.story},
                    {"url", persona_url(m, p.id)},
                    {"from_example", !p.example_id.empty()},
                    {"example_id", p.example_id},
                    {"facts", std::move(facts)},
                    {"summary", summary}};
}

}  // namespace solipraxis::web::handlers::personas
