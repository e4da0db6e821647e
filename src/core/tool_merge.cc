#include "core/tool_merge.h"

#include "core/tool_diff.h"

namespace solipraxis::core {
namespace {

enum class Side { kNone, kMine, kTheirs, kConflict };

// Equal changes on both sides, or none, need nobody's decision.
Side side_of(bool mine_changed, bool theirs_changed, bool mine_equals_theirs) {
  if (mine_equals_theirs) return Side::kNone;
  if (mine_changed && theirs_changed) return Side::kConflict;
  if (theirs_changed) return Side::kTheirs;
  return mine_changed ? Side::kMine : Side::kNone;
}

void add(MergePlan& plan, Side side, const std::string& name) {
  switch (side) {
    case Side::kMine: plan.mine.push_back(name); break;
    case Side::kTheirs: plan.theirs.push_back(name); break;
    case Side::kConflict: plan.conflicts.push_back(name); break;
    case Side::kNone: break;
  }
}

const std::string& value(const FieldValues& v, const std::string& name) {
  static const std::string kEmpty;
  auto it = v.find(name);
  return it == v.end() ? kEmpty : it->second;
}

}  // namespace

MergePlan plan_merge(const std::vector<std::string>& names, const FieldValues& base,
                     const FieldValues& mine, const FieldValues& theirs) {
  MergePlan plan;
  for (const std::string& n : names) {
    const std::string& b = value(base, n);
    const std::string& m = value(mine, n);
    const std::string& t = value(theirs, n);
    add(plan, side_of(m != b, t != b, m == t), n);
  }
  return plan;
}

ToolMerge merge_tools(const Tool& base, const Tool& mine, const Tool& theirs) {
  ToolMerge out{{}, theirs};
  for (const ToolField& f : tool_fields()) {
    const Side side = side_of(!f.same(mine, base), !f.same(theirs, base), f.same(mine, theirs));
    add(out.plan, side, f.name);
    if (side == Side::kMine || side == Side::kConflict) f.copy(mine, out.merged);
  }
  return out;
}

}  // namespace solipraxis::core
