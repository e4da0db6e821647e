#include "text/rules.h"

namespace solipraxis::text {

void check_prompt_context(std::string_view, Lang, std::vector<Finding>*) {}

}  // namespace solipraxis::text
