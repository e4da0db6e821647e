// A validation problem tied to one input field, so forms can show every problem
// next to its field at once. first_error() turns a list into a single Status.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"

namespace solipraxis::core {

struct FieldError {
  std::string field;  // the member's name, e.g. "name", "links", "principles"
  Error error;        // kInvalidInput with a "<area>.error.*" key
};

inline FieldError field_error(std::string field, std::string key, std::string detail) {
  return FieldError{std::move(field),
                    make_error(ErrorCode::kInvalidInput, std::move(key), std::move(detail))};
}

// Ok when `errors` is empty, else the first error with "field: " before its detail.
inline Status first_error(std::vector<FieldError> errors) {
  if (errors.empty()) return ok_status();
  Error e = std::move(errors.front().error);
  e.detail = errors.front().field + ": " + e.detail;
  return e;
}

}  // namespace solipraxis::core
