#include "core/tool_diff.h"

namespace solipraxis::core {
namespace {

template <auto Member>
constexpr ToolField field(const char* name) {
  return ToolField{name, [](const Tool& a, const Tool& b) { return a.*Member == b.*Member; },
                   [](const Tool& from, Tool& to) { to.*Member = from.*Member; }};
}

}  // namespace

const std::vector<ToolField>& tool_fields() {
  static const std::vector<ToolField> fields = {
      field<&Tool::name>("name"),
      field<&Tool::vendor>("vendor"),
      field<&Tool::purpose>("purpose"),
      field<&Tool::target_groups>("target_groups"),
      field<&Tool::hosting>("hosting"),
      field<&Tool::openness>("openness"),
      field<&Tool::data_processed>("data_processed"),
      field<&Tool::personal_data>("personal_data"),
      field<&Tool::special_categories>("special_categories"),
      field<&Tool::affected_users>("affected_users"),
      field<&Tool::affected_non_users>("affected_non_users"),
      field<&Tool::affected_groups>("affected_groups"),
      field<&Tool::cost>("cost"),
      field<&Tool::contact>("contact"),
      field<&Tool::links>("links"),
      field<&Tool::next_review>("next_review"),
      field<&Tool::is_public>("public"),
      field<&Tool::public_summary>("public_summary"),
      field<&Tool::human_oversight>("human_oversight"),
      field<&Tool::risks>("risks"),
  };
  return fields;
}

std::vector<std::string> changed_fields(const Tool& a, const Tool& b) {
  std::vector<std::string> out;
  for (const ToolField& f : tool_fields()) {
    if (!f.same(a, b)) out.emplace_back(f.name);
  }
  return out;
}

}  // namespace solipraxis::core
