#include "store/secrets.h"

#include <sodium.h>

#include <algorithm>
#include <cstdlib>
#include <mutex>

namespace solipraxis::store {

namespace {

void init_sodium() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (sodium_init() < 0) std::abort();  // no safe randomness: nothing may continue
  });
}

constexpr auto kB64 = sodium_base64_VARIANT_URLSAFE_NO_PADDING;

// Decodes base64url text into `out`; false unless it is exactly `size` bytes.
bool decode(std::string_view text, std::string& out, std::size_t size) {
  out.assign(text.size(), '\0');
  std::size_t len = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                        text.size(), nullptr, &len, nullptr, kB64) != 0) {
    return false;
  }
  out.resize(len);
  return size == 0 || len == size;
}

std::string encode(std::string_view bytes) {
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), kB64), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), kB64);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

}  // namespace

bool valid_key(std::string_view key) {
  init_sodium();
  std::string raw;
  const bool ok = decode(key, raw, crypto_secretbox_KEYBYTES);
  sodium_memzero(raw.data(), raw.size());
  return ok;
}

std::string seal(std::string_view key, std::string_view plaintext) {
  init_sodium();
  std::string raw;
  if (!decode(key, raw, crypto_secretbox_KEYBYTES)) std::abort();  // a programming error
  std::string box(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plaintext.size(), '\0');
  auto* nonce = reinterpret_cast<unsigned char*>(box.data());
  randombytes_buf(nonce, crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(nonce + crypto_secretbox_NONCEBYTES,
                        reinterpret_cast<const unsigned char*>(plaintext.data()), plaintext.size(),
                        nonce, reinterpret_cast<const unsigned char*>(raw.data()));
  sodium_memzero(raw.data(), raw.size());
  return encode(box);
}

std::optional<std::string> unseal(std::string_view key, std::string_view sealed) {
  init_sodium();
  std::string raw, box;
  if (!decode(key, raw, crypto_secretbox_KEYBYTES)) return std::nullopt;
  if (!decode(sealed, box, 0) ||
      box.size() < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES) {
    return std::nullopt;
  }
  const auto* nonce = reinterpret_cast<const unsigned char*>(box.data());
  const std::size_t cipher_len = box.size() - crypto_secretbox_NONCEBYTES;
  std::string out(cipher_len - crypto_secretbox_MACBYTES, '\0');
  const int rc = crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(out.data()),
                                            nonce + crypto_secretbox_NONCEBYTES, cipher_len, nonce,
                                            reinterpret_cast<const unsigned char*>(raw.data()));
  sodium_memzero(raw.data(), raw.size());
  if (rc != 0) return std::nullopt;
  return out;
}

std::string keyed_hash(std::string_view key, std::string_view personal, std::string_view message) {
  init_sodium();
  std::string raw;
  if (!decode(key, raw, crypto_generichash_blake2b_KEYBYTES) ||
      personal.size() > crypto_generichash_blake2b_PERSONALBYTES) {
    std::abort();  // a programming error
  }
  unsigned char persona[crypto_generichash_blake2b_PERSONALBYTES] = {};
  std::copy(personal.begin(), personal.end(), persona);
  unsigned char digest[32];
  crypto_generichash_blake2b_salt_personal(
      digest, sizeof digest, reinterpret_cast<const unsigned char*>(message.data()),
      message.size(), reinterpret_cast<const unsigned char*>(raw.data()), raw.size(), nullptr,
      persona);
  sodium_memzero(raw.data(), raw.size());
  char hex[sizeof digest * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return std::string(hex);
}

core::Result<std::string> hash_password(std::string_view password) {
  init_sodium();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(),
                        crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    return core::make_error(core::ErrorCode::kInternal, "error.store.internal",
                            "password hashing ran out of memory");
  }
  return std::string(out);
}

bool verify_password(std::string_view password, std::string_view hash) {
  init_sodium();
  if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
  std::string h(hash);  // crypto_pwhash_str_verify needs a NUL-terminated string
  return crypto_pwhash_str_verify(h.c_str(), password.data(), password.size()) == 0;
}

std::string random_token() {
  init_sodium();
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  char out[sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(out, sizeof out, bytes, sizeof bytes,
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  sodium_memzero(bytes, sizeof bytes);
  return std::string(out);
}

std::string random_code(std::string_view alphabet, std::size_t length) {
  init_sodium();
  std::string code;
  for (std::size_t i = 0; i < length; ++i) {
    code.push_back(alphabet[randombytes_uniform(static_cast<std::uint32_t>(alphabet.size()))]);
  }
  return code;
}

std::string hash_token(std::string_view token) {
  init_sodium();
  unsigned char digest[32];
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(token.data()),
                     token.size(), nullptr, 0);
  char hex[sizeof digest * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return std::string(hex);
}

bool constant_time_equal(std::string_view a, std::string_view b) {
  init_sodium();
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace solipraxis::store
