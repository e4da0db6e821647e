// Reading and showing an org's own catalog entry in the HTML forms, and the check that an id
// names an entry an org may hide or move. Internal to handlers/org_catalog*.cc.
#pragma once

#include <mstch/mstch.hpp>

#include "catalog/catalog.h"
#include "core/result.h"
#include "store/catalog.h"
#include "store/store.h"
#include "web/app.h"

namespace solipraxis::web::handlers {

// The form fields kind, phase, title_de, title_en, text_de, text_en, url (validation is the
// Store's; an unparsable phase becomes 0, which the Store refuses with a message).
store::OrgCatalogEntry entry_from_form(const Params& form);

// The fields' values and the kind and phase options for the entry form partial.
mstch::map entry_form_view(const Services& s, const Request& req, const catalog::Catalog& c,
                           const store::OrgCatalogEntry& e);

// kNotFound "catalog.error.not_found" unless `id` is a question, approach or resource of `c`.
core::Status check_hideable(const catalog::Catalog& c, std::string_view id);

}  // namespace solipraxis::web::handlers
