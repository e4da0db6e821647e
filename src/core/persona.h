// Personas (issue 24): imagined but realistic people a tool may affect, users
// and non-users alike, described by the paper's attributes (place of living,
// origin and languages, age, gender, digital skills, infrastructure, likelihood
// of use) plus free tags. Pure rules: the attribute values, validation, and
// the coverage check that names which kinds of people a tool's personas leave out.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/field_error.h"
#include "core/ids.h"
#include "core/result.h"

namespace solipraxis::core {

using PersonaId = Id<struct PersonaTag>;

// Every attribute may stay unknown ("not said"): an unknown value never counts
// as covering anyone in the coverage check.
enum class Place { kUnknown, kCity, kTown, kRural };
enum class Gender { kUnknown, kWoman, kMan, kNonBinary, kSelfDescribed };
enum class Skills { kUnknown, kLow, kMedium, kHigh };
enum class Device { kUnknown, kSmartphone, kComputer, kShared, kNone };
enum class Connectivity { kUnknown, kGood, kUnstable, kNone };
// Whether the person would use the tool. kWillNot and kCannot are the
// non-users the paper asks organisations to think of first.
enum class Use { kUnknown, kLikely, kMaybe, kUnlikely, kWillNot, kCannot };

inline constexpr std::size_t kPersonaNameMax = 100;
inline constexpr std::size_t kPersonaStoryMax = 2000;
inline constexpr std::size_t kPersonaShortMax = 200;  // origin, gender self-description
inline constexpr std::size_t kPersonaTagMax = 60;
inline constexpr std::size_t kPersonaTagsMax = 12;
inline constexpr std::size_t kPersonaLanguagesMax = 8;
inline constexpr int kPersonaAgeMax = 120;

struct Persona {
  PersonaId id;
  std::string name;   // required, one line: "Aylin, 34"
  std::string story;  // a few sentences in the person's situation
  Place place = Place::kUnknown;
  std::string origin;                  // free text, one line
  std::vector<std::string> languages;  // ISO 639 codes, lower case: "de", "tr", "gsg"
  std::optional<int> age;              // years, 0..kPersonaAgeMax
  Gender gender = Gender::kUnknown;
  std::string gender_text;  // the person's own word, with kSelfDescribed
  Skills skills = Skills::kUnknown;
  Device device = Device::kUnknown;
  Connectivity connectivity = Connectivity::kUnknown;
  Use use = Use::kUnknown;
  std::vector<std::string> tags;  // "Behinderung", "Sorgearbeit", "Aufenthaltsstatus", ...
  std::string example_id;         // the shipped example it was copied from, if any
  std::int64_t version = 0;
  UnixTime created_at = 0;
  UnixTime updated_at = 0;
};

// Stable names for storage, JSON, forms and i18n keys ("personas.place.rural").
const char* place_name(Place v);
const char* gender_name(Gender v);
const char* skills_name(Skills v);
const char* device_name(Device v);
const char* connectivity_name(Connectivity v);
const char* use_name(Use v);
// kInvalidInput "personas.error.value_invalid" (detail names the attribute and
// the value) for a name that is not one of the above; "" is unknown.
Result<Place> parse_place(std::string_view s);
Result<Gender> parse_gender(std::string_view s);
Result<Skills> parse_skills(std::string_view s);
Result<Device> parse_device(std::string_view s);
Result<Connectivity> parse_connectivity(std::string_view s);
Result<Use> parse_use(std::string_view s);

// Every name of each attribute, unknown first, for forms and the API schema.
std::vector<std::string_view> place_names();
std::vector<std::string_view> gender_names();
std::vector<std::string_view> skills_names();
std::vector<std::string_view> device_names();
std::vector<std::string_view> connectivity_names();
std::vector<std::string_view> use_names();

bool is_non_user(const Persona& p);  // will not or cannot use the tool

// Trims the one-line fields, lower-cases language codes, drops blank and
// repeated languages and tags (keeping the first), clears gender_text unless
// the gender is self-described.
void normalize_persona(Persona& p);

// Every problem, in field order; empty when valid. Keys: personas.error.name_required,
// personas.error.field_too_long, personas.error.text_invalid, tools.error.single_line,
// personas.error.age_invalid, personas.error.language_invalid (not 2-3 letters a-z),
// personas.error.too_many_languages, personas.error.too_many_tags,
// personas.error.gender_text_required (self-described without a word).
std::vector<FieldError> persona_errors(const Persona& p);
Status validate_persona(const Persona& p);

// A blind spot of a set of personas: a kind of person nobody in it represents.
// Keys (i18n "personas.gap.<key>"), checked in this order:
//   no_personas       the set is empty (then no other gap is named)
//   no_non_user       nobody will not or cannot use the tool
//   no_cannot_use     nobody cannot use it (unable, not unwilling)
//   no_without_smartphone  everybody whose device is known has a smartphone
//   no_poor_connection     nobody with an unstable or no connection
//   no_low_skills     nobody with low digital skills
//   no_over_70        nobody aged 70 or more
//   no_under_25       nobody under 25
//   no_rural          nobody living in the countryside
//   only_german       nobody speaks a language other than German
//   one_gender        fewer than two different genders are known
// A gap is also named when nobody's value for it is known: not knowing is a blind spot too.
std::vector<std::string> coverage_gaps(std::span<const Persona> personas);

}  // namespace solipraxis::core
