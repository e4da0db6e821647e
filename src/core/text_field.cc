#include "core/text_field.h"

#include <string>

namespace solipraxis::core {

bool utf8_valid(std::string_view s) {
  std::size_t i = 0;
  const std::size_t n = s.size();
  while (i < n) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = 0;
    char32_t cp = 0;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      len = 2;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + len > n) return false;
    for (std::size_t k = 1; k < len; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return false;
    }
    i += len;
  }
  return true;
}

std::size_t utf8_length(std::string_view s) {
  std::size_t count = 0;
  for (char ch : s) {
    if ((static_cast<unsigned char>(ch) & 0xC0) != 0x80) ++count;
  }
  return count;
}

std::string_view trim(std::string_view s) {
  constexpr std::string_view kSpace = " \t\n\r\f\v";
  const auto first = s.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(kSpace);
  return s.substr(first, last - first + 1);
}

bool has_control_chars(std::string_view s) {
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) return true;
  }
  return false;
}

void check_text_field(std::vector<FieldError>& out, const std::string& field,
                      std::string_view value, std::size_t max, const std::string& too_long_key,
                      const std::string& invalid_key) {
  if (!utf8_valid(value) || has_control_chars(value)) {
    out.push_back(field_error(field, invalid_key, field + " is not valid text"));
  } else if (utf8_length(value) > max) {
    out.push_back(field_error(field, too_long_key,
                              field + " is longer than " + std::to_string(max) + " characters"));
  }
}

void check_line_field(std::vector<FieldError>& out, const std::string& field,
                      std::string_view value, std::size_t max, const std::string& too_long_key,
                      const std::string& invalid_key, const std::string& single_line_key) {
  const std::size_t before = out.size();
  check_text_field(out, field, value, max, too_long_key, invalid_key);
  if (out.size() == before && value.find_first_of("\r\n") != std::string_view::npos) {
    out.push_back(field_error(field, single_line_key, field + " must be one line"));
  }
}

}  // namespace solipraxis::core
