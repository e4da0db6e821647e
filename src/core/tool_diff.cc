#include "core/tool_diff.h"

namespace solipraxis::core {

std::vector<std::string> changed_fields(const Tool& a, const Tool& b) {
  std::vector<std::string> out;
  auto check = [&out](const char* name, bool differs) {
    if (differs) out.emplace_back(name);
  };
  check("name", a.name != b.name);
  check("vendor", a.vendor != b.vendor);
  check("purpose", a.purpose != b.purpose);
  check("target_groups", a.target_groups != b.target_groups);
  check("hosting", a.hosting != b.hosting);
  check("openness", a.openness != b.openness);
  check("data_processed", a.data_processed != b.data_processed);
  check("personal_data", a.personal_data != b.personal_data);
  check("special_categories", a.special_categories != b.special_categories);
  check("affected_users", a.affected_users != b.affected_users);
  check("affected_non_users", a.affected_non_users != b.affected_non_users);
  check("affected_groups", a.affected_groups != b.affected_groups);
  check("cost", a.cost != b.cost);
  check("contact", a.contact != b.contact);
  check("links", a.links != b.links);
  check("next_review", a.next_review != b.next_review);
  check("public", a.is_public != b.is_public);
  check("public_summary", a.public_summary != b.public_summary);
  check("human_oversight", a.human_oversight != b.human_oversight);
  check("risks", a.risks != b.risks);
  return out;
}

}  // namespace solipraxis::core
