// Whole-register reads built on the Tools interface, for exports and feeds
// (CLI, web pages, API): every tool matching a filter across all pages, and
// tools together with their decisions. Engine-independent; no writes.
#pragma once

#include <vector>

#include "core/tool_export.h"
#include "store/tools.h"

namespace solipraxis::store {

// Every tool of `org` matching `filter`, in list order, following the pages.
Result<std::vector<core::Tool>> all_tools(Tools& store, OrgId org, const ToolFilter& filter = {});

// Each tool with its decisions (oldest first), in the order given.
Result<std::vector<core::ToolRecord>> tool_records(Tools& store, OrgId org,
                                                   std::vector<core::Tool> tools);

}  // namespace solipraxis::store
