// Which user-editable fields differ between two versions of a tool, for the
// audit log ("tool.update" records them) and a tool's timeline. Field names
// are the API's and the i18n keys' (tools.field.<name>); "public" is is_public.
#pragma once

#include <string>
#include <vector>

#include "core/tool.h"

namespace solipraxis::core {

// The names of the editable fields whose values differ, in form order. Ids,
// phase, version and times are not compared (phase changes are decisions).
std::vector<std::string> changed_fields(const Tool& before, const Tool& after);

}  // namespace solipraxis::core
