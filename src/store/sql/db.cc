#include "store/sql/db.h"

#include <charconv>

namespace solipraxis::store::sql {

bool Row::is_null(std::size_t i) const {
  return i >= values.size() || std::holds_alternative<std::monostate>(values[i]);
}

std::int64_t Row::int64(std::size_t i) const {
  if (i >= values.size()) return 0;
  if (const auto* v = std::get_if<std::int64_t>(&values[i])) return *v;
  if (const auto* s = std::get_if<std::string>(&values[i])) {
    std::int64_t out = 0;
    std::from_chars(s->data(), s->data() + s->size(), out);
    return out;
  }
  return 0;
}

std::string Row::text(std::size_t i) const {
  if (i >= values.size()) return {};
  if (const auto* s = std::get_if<std::string>(&values[i])) return *s;
  if (const auto* v = std::get_if<std::int64_t>(&values[i])) return std::to_string(*v);
  return {};
}

}  // namespace solipraxis::store::sql
