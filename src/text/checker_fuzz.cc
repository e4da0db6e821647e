// libFuzzer target: check_text on any bytes, every style and language, with the
// prompt rules: never a crash; findings lie inside the input; invalid UTF-8 is
// an error, never findings.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "text/checker.h"
#include "text/readability.h"
#include "text/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace solipraxis::text;
  if (size == 0) return 0;
  const std::uint8_t mode = data[0];
  const std::string_view in(reinterpret_cast<const char*>(data) + 1, size - 1);
  CheckOptions o;
  if (mode & 1) o.lang = (mode & 2) ? Lang::kEnglish : Lang::kGerman;
  o.style = static_cast<Style>((mode >> 2) & 3);
  o.prompt = (mode & 16) != 0;
  auto r = check_text(in, o);
  const bool valid = !find_invalid_utf8(in).has_value();
  if (r.has_value() != valid) std::abort();
  if (!r) return 0;
  for (const auto& f : r->findings)
    if (f.start > f.end || f.end > in.size() || f.line == 0 || f.column == 0) std::abort();
  (void)readability(in, r->lang);
  return 0;
}
