// Small builders for the JSON that core's exports write by hand (core depends
// on nothing but the standard library): an object with keys in the order they
// are added, arrays, booleans and nullable strings. Escaping is json_string's.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/tool_export.h"

namespace solipraxis::core::json_text {

inline std::string opt_string(std::string_view s, bool present) {
  return present ? json_string(s) : "null";
}

inline std::string boolean(bool b) { return b ? "true" : "false"; }

// Appends `"key": value` with a separating comma when needed.
class Obj {
 public:
  Obj& raw(std::string_view key, const std::string& value) {
    out_ += first_ ? "{" : ",";
    first_ = false;
    out_ += json_string(key) + ":" + value;
    return *this;
  }
  Obj& str(std::string_view key, std::string_view value) { return raw(key, json_string(value)); }
  Obj& num(std::string_view key, std::int64_t value) { return raw(key, std::to_string(value)); }
  std::string done() { return first_ ? "{}" : out_ + "}"; }

 private:
  std::string out_;
  bool first_ = true;
};

template <typename T, typename F>
std::string array(const std::vector<T>& items, F&& each) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += ",";
    out += each(items[i]);
  }
  return out + "]";
}

}  // namespace solipraxis::core::json_text
