#include "core/persona.h"

#include <algorithm>
#include <array>
#include <set>

#include "core/enum_names.h"
#include "core/text_field.h"

namespace solipraxis::core {
namespace {

// Names of each attribute, indexed by the enum's value (unknown first).
constexpr std::array kPlaces = {"", "city", "town", "rural"};
constexpr std::array kGenders = {"", "woman", "man", "non_binary", "self_described"};
constexpr std::array kSkills = {"", "low", "medium", "high"};
constexpr std::array kDevices = {"", "smartphone", "computer", "shared", "none"};
constexpr std::array kConnectivity = {"", "good", "unstable", "none"};
constexpr std::array kUses = {"", "likely", "maybe", "unlikely", "will_not", "cannot"};

constexpr const char* kValueInvalid = "personas.error.value_invalid";

template <std::size_t N>
std::vector<std::string_view> all_names(const std::array<const char*, N>& names) {
  return {names.begin(), names.end()};
}

// Trims, then drops blanks and repeats, keeping the first of each.
void tidy_list(std::vector<std::string>& items, bool lower) {
  std::vector<std::string> out;
  for (auto& item : items) {
    std::string v(trim(item));
    if (lower) std::transform(v.begin(), v.end(), v.begin(), [](unsigned char c) {
        return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
      });
    if (!v.empty() && std::find(out.begin(), out.end(), v) == out.end()) out.push_back(v);
  }
  items = std::move(out);
}

bool language_code(std::string_view s) {
  return s.size() >= 2 && s.size() <= 3 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

template <typename Pred>
bool anyone(std::span<const Persona> ps, Pred pred) {
  return std::any_of(ps.begin(), ps.end(), pred);
}

}  // namespace

const char* place_name(Place v) { return kPlaces[static_cast<std::size_t>(v)]; }
const char* gender_name(Gender v) { return kGenders[static_cast<std::size_t>(v)]; }
const char* skills_name(Skills v) { return kSkills[static_cast<std::size_t>(v)]; }
const char* device_name(Device v) { return kDevices[static_cast<std::size_t>(v)]; }
const char* connectivity_name(Connectivity v) {
  return kConnectivity[static_cast<std::size_t>(v)];
}
const char* use_name(Use v) { return kUses[static_cast<std::size_t>(v)]; }

Result<Place> parse_place(std::string_view s) { return parse_named<Place>(kPlaces, s, kValueInvalid, "place"); }
Result<Gender> parse_gender(std::string_view s) {
  return parse_named<Gender>(kGenders, s, kValueInvalid, "gender");
}
Result<Skills> parse_skills(std::string_view s) {
  return parse_named<Skills>(kSkills, s, kValueInvalid, "digital_skills");
}
Result<Device> parse_device(std::string_view s) {
  return parse_named<Device>(kDevices, s, kValueInvalid, "device");
}
Result<Connectivity> parse_connectivity(std::string_view s) {
  return parse_named<Connectivity>(kConnectivity, s, kValueInvalid, "connectivity");
}
Result<Use> parse_use(std::string_view s) { return parse_named<Use>(kUses, s, kValueInvalid, "use"); }

std::vector<std::string_view> place_names() { return all_names(kPlaces); }
std::vector<std::string_view> gender_names() { return all_names(kGenders); }
std::vector<std::string_view> skills_names() { return all_names(kSkills); }
std::vector<std::string_view> device_names() { return all_names(kDevices); }
std::vector<std::string_view> connectivity_names() { return all_names(kConnectivity); }
std::vector<std::string_view> use_names() { return all_names(kUses); }

bool is_non_user(const Persona& p) { return p.use == Use::kWillNot || p.use == Use::kCannot; }

void normalize_persona(Persona& p) {
  p.name = std::string(trim(p.name));
  p.origin = std::string(trim(p.origin));
  p.gender_text = p.gender == Gender::kSelfDescribed ? std::string(trim(p.gender_text)) : "";
  tidy_list(p.languages, true);
  tidy_list(p.tags, false);
}

std::vector<FieldError> persona_errors(const Persona& p) {
  std::vector<FieldError> out;
  const std::string too_long = "personas.error.field_too_long";
  const std::string invalid = "personas.error.text_invalid";
  if (is_blank(p.name)) {
    out.push_back(field_error("name", "personas.error.name_required", "a persona needs a name"));
  } else {
    check_line_field(out, "name", p.name, kPersonaNameMax, too_long, invalid);
  }
  check_text_field(out, "story", p.story, kPersonaStoryMax, too_long, invalid);
  check_line_field(out, "origin", p.origin, kPersonaShortMax, too_long, invalid);
  if (p.languages.size() > kPersonaLanguagesMax) {
    out.push_back(field_error("languages", "personas.error.too_many_languages",
                              "at most " + std::to_string(kPersonaLanguagesMax)));
  }
  for (const auto& code : p.languages) {
    if (!language_code(code)) {
      out.push_back(field_error("languages", "personas.error.language_invalid",
                                "not a language code: " + code));
      break;
    }
  }
  if (p.age && (*p.age < 0 || *p.age > kPersonaAgeMax)) {
    out.push_back(field_error("age", "personas.error.age_invalid",
                              "0 to " + std::to_string(kPersonaAgeMax)));
  }
  if (p.gender == Gender::kSelfDescribed && is_blank(p.gender_text)) {
    out.push_back(field_error("gender_text", "personas.error.gender_text_required",
                              "self-described gender without a word"));
  } else {
    check_line_field(out, "gender_text", p.gender_text, kPersonaShortMax, too_long, invalid);
  }
  if (p.tags.size() > kPersonaTagsMax) {
    out.push_back(field_error("tags", "personas.error.too_many_tags",
                              "at most " + std::to_string(kPersonaTagsMax)));
  }
  for (const auto& tag : p.tags) {
    const auto before = out.size();
    check_line_field(out, "tags", tag, kPersonaTagMax, too_long, invalid);
    if (out.size() != before) break;
  }
  return out;
}

Status validate_persona(const Persona& p) { return first_error(persona_errors(p)); }

std::vector<std::string> coverage_gaps(std::span<const Persona> ps) {
  if (ps.empty()) return {"no_personas"};
  std::vector<std::string> gaps;
  auto gap_unless = [&](const char* key, bool covered) {
    if (!covered) gaps.emplace_back(key);
  };
  gap_unless("no_non_user", anyone(ps, is_non_user));
  gap_unless("no_cannot_use", anyone(ps, [](const Persona& p) { return p.use == Use::kCannot; }));
  gap_unless("no_without_smartphone", anyone(ps, [](const Persona& p) {
               return p.device != Device::kUnknown && p.device != Device::kSmartphone;
             }));
  gap_unless("no_poor_connection", anyone(ps, [](const Persona& p) {
               return p.connectivity == Connectivity::kUnstable ||
                      p.connectivity == Connectivity::kNone;
             }));
  gap_unless("no_low_skills",
             anyone(ps, [](const Persona& p) { return p.skills == Skills::kLow; }));
  gap_unless("no_over_70", anyone(ps, [](const Persona& p) { return p.age && *p.age >= 70; }));
  gap_unless("no_under_25", anyone(ps, [](const Persona& p) { return p.age && *p.age < 25; }));
  gap_unless("no_rural", anyone(ps, [](const Persona& p) { return p.place == Place::kRural; }));
  gap_unless("only_german", anyone(ps, [](const Persona& p) {
               return std::any_of(p.languages.begin(), p.languages.end(),
                                  [](const std::string& l) { return l != "de"; });
             }));
  std::set<Gender> genders;
  for (const auto& p : ps) {
    if (p.gender != Gender::kUnknown) genders.insert(p.gender);
  }
  gap_unless("one_gender", genders.size() >= 2);
  return gaps;
}

}  // namespace solipraxis::core
