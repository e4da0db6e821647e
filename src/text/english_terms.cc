#include "text/rules.h"

namespace solipraxis::text {

void check_english_terms(const SentenceContext&) {}

}  // namespace solipraxis::text
