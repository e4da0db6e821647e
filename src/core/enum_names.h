// Enums whose values have stable names (storage, JSON, forms, i18n keys) kept
// as a table indexed by the enum's value: the one parser they share.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

#include "core/result.h"

namespace solipraxis::core {

// The enum value whose name is `s`, else kInvalidInput `key` with the detail
// `<what>: unknown value "<s>"`.
template <typename Enum, std::size_t N>
Result<Enum> parse_named(const std::array<const char*, N>& names, std::string_view s,
                         const char* key, const char* what) {
  for (std::size_t i = 0; i < N; ++i) {
    if (s == names[i]) return static_cast<Enum>(i);
  }
  return make_error(ErrorCode::kInvalidInput, key,
                    std::string(what) + ": unknown value \"" + std::string(s) + "\"");
}

}  // namespace solipraxis::core
