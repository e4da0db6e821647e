#include "web/handlers/reflections/author.h"

#include <string>

#include "store/secrets.h"

namespace solipraxis::web::handlers::reflections {

namespace {
// Separates this use of the link key from every other (at most 16 bytes).
constexpr std::string_view kPurpose = "solipraxis.refl1";
}  // namespace

store::Author author_for(std::string_view secret, const store::ReflectionRound& round,
                         core::UserId user) {
  store::Author a;
  if (!round.anonymous) {
    a.user = user;
    return a;
  }
  a.key = store::keyed_hash(secret, kPurpose,
                            std::to_string(round.id) + ":" + std::to_string(user.value));
  return a;
}

}  // namespace solipraxis::web::handlers::reflections
