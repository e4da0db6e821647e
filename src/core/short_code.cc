#include "core/short_code.h"

namespace solipraxis::core {

std::optional<std::string> normalize_code(std::string_view typed, std::size_t length) {
  std::string out;
  for (char c : typed) {
    if (c == ' ' || c == '-' || c == '.' || c == '\t') continue;
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (kCodeAlphabet.find(c) == std::string_view::npos) return std::nullopt;
    out.push_back(c);
    if (out.size() > length) return std::nullopt;
  }
  if (out.size() != length) return std::nullopt;
  return out;
}

std::string display_code(std::string_view code) {
  std::string out;
  for (std::size_t i = 0; i < code.size(); ++i) {
    if (i > 0 && i % 4 == 0) out.push_back('-');
    out.push_back(code[i]);
  }
  return out;
}

}  // namespace solipraxis::core
