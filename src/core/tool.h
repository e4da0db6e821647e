// A Tool is one entry of an organisation's AI tool register: what it is, what it
// is for, where it runs, what data it sees and whom it affects. validate_tool()
// names every field that is wrong with a "tools.error.*" key; the phase changes
// only through decisions (transition.h), never by editing a Tool.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.h"
#include "core/clock.h"
#include "core/field_error.h"
#include "core/ids.h"
#include "core/result.h"
#include "core/tool_phase.h"

namespace solipraxis::core {

enum class Hosting { kVendorCloud, kEuCloud, kSelfHosted, kOnDevice };
enum class Openness { kClosed, kOpenWeights, kOpenSource };

// An answer to a yes/no question about a tool's data that may not have been
// given yet. kUnknown is "nobody has answered", never a hidden "no": every view
// (page, exports, API, public register) shows it as "not answered yet".
enum class DataAnswer { kUnknown, kNo, kYes };

const char* hosting_name(Hosting h);    // "vendor_cloud", "eu_cloud", "self_hosted", "on_device"
const char* openness_name(Openness o);  // "closed", "open_weights", "open_source"
Result<Hosting> parse_hosting(std::string_view name);    // "tools.error.invalid_hosting"
Result<Openness> parse_openness(std::string_view name);  // "tools.error.invalid_openness"
const char* data_answer_name(DataAnswer a);  // "unknown", "no", "yes"
Result<DataAnswer> parse_data_answer(std::string_view name);  // "tools.error.invalid_data_answer"
// The i18n key of the answer as shown to people: tools.value.yes, tools.value.no,
// tools.value.not_answered.
const char* data_answer_label_key(DataAnswer a);

// Limits in Unicode code points.
inline constexpr std::size_t kToolNameMax = 100;
inline constexpr std::size_t kToolShortFieldMax = 200;  // vendor, cost, contact
inline constexpr std::size_t kToolPublicSummaryMax = 350;
inline constexpr std::size_t kToolLongFieldMax = 10000;
inline constexpr std::size_t kToolLinkMax = 2000;
inline constexpr std::size_t kToolLinksMax = 20;

struct Tool {
  ToolId id;
  OrgId org_id;
  std::string name;           // required
  std::string vendor;         // vendor or project
  std::string purpose;        // the problem it should solve
  std::string target_groups;  // whom it should serve
  std::optional<Hosting> hosting;  // empty: not known yet
  std::optional<Openness> openness;
  std::string data_processed;       // what data the tool sees
  DataAnswer personal_data = DataAnswer::kUnknown;  // a new tool: not answered yet
  bool special_categories = false;  // GDPR Art. 9 data; requires personal_data kYes
  std::string affected_users;       // people who use it
  std::string affected_non_users;   // people affected without using it
  std::string affected_groups;      // groups (e.g. clients, volunteers, a community)
  std::string cost;
  std::string contact;  // contact person
  std::vector<std::string> links;  // http(s) URLs
  Phase phase = Phase::kIdea;
  std::optional<Date> next_review;
  bool is_public = false;      // opt-in: shown in the public transparency register
  std::string public_summary;  // short public description
  std::string human_oversight;
  std::string risks;  // risks and their mitigations
  std::int64_t version = 0;  // optimistic locking; the store bumps it on every write
  UnixTime created_at = 0;
  UnixTime updated_at = 0;
};

// Special categories as people should read them: kYes or kNo when personal data
// is answered (kNo when it is "no"), kUnknown while personal data is not answered.
DataAnswer special_categories_answer(const Tool& tool);

// Trims name, vendor, contact and cost; drops blank links and trims the others.
// Ticking special categories answers the personal-data question: an unanswered
// personal_data becomes kYes. A "no" stays "no" (tool_errors refuses the pair).
void normalize_tool(Tool& tool);

// Every problem with the user-editable fields, in field order; empty when valid.
// A next review date before `today` is an error unless it equals
// `stored_next_review` (an overdue date the user did not touch stays editable).
// Keys: tools.error.name_required, name_too_long, field_too_long,
// text_invalid (malformed UTF-8 or control characters),
// public_summary_too_long, next_review_in_past, link_invalid, too_many_links,
// public_summary_required (a public tool needs its short description),
// next_review_required (pilot, in_use and evaluation always have one),
// special_categories_without_personal_data (special categories while personal
// data is "no": a contradiction we do not resolve by guessing).
std::vector<FieldError> tool_errors(const Tool& tool, Date today,
                                    std::optional<Date> stored_next_review = {});
// The first of tool_errors() as kInvalidInput with the field in the detail.
Status validate_tool(const Tool& tool, Date today, std::optional<Date> stored_next_review = {});

// http:// or https://, a host, no spaces or control characters.
bool is_http_url(std::string_view url);

}  // namespace solipraxis::core
