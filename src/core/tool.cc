#include "core/tool.h"

#include <algorithm>
#include <initializer_list>

#include "core/text_field.h"

namespace solipraxis::core {
namespace {

void trim_in_place(std::string& s) { s = std::string(trim(s)); }

// The value of `values` whose name is `name`, else kInvalidInput with `key`.
template <typename E>
Result<E> parse_named(std::string_view name, std::initializer_list<E> values,
                      const char* (*name_of)(E), const char* key, std::string_view what) {
  for (E v : values) {
    if (name == name_of(v)) return v;
  }
  return make_error(ErrorCode::kInvalidInput, key,
                    std::string(what) + " '" + std::string(name.substr(0, 40)) + "'");
}

}  // namespace

const char* hosting_name(Hosting h) {
  switch (h) {
    case Hosting::kVendorCloud: return "vendor_cloud";
    case Hosting::kEuCloud: return "eu_cloud";
    case Hosting::kSelfHosted: return "self_hosted";
    case Hosting::kOnDevice: return "on_device";
  }
  return "vendor_cloud";
}

const char* openness_name(Openness o) {
  switch (o) {
    case Openness::kClosed: return "closed";
    case Openness::kOpenWeights: return "open_weights";
    case Openness::kOpenSource: return "open_source";
  }
  return "closed";
}

Result<Hosting> parse_hosting(std::string_view name) {
  return parse_named(name,
                     {Hosting::kVendorCloud, Hosting::kEuCloud, Hosting::kSelfHosted,
                      Hosting::kOnDevice},
                     hosting_name, "tools.error.invalid_hosting", "unknown hosting");
}

Result<Openness> parse_openness(std::string_view name) {
  return parse_named(name, {Openness::kClosed, Openness::kOpenWeights, Openness::kOpenSource},
                     openness_name, "tools.error.invalid_openness", "unknown model openness");
}

const char* data_answer_name(DataAnswer a) {
  switch (a) {
    case DataAnswer::kUnknown: return "unknown";
    case DataAnswer::kNo: return "no";
    case DataAnswer::kYes: return "yes";
  }
  return "unknown";
}

Result<DataAnswer> parse_data_answer(std::string_view name) {
  return parse_named(name, {DataAnswer::kUnknown, DataAnswer::kNo, DataAnswer::kYes},
                     data_answer_name, "tools.error.invalid_data_answer",
                     "use yes, no or unknown, not");
}

const char* data_answer_label_key(DataAnswer a) {
  switch (a) {
    case DataAnswer::kUnknown: return "tools.value.not_answered";
    case DataAnswer::kNo: return "tools.value.no";
    case DataAnswer::kYes: return "tools.value.yes";
  }
  return "tools.value.not_answered";
}

DataAnswer special_categories_answer(const Tool& tool) {
  if (tool.personal_data == DataAnswer::kUnknown) return DataAnswer::kUnknown;
  return tool.special_categories && tool.personal_data == DataAnswer::kYes ? DataAnswer::kYes
                                                                           : DataAnswer::kNo;
}

bool is_http_url(std::string_view url) {
  std::string_view rest;
  if (url.starts_with("https://")) {
    rest = url.substr(8);
  } else if (url.starts_with("http://")) {
    rest = url.substr(7);
  } else {
    return false;
  }
  for (char ch : url) {
    const auto c = static_cast<unsigned char>(ch);
    if (c <= 0x20 || c == 0x7F || c == '"' || c == '<' || c == '>' || c == '\\') return false;
  }
  const auto host_end = rest.find_first_of("/?#");
  std::string_view host = rest.substr(0, host_end);
  if (const auto at = host.rfind('@'); at != std::string_view::npos) host = host.substr(at + 1);
  return !host.empty() && host.front() != ':' && host.front() != '.';
}

void normalize_tool(Tool& tool) {
  trim_in_place(tool.name);
  trim_in_place(tool.vendor);
  trim_in_place(tool.contact);
  trim_in_place(tool.cost);
  trim_in_place(tool.public_summary);
  for (auto& link : tool.links) trim_in_place(link);
  std::erase_if(tool.links, [](const std::string& l) { return l.empty(); });
  if (tool.special_categories && tool.personal_data == DataAnswer::kUnknown) {
    tool.personal_data = DataAnswer::kYes;
  }
}

std::vector<FieldError> tool_errors(const Tool& tool, Date today,
                                    std::optional<Date> stored_next_review) {
  std::vector<FieldError> out;
  if (is_blank(tool.name)) {
    out.push_back(field_error("name", "tools.error.name_required", "name is required"));
  } else {
    check_line_field(out, "name", tool.name, kToolNameMax, "tools.error.name_too_long");
  }
  check_line_field(out, "vendor", tool.vendor, kToolShortFieldMax);
  check_text_field(out, "purpose", tool.purpose, kToolLongFieldMax);
  check_text_field(out, "target_groups", tool.target_groups, kToolLongFieldMax);
  check_text_field(out, "data_processed", tool.data_processed, kToolLongFieldMax);
  if (tool.special_categories && tool.personal_data != DataAnswer::kYes) {
    out.push_back(field_error("special_categories",
                              "tools.error.special_categories_without_personal_data",
                              "special_categories needs personal_data \"yes\" (it is \"" +
                                  std::string(data_answer_name(tool.personal_data)) + "\")"));
  }
  check_text_field(out, "affected_users", tool.affected_users, kToolLongFieldMax);
  check_text_field(out, "affected_non_users", tool.affected_non_users, kToolLongFieldMax);
  check_text_field(out, "affected_groups", tool.affected_groups, kToolLongFieldMax);
  check_line_field(out, "cost", tool.cost, kToolShortFieldMax);
  check_line_field(out, "contact", tool.contact, kToolShortFieldMax);
  if (tool.links.size() > kToolLinksMax) {
    out.push_back(field_error("links", "tools.error.too_many_links",
                              "at most " + std::to_string(kToolLinksMax) + " links"));
  }
  for (const auto& link : tool.links) {
    if (link.size() > kToolLinkMax || !is_http_url(link)) {
      out.push_back(field_error("links", "tools.error.link_invalid",
                                "not an http(s) URL: '" + link.substr(0, 80) + "'"));
      break;
    }
  }
  if (tool.next_review && *tool.next_review < today && tool.next_review != stored_next_review) {
    out.push_back(field_error("next_review", "tools.error.next_review_in_past",
                              "next review " + tool.next_review->str() + " is before today " +
                                  today.str()));
  }
  if (!tool.next_review && requires_review(tool.phase)) {
    out.push_back(field_error("next_review", "tools.error.next_review_required",
                              std::string("a tool in phase ") + phase_name(tool.phase) +
                                  " needs a next review date"));
  }
  check_text_field(out, "public_summary", tool.public_summary, kToolPublicSummaryMax,
             "tools.error.public_summary_too_long");
  if (tool.is_public && is_blank(tool.public_summary)) {
    out.push_back(field_error("public_summary", "tools.error.public_summary_required",
                              "a public tool needs a short public description"));
  }
  check_text_field(out, "human_oversight", tool.human_oversight, kToolLongFieldMax);
  check_text_field(out, "risks", tool.risks, kToolLongFieldMax);
  return out;
}

Status validate_tool(const Tool& tool, Date today, std::optional<Date> stored_next_review) {
  return first_error(tool_errors(tool, today, stored_next_review));
}

}  // namespace solipraxis::core
