// The storage faults a person or an operator can act on. An engine reports each
// as an Error with ErrorCode::kUnavailable and one of these keys (the i18n
// message says what is wrong in the person's language); the web layer keeps the
// person's input and /healthz names the fault (web/handlers/site/health.cc).
#pragma once

#include <string_view>

namespace solipraxis::store {

inline constexpr const char* kStoreFull = "error.store.full";           // disk or quota full
inline constexpr const char* kStoreReadOnly = "error.store.read_only";  // cannot be written
inline constexpr const char* kStoreBusy = "error.store.busy";  // another program holds the lock

// The /healthz reason for a fault key ("storage_full", "read_only"), "" for others.
constexpr std::string_view fault_reason(std::string_view key) {
  if (key == kStoreFull) return "storage_full";
  if (key == kStoreReadOnly) return "read_only";
  return {};
}

// True for the keys above: a write failed for a reason outside the person's
// input, so a form shows the message and keeps what was typed.
constexpr bool is_storage_fault(std::string_view key) {
  return key == kStoreFull || key == kStoreReadOnly || key == kStoreBusy;
}

}  // namespace solipraxis::store
