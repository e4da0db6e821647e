// libFuzzer target: the UTF-8 validator, tokenizer and sentence splitter must
// accept any bytes without crashing, and tokens must stay inside the input.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "text/sentences.h"
#include "text/tokenizer.h"
#include "text/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  if (solipraxis::text::find_invalid_utf8(in)) return 0;  // the checker rejects these first
  std::uint32_t last_end = 0;
  for (const auto& t : solipraxis::text::tokenize(in)) {
    if (t.start < last_end || t.end <= t.start || t.end > size) std::abort();
    last_end = t.end;
  }
  for (const auto& [start, end] : solipraxis::text::split_sentences(in))
    if (start > end || end > size) std::abort();
  return 0;
}
