#include "text/rules.h"

namespace solipraxis::text {

void check_plain(const SentenceContext&) {}

}  // namespace solipraxis::text
