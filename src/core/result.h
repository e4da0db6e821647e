// Expected failures as values. Result<T> holds a T or an Error; Status is Result<void>.
// Names follow std::expected (has_value, value, error) so a later move is a rename.
// Errors carry an i18n message key (looked up in web/i18n/*.json by the web and CLI
// layers) plus an English detail for logs; code decides the HTTP status / exit code.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace solipraxis::core {

enum class ErrorCode {
  kInvalidInput,  // 400 / 422, CLI exit 2
  kNotFound,      // 404
  kConflict,      // 409 (duplicate, stale version, illegal transition)
  kUnauthorized,  // 401
  kForbidden,     // 403
  kTooLarge,      // 413
  kRateLimited,   // 429
  kUnavailable,   // 503 (store unreachable)
  kInternal,      // 500: a bug or an unexpected failure
};

// Stable machine-readable name, used as "code" in JSON errors.
const char* error_code_name(ErrorCode code);

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string key;     // i18n key, e.g. "error.org.slug_taken"
  std::string detail;  // English, for logs and the CLI; may name a field or value
};

inline Error make_error(ErrorCode code, std::string key, std::string detail = {}) {
  return Error{code, std::move(key), std::move(detail)};
}

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}                 // NOLINT(implicit)
  Result(Error error) : v_(std::in_place_index<1>, std::move(error)) {}  // NOLINT

  bool has_value() const { return v_.index() == 0; }
  explicit operator bool() const { return has_value(); }

  T& value() & { assert(has_value()); return std::get<0>(v_); }
  const T& value() const& { assert(has_value()); return std::get<0>(v_); }
  T&& value() && { assert(has_value()); return std::get<0>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  const Error& error() const { assert(!has_value()); return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)), ok_(false) {}  // NOLINT(implicit)

  bool has_value() const { return ok_; }
  explicit operator bool() const { return ok_; }
  void value() const { assert(ok_); }
  const Error& error() const { assert(!ok_); return error_; }

 private:
  Error error_;
  bool ok_ = true;
};

using Status = Result<void>;

inline Status ok_status() { return {}; }

}  // namespace solipraxis::core
