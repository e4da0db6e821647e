// Strongly typed ids. OrgId has no implicit conversion from integers, so a Store
// call on org-owned data cannot be written without naming the org it belongs to.
#pragma once

#include <compare>
#include <cstdint>
#include <functional>

namespace solipraxis::core {

template <typename Tag>
struct Id {
  std::int64_t value = 0;
  constexpr Id() = default;
  constexpr explicit Id(std::int64_t v) : value(v) {}
  constexpr bool valid() const { return value > 0; }
  friend constexpr auto operator<=>(Id, Id) = default;
};

using OrgId = Id<struct OrgTag>;
using UserId = Id<struct UserTag>;
using TokenId = Id<struct TokenTag>;
using ToolId = Id<struct ToolTag>;

}  // namespace solipraxis::core

template <typename Tag>
struct std::hash<solipraxis::core::Id<Tag>> {
  std::size_t operator()(solipraxis::core::Id<Tag> id) const noexcept {
    return std::hash<std::int64_t>{}(id.value);
  }
};
