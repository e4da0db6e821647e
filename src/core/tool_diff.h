// Which user-editable fields differ between two versions of a tool, for the
// audit log ("tool.update" records them) and a tool's timeline, and the one
// table of those fields that the three-way merge (tool_merge.h) also walks.
// Field names are the API's and the i18n keys' (tools.field.<name>); "public"
// is is_public.
#pragma once

#include <string>
#include <vector>

#include "core/tool.h"

namespace solipraxis::core {

// One editable field: its name, whether two tools agree on it, and how to copy
// it from one tool to another.
struct ToolField {
  const char* name;
  bool (*same)(const Tool& a, const Tool& b);
  void (*copy)(const Tool& from, Tool& to);
};

// Every editable field in form order. Ids, phase, version and times are not
// among them (phase changes are decisions).
const std::vector<ToolField>& tool_fields();

// The names of the editable fields whose values differ, in form order.
std::vector<std::string> changed_fields(const Tool& before, const Tool& after);

}  // namespace solipraxis::core
