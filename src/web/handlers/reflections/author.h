// Who writes a reflection, as the store sees it (issue 23). In a named round
// the person; in an anonymous round an opaque key, a keyed BLAKE2b digest of
// (round id, user id) under the server's link key, so the same person finds
// their draft again while no stored row names them and nobody without the key
// can tell whose key it is.
#pragma once

#include <string_view>

#include "core/ids.h"
#include "store/reflections.h"

namespace solipraxis::web::handlers::reflections {

// `secret` is the server's link key (auth::AuthOptions::link_key, a valid
// store::valid_key); it must stay the same across restarts (serve keeps it in
// <data-dir>/link.key), or anonymous authors lose their drafts.
store::Author author_for(std::string_view secret, const store::ReflectionRound& round,
                         core::UserId user);

}  // namespace solipraxis::web::handlers::reflections
