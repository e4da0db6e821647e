// Prints precision and recall per rule over tests/data/check/*.jsonl (or the
// directory given as the first argument); with -v also every failing case.
// Usage: check_quality [-v] [DIR]; exit 2 when DIR cannot be read or a case is malformed.
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>

#include "check_cases.h"

int main(int argc, char** argv) {
  std::string dir = SOLIPRAXIS_CHECK_DATA;
  bool verbose = false;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "-v") == 0)
      verbose = true;
    else
      dir = argv[i];
  }
  if (std::error_code ec; !std::filesystem::is_directory(dir, ec)) {
    std::fprintf(stderr, "usage: check_quality [-v] [DIR]; not a directory: %s\n", dir.c_str());
    return 2;
  }
  std::vector<std::string> errors;
  const auto cases = solipraxis::testing::load_cases(dir, &errors);
  for (const auto& e : errors) std::fprintf(stderr, "%s\n", e.c_str());
  const auto scores = solipraxis::testing::score(cases, verbose);
  std::printf("%-30s %6s %6s %6s %9s %7s\n", "rule", "tp", "fp", "fn", "precision", "recall");
  for (const auto& [rule, s] : scores)
    std::printf("%-30s %6d %6d %6d %9.3f %7.3f\n", rule.c_str(), s.tp, s.fp, s.fn, s.precision(),
                s.recall());
  std::printf("cases: %zu\n", cases.size());
  return errors.empty() ? 0 : 2;
}
