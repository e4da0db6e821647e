// Password hashing and random tokens (libsodium). Passwords are stored as
// argon2id strings (salt and cost inside); tokens (sessions, API, invitations)
// are 256-bit random values shown once and stored only as their hash.
// All functions are thread-safe; libsodium is initialised once on first use.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace solipraxis::store {

// argon2id with libsodium's "interactive" limits. kInternal only if out of memory.
core::Result<std::string> hash_password(std::string_view password);
// True if `password` matches `hash`; false for a wrong password or a malformed hash.
bool verify_password(std::string_view password, std::string_view hash);
// 256 random bits as 43 characters of URL-safe base64 without padding.
std::string random_token();
// `length` characters drawn uniformly from `alphabet` (short codes people type:
// core/short_code.h).
std::string random_code(std::string_view alphabet, std::size_t length);
// A fixed-length hex digest (BLAKE2b-256) of a token, for storage and lookup.
std::string hash_token(std::string_view token);
// Compares in time that depends only on the lengths, not on the contents.
bool constant_time_equal(std::string_view a, std::string_view b);

// Secret-key encryption for the few secrets that must be shown again (open
// invitation links): libsodium secretbox (XSalsa20-Poly1305) with a fresh nonce.
// A key is a random_token() (32 bytes, base64url). seal() returns base64url
// text; unseal() returns nullopt for a wrong key, a bad key or altered text.
bool valid_key(std::string_view key);
std::string seal(std::string_view key, std::string_view plaintext);  // requires valid_key(key)
std::optional<std::string> unseal(std::string_view key, std::string_view sealed);

// A keyed BLAKE2b-256 digest of `message` as 64 hex characters, with a purpose
// (`personal`, at most 16 bytes) mixed in so one key serves several uses without
// one digest standing in for another. Without the key nobody can compute it or
// tell which message it came from. Requires valid_key(key).
std::string keyed_hash(std::string_view key, std::string_view personal, std::string_view message);

}  // namespace solipraxis::store
