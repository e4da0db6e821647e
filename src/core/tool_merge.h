// The three-way merge after a save conflict: the version a person started
// from (base), what they want to save (mine) and what a colleague saved in
// between (theirs). Fields only the colleague changed take the colleague's
// value, fields only the person changed keep theirs, and fields both changed
// to different values are conflicts that a person decides; never a silent
// overwrite in either direction. Pure functions, no I/O.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/tool.h"

namespace solipraxis::core {

// Where each field's value comes from, by field name, in the order given.
struct MergePlan {
  std::vector<std::string> theirs;     // only the colleague changed it: their value
  std::vector<std::string> mine;       // only the person changed it: their own value
  std::vector<std::string> conflicts;  // both changed it to different values
  bool clean() const { return conflicts.empty(); }
};

// Field values as text, compared exactly: callers pass canonical forms (a
// trimmed text, a date as YYYY-MM-DD), so that a different spelling of the
// same value is no change. A missing name counts as "".
using FieldValues = std::map<std::string, std::string, std::less<>>;
MergePlan plan_merge(const std::vector<std::string>& names, const FieldValues& base,
                     const FieldValues& mine, const FieldValues& theirs);

struct ToolMerge {
  MergePlan plan;
  // `theirs` (its id, phase and version) with the person's changes on top;
  // a conflicting field holds the person's value until someone decides.
  Tool merged;
};
ToolMerge merge_tools(const Tool& base, const Tool& mine, const Tool& theirs);

}  // namespace solipraxis::core
