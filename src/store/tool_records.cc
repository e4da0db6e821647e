#include "store/tool_records.h"

#include <utility>

namespace solipraxis::store {

Result<std::vector<core::Tool>> all_tools(Tools& store, OrgId org, const ToolFilter& filter) {
  std::vector<core::Tool> out;
  PageRequest page{200, ""};
  while (true) {
    auto p = store.list_tools(org, filter, page);
    if (!p) return p.error();
    for (auto& t : p->items) out.push_back(std::move(t));
    if (p->next.empty()) return out;
    page.cursor = p->next;
  }
}

Result<std::vector<core::ToolRecord>> tool_records(Tools& store, OrgId org,
                                                   std::vector<core::Tool> tools) {
  std::vector<core::ToolRecord> out;
  out.reserve(tools.size());
  for (auto& t : tools) {
    auto d = store.decisions(org, t.id);
    if (!d) return d.error();
    out.push_back(core::ToolRecord{std::move(t), std::move(*d)});
  }
  return out;
}

}  // namespace solipraxis::store
