#include "store/orgs.h"

namespace solipraxis::store {

const char* role_name(Role role) {
  switch (role) {
    case Role::kMember: return "member";
    case Role::kEditor: return "editor";
    case Role::kOwner: return "owner";
  }
  return "member";
}

std::optional<Role> parse_role(std::string_view name) {
  if (name == "member") return Role::kMember;
  if (name == "editor") return Role::kEditor;
  if (name == "owner") return Role::kOwner;
  return std::nullopt;
}

}  // namespace solipraxis::store
