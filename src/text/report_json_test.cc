#include "text/report_json.h"

#include <gtest/gtest.h>

namespace solipraxis::text {
namespace {

// The CLI writes findings without building JSON values; it must print exactly
// what nlohmann prints for finding_json (the HTTP API's shape), escapes included.
TEST(ReportJson, StreamedFindingEqualsTheJsonValueDumped) {
  const std::string input = "Die \"Mitarbeiter\\\" \x01\tund\nÄrzte";
  Finding f;
  f.start = 4;
  f.end = 20;
  f.line = 1;
  f.column = 5;
  f.rule = "inclusive.generic-masculine";
  f.message = "Tab\t, quote \" and ü";
  f.suggestions = {"Mitarbeitende", "Mitarbeiter:innen"};
  for (int variant = 0; variant < 2; ++variant) {
    if (variant == 1) f.suggestions.clear();
    for (const std::string file : {"-", ""}) {
      for (int depth : {1, 2}) {
        std::string streamed;
        append_finding_json(streamed, f, input.substr(f.start, f.end - f.start), file, depth);
        // nlohmann's dump of the object as an element at `depth`.
        nlohmann::json wrapped = finding_json(f, input, file);
        for (int d = 0; d < depth; ++d) wrapped = nlohmann::json::array({wrapped});
        std::string expected = wrapped.dump(2);
        for (int d = 0; d < depth; ++d) {
          expected = expected.substr(expected.find('\n') + 1);
          expected = expected.substr(0, expected.rfind('\n'));
        }
        EXPECT_EQ(streamed, expected) << "file \"" << file << "\", depth " << depth;
      }
    }
  }
}

}  // namespace
}  // namespace solipraxis::text
