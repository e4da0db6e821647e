// Short codes people read aloud, copy off a projector or a printed slip and
// type on a phone: live sessions' join codes (8 characters) and feedback
// pickup codes (12). The alphabet leaves out what people mix up (0 O, 1 I L,
// U V); case, spaces, dashes and dots between groups do not matter when typed.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace solipraxis::core {

inline constexpr std::string_view kCodeAlphabet = "23456789ABCDEFGHJKMNPQRSTWXYZ";

// What a person typed, as a code of exactly `length` characters; nullopt when
// it cannot be one.
std::optional<std::string> normalize_code(std::string_view typed, std::size_t length);
// In groups of four with dashes: "ABCD-EFGH", "ABCD-EFGH-JKMN".
std::string display_code(std::string_view code);

}  // namespace solipraxis::core
