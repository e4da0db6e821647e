// What the base layout shows about the caller: nothing for visitors; for a
// signed-in person their name, their orgs (the switcher, the current one marked)
// and the sign-out form. page.cc's render() passes it to every template as
// {{#account}}...{{/account}}.
#pragma once

#include <mstch/mstch.hpp>

#include "web/app.h"
#include "web/http.h"

namespace solipraxis::web::auth {

// false when anonymous, else {name, orgs:[{slug,name,current}], has_orgs, current_org}.
mstch::node layout_data(const Services& s, const Request& req);

}  // namespace solipraxis::web::auth
