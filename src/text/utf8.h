// UTF-8 helpers for the checker: validation with the byte offset of the first
// bad byte, and decoding of one code point. Pure functions, no allocation.
// Valid means RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace solipraxis::text {

// Byte offset of the first byte that does not start a valid UTF-8 sequence,
// or nullopt when the whole input is valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view s);

// Decodes the code point at s[pos] (which must be valid UTF-8) and stores its
// length in *len. Returns U+FFFD and len 1 on a malformed sequence.
char32_t decode_utf8(std::string_view s, std::size_t pos, std::size_t* len);

// Number of code points in s (counts lead bytes; s must be valid UTF-8).
std::size_t count_code_points(std::string_view s);

// Appends the UTF-8 encoding of cp to out.
void append_utf8(char32_t cp, std::string& out);

inline bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

}  // namespace solipraxis::text
